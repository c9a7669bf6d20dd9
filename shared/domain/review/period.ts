/**
 * The periods the daily review and the monthly statistics cover, as business-calendar dates and the
 * instants that bound them: a day is `calendar.at(day, '00:00')` up to the next day's midnight.
 */
import type { BusinessCalendar, LocalDate } from '../calendar.js';

export interface Window {
  /** First instant, inclusive (ISO). */
  from: string;
  /** Last instant, exclusive (ISO). */
  to: string;
}

export type Calendar = Pick<BusinessCalendar, 'at' | 'addDays' | 'isWorkingDay' | 'localDate'>;

/** The instants of one business day. */
export const dayWindow = (calendar: Calendar, day: LocalDate): Window => ({
  from: calendar.at(day, '00:00').toISOString(),
  to: calendar.at(calendar.addDays(day, 1), '00:00').toISOString(),
});

/** 'YYYY-MM' of a date. */
export const monthOf = (day: LocalDate): string => day.slice(0, 7);

/** The month `n` months after `month` ('YYYY-MM'; n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every date of a month, in order. */
export function daysOfMonth(calendar: Calendar, month: string): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = `${month}-01`; monthOf(d) === month; d = calendar.addDays(d, 1)) out.push(d);
  return out;
}

/** The dates `from`..`to`, both included. */
export function daysBetween(calendar: Calendar, from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = calendar.addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The month's first working day. When the first `lastDay` days hold none (a long closure), the run on
 * `lastDay` acts anyway: the schedule fires on days 1..lastDay only.
 */
export function firstWorkingDay(calendar: Calendar, month: string, lastDay = 10): LocalDate {
  for (const d of daysOfMonth(calendar, month).slice(0, lastDay)) if (calendar.isWorkingDay(d)) return d;
  return `${month}-${String(lastDay).padStart(2, '0')}`;
}

/**
 * The earliest date whose "within n working days" deadline can fall on `day`: the n-th working day
 * before it. Events from then on are enough to find every case whose notify deadline is due on `day`.
 */
export function workingDaysBack(calendar: Calendar, day: LocalDate, n: number): LocalDate {
  let d = day;
  // Ten years back at most: a calendar with no working day in that span has no such deadline either.
  for (let count = 0, steps = 0; count < n && steps < 3660; steps++) {
    d = calendar.addDays(d, -1);
    if (calendar.isWorkingDay(d)) count += 1;
  }
  return d;
}
