/**
 * Time while the business is open: the working days of the business calendar, between opening and
 * closing time. Escalation counts working-day spans and delays in it, and holds non-critical messages
 * until it (nobody is emailed at 2 a.m. or on a closed day). Pure: instants in, instants out.
 */
import type { BusinessCalendar, LocalDate } from './calendar.js';

/** The open interval of a working day, as instants (closed days have none). */
function openInterval(calendar: BusinessCalendar, day: LocalDate): [number, number] | undefined {
  if (!calendar.isWorkingDay(day)) return undefined;
  const { opensAt, closesAt } = calendar.settings;
  return [calendar.at(day, opensAt).getTime(), calendar.at(day, closesAt).getTime()];
}

/** Whether the business is open at `t` (opening time included, closing time not). */
export function isOpenAt(calendar: BusinessCalendar, t: Date): boolean {
  const open = openInterval(calendar, calendar.localDate(t));
  return !!open && open[0] <= t.getTime() && t.getTime() < open[1];
}

/** `t` itself while open, else the next opening time. */
export function nextOpening(calendar: BusinessCalendar, t: Date): Date {
  const day = calendar.localDate(t);
  const open = openInterval(calendar, day);
  if (open && t.getTime() < open[1]) return new Date(Math.max(open[0], t.getTime()));
  return calendar.at(calendar.nextWorkingDay(day), calendar.settings.opensAt);
}

/** The length of one working day's opening hours (ms). */
export function workingDayMs(calendar: BusinessCalendar): number {
  const day = '2000-01-03';
  return (
    calendar.at(day, calendar.settings.closesAt).getTime() -
    calendar.at(day, calendar.settings.opensAt).getTime()
  );
}

/**
 * The instant `ms` of open time after `t` (time while closed does not count). Landing exactly on a closing
 * time gives the next opening: the moment the time is used up, the business is next open then.
 */
export function addOpenTime(calendar: BusinessCalendar, t: Date, ms: number): Date {
  let from = nextOpening(calendar, t).getTime();
  let left = Math.max(0, ms);
  for (;;) {
    const open = openInterval(calendar, calendar.localDate(new Date(from)));
    const close = open?.[1] ?? from;
    if (left < close - from) return new Date(from + left);
    left -= close - from;
    from = nextOpening(calendar, new Date(close)).getTime();
  }
}

/** Open time between two instants (ms); 0 when `to` is not after `from`. */
export function openTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  let total = 0;
  let t = nextOpening(calendar, from).getTime();
  while (t < to.getTime()) {
    const open = openInterval(calendar, calendar.localDate(new Date(t)));
    const close = Math.min(open?.[1] ?? t, to.getTime());
    total += close - t;
    if (close >= to.getTime()) break;
    t = nextOpening(calendar, new Date(close)).getTime();
  }
  return total;
}
