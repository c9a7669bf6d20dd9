/** Date-time serial numbers: days since 1899-12-30, the fraction the time of day (as Sheets counts). */

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction of a second, 0 ≤ ms < 1000. */
  ms: number;
}

export function partsToSerial(p: Pick<DateParts, 'year' | 'month' | 'day'> & Partial<DateParts>): number {
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, p.ms ?? 0);
  return (utc - EPOCH_UTC) / DAY_MS;
}

export function serialToParts(serial: number): DateParts {
  // Round to the millisecond so 0.1 + 0.2-style drift never shows as 14:29:59.
  const d = new Date(EPOCH_UTC + Math.round(serial * DAY_MS));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

// Building a formatter costs far more than using one, and NOW() is evaluated per cell of every
// conditional-format rule a grid view draws: one formatter per zone (null: an unknown zone).
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let fmt = formatters.get(timeZone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
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
      fmt = null;
    }
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/** The wall-clock serial of an instant in a time zone (TODAY()/NOW() in the spreadsheet's zone). */
export function instantToSerial(ms: number, timeZone: string): number {
  const fmt = formatterFor(timeZone);
  if (!fmt) return (ms - EPOCH_UTC) / DAY_MS;
  const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return partsToSerial({
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ms % 1000,
  });
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
