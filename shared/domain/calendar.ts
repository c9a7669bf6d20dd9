/**
 * The business's own working calendar and working-day deadlines on it. Pure: zone conversion uses
 * only Intl, and callers pass instants in (no clock here), so results are reproducible in tests.
 * Dates are handled internally as day numbers since 1970-01-01, which makes calendar arithmetic
 * independent of any time zone.
 */
export type LocalDate = string; // 'YYYY-MM-DD'

export interface OfficialHolidays {
  holidays: ReadonlySet<LocalDate>;
  makeupWorkdays: ReadonlySet<LocalDate>;
  /** The last day the data covers; later days fall back to the weekly pattern. */
  coveredThrough?: LocalDate;
}

export interface CalendarSettings {
  timeZone: string;
  workingWeekdays: readonly number[]; // 0 = Sunday … 6 = Saturday
  opensAt: string; // 'HH:MM' local
  closesAt: string; // 'HH:MM' local, after opensAt
  closures: readonly LocalDate[]; // always closed
  extraWorkingDays: readonly LocalDate[]; // open unless also in closures
  official?: OfficialHolidays; // official holidays closed, make-up days open
}

/** Whether a date-time text names its offset ('Z', '+08:00'): then it is an absolute instant. */
export const hasOffset = (text: string): boolean => /(?:Z|[+-]\d{2}:\d{2})$/.test(text);

/**
 * The instant a date-time text means: with an offset, that instant; without one ("YYYY-MM-DDTHH:MM",
 * as a datetime-local input sends), the business's wall-clock time. Every door resolves times here.
 */
export function resolveDateTime(text: string, calendar: Pick<BusinessCalendar, 'at'>): string {
  if (hasOffset(text)) return new Date(text).toISOString();
  const [day = '', time = ''] = text.split('T');
  return calendar.at(day, time.slice(0, 5)).toISOString();
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  timeZone: 'Asia/Shanghai',
  workingWeekdays: Object.freeze([1, 2, 3, 4, 5]),
  opensAt: '09:00',
  closesAt: '18:00',
  closures: Object.freeze([]),
  extraWorkingDays: Object.freeze([]),
});

export interface BusinessCalendar {
  readonly settings: CalendarSettings;
  localDate(instant: Date): LocalDate;
  localTime(instant: Date): string;
  /** Precedence: closures > extraWorkingDays > official make-up (open) > official holiday (closed) > weekly pattern. */
  isWorkingDay(date: LocalDate): boolean;
  at(date: LocalDate, hhmm: string): Date;
  addDays(date: LocalDate, n: number): LocalDate;
  nextWorkingDay(date: LocalDate): LocalDate;
  /**
   * The deadline "within n working days" of an instant: closing time of the n-th working day strictly
   * after the instant's local date (n >= 1). n = 0 => closing time of the instant's own date if it is a
   * working day and the instant is before closing, else closing time of the next working day.
   */
  addWorkingDays(instant: Date, n: number): Date;
  /** Number of working days d with from < d <= to (local dates); 0 when to <= from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
}

const DAY_MS = 86_400_000;
// Ten years: any real calendar has a working day long before this; beyond it the settings are unusable.
const SEARCH_LIMIT_DAYS = 3660;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const formatDay = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

function toDay(date: LocalDate, field: string): number {
  const m = DATE_RE.exec(String(date));
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  // The round trip rejects impossible dates such as 2026-02-30, which Date.UTC would silently roll over.
  if (!m || formatDay(ms / DAY_MS) !== date)
    throw new Error(`${field}: invalid date '${date}' (expected YYYY-MM-DD)`);
  return ms / DAY_MS;
}

function toMinutes(hhmm: string, field: string): number {
  const m = TIME_RE.exec(String(hhmm));
  if (!m) throw new Error(`${field}: invalid time '${hhmm}' (expected HH:MM, 00:00-23:59)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function checkDates(dates: readonly LocalDate[] | undefined, field: string): LocalDate[] {
  return (dates ?? []).map((d) => formatDay(toDay(d, field)));
}

function checkInteger(n: number, field: string, min = -Infinity): void {
  if (!Number.isInteger(n) || n < min) throw new Error(`${field}: expected an integer >= ${min}, got ${n}`);
}

function checkInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`instant: invalid Date '${String(instant)}'`);
  return ms;
}

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  // Intl would silently fall back to the host zone for undefined/empty, so insist on a name.
  if (typeof timeZone !== 'string' || timeZone === '')
    throw new Error('timeZone: an IANA zone name is required');
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new Error(`timeZone: unknown time zone '${timeZone}'`);
  }
}

export function createBusinessCalendar(input: CalendarSettings): BusinessCalendar {
  const fmt = zoneFormatter(input.timeZone);
  const opens = toMinutes(input.opensAt, 'opensAt');
  const closes = toMinutes(input.closesAt, 'closesAt');
  if (closes <= opens)
    throw new Error(`closesAt: '${input.closesAt}' must be after opensAt '${input.opensAt}'`);
  const weekdays = new Set<number>();
  for (const w of input.workingWeekdays ?? []) {
    if (!Number.isInteger(w) || w < 0 || w > 6)
      throw new Error(`workingWeekdays: ${w} is not 0 (Sunday) … 6 (Saturday)`);
    weekdays.add(w);
  }
  const closures = new Set(checkDates(input.closures, 'closures'));
  const extras = new Set(checkDates(input.extraWorkingDays, 'extraWorkingDays'));
  if (weekdays.size === 0 && extras.size === 0) {
    throw new Error(
      'workingWeekdays: no working weekday and no extraWorkingDays, so the business is never open',
    );
  }
  const official = input.official;
  // A private copy, so a caller mutating its arrays later cannot desynchronise settings from the sets above.
  const settings: CalendarSettings = Object.freeze({
    ...input,
    workingWeekdays: Object.freeze([...weekdays].sort((a, b) => a - b)),
    closures: Object.freeze([...closures]),
    extraWorkingDays: Object.freeze([...extras]),
  });

  /** The instant's wall-clock time in the zone, expressed as if it were a UTC timestamp (second precision). */
  const wallMs = (ms: number): number => {
    const parts = fmt.formatToParts(ms);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour') % 24,
      get('minute'),
      get('second'),
    );
  };
  const offsetAt = (ms: number): number => wallMs(ms) - Math.floor(ms / 1000) * 1000;

  const working = (day: number): boolean => {
    const date = formatDay(day);
    if (closures.has(date)) return false;
    if (extras.has(date)) return true;
    if (official?.makeupWorkdays.has(date)) return true;
    if (official?.holidays.has(date)) return false;
    return weekdays.has((((day + 4) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  };

  const nextWorking = (day: number): number => {
    for (let d = day + 1; d <= day + SEARCH_LIMIT_DAYS; d++) if (working(d)) return d;
    throw new Error(`calendar has no working days in the ${SEARCH_LIMIT_DAYS} days after ${formatDay(day)}`);
  };

  const atDay = (day: number, minutes: number): Date => {
    const wall = day * DAY_MS + minutes * 60_000;
    // Try the offsets in force a day either side (at most one DST change lies between them); an offset
    // is right if the instant it yields really has that offset. Overlap: the earlier instant. Gap: no
    // candidate fits, so keep the pre-change offset, which moves the time forward by the gap's length
    // (both as Temporal's 'compatible' disambiguation).
    const before = offsetAt(wall - DAY_MS);
    const after = offsetAt(wall + DAY_MS);
    const fits = [wall - before, wall - after].filter((t) => offsetAt(t) === wall - t);
    return new Date(fits.length > 0 ? Math.min(...fits) : wall - before);
  };

  const dayOf = (instant: Date): number => Math.floor(wallMs(checkInstant(instant)) / DAY_MS);

  return {
    settings,
    localDate: (instant) => formatDay(dayOf(instant)),
    localTime: (instant) => {
      const minutes = Math.floor((wallMs(checkInstant(instant)) % DAY_MS) / 60_000);
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    },
    isWorkingDay: (date) => working(toDay(date, 'date')),
    at: (date, hhmm) => atDay(toDay(date, 'date'), toMinutes(hhmm, 'time')),
    addDays: (date, n) => {
      checkInteger(n, 'n');
      return formatDay(toDay(date, 'date') + n);
    },
    nextWorkingDay: (date) => formatDay(nextWorking(toDay(date, 'date'))),
    addWorkingDays: (instant, n) => {
      checkInteger(n, 'n', 0);
      let day = dayOf(instant);
      if (n === 0) {
        const close = atDay(day, closes);
        return working(day) && instant.getTime() < close.getTime() ? close : atDay(nextWorking(day), closes);
      }
      for (let i = 0; i < n; i++) day = nextWorking(day);
      return atDay(day, closes);
    },
    workingDaysBetween: (from, to) => {
      const end = toDay(to, 'to');
      let count = 0;
      for (let d = toDay(from, 'from') + 1; d <= end; d++) if (working(d)) count++;
      return count;
    },
  };
}
