/**
 * Dates in the sheet. The sync writes instants as serial numbers (days since 1899-12-30, wall-clock time
 * in the spreadsheet's time zone) under a date-time format, so conditional formats can compare them with
 * NOW(); it reads them back the same way. What a manager types that the sheet did not turn into a date
 * (a text cell, full-width digits, 年月日) is read as wall-clock time in the business's time zone.
 */
import {
  type BusinessCalendar,
  createBusinessCalendar,
  DEFAULT_CALENDAR_SETTINGS,
  type LocalDate,
} from '../domain/calendar.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { cellText, normalizeTyped } from './cells.js';

/** Converts between instants and wall-clock times of one zone (a calendar used only for its zone). */
export type Zone = Pick<BusinessCalendar, 'at' | 'localDate' | 'localTime'>;

export const zoneOf = (timeZone: string): Zone =>
  createBusinessCalendar({ ...DEFAULT_CALENDAR_SETTINGS, timeZone });

/** Serial day 0 (1899-12-30) is 25569 days before the Unix epoch. */
const EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

const pad = (n: number) => String(n).padStart(2, '0');
const dayNumber = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDay = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** An instant as a serial date-time in `zone`, to the minute (what the sheet shows and a person types). */
export function toSerial(iso: string, zone: Zone): number {
  const at = new Date(iso);
  const [h = 0, m = 0] = zone.localTime(at).split(':').map(Number);
  return EPOCH_SERIAL + dayNumber(zone.localDate(at)) + (h * 60 + m) / MINUTES_PER_DAY;
}

/** A business date ('YYYY-MM-DD') as a serial date. */
export const dateToSerial = (date: LocalDate): number => EPOCH_SERIAL + dayNumber(date);

/** The instant a serial date-time means in `zone` (to the minute). */
export function fromSerial(serial: number, zone: Zone): string {
  const minutes = Math.round((serial - EPOCH_SERIAL) * MINUTES_PER_DAY);
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes - day * MINUTES_PER_DAY;
  return zone.at(dateOfDay(day), `${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`).toISOString();
}

export const serialToDate = (serial: number): LocalDate => dateOfDay(Math.floor(serial - EPOCH_SERIAL));

/** The serial numbers a sheet shows as dates: 1899-12-30 (0) to 9999-12-31; any other number is no date. */
const LAST_SERIAL = 2_958_465;
const isDateSerial = (v: number) => Number.isFinite(v) && v >= 0 && v < LAST_SERIAL + 1;

/** A typed date and maybe a time of day, before a zone gives it an instant. */
export interface TypedDateTime {
  date: LocalDate;
  /** 'HH:MM'; absent when only a date was typed. */
  time?: string;
  /** An explicit offset or Z made it an instant already. */
  instant?: string;
}

const TYPED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*T?\s*(\d{1,2})\s*[:时點点]\s*(?:(\d{1,2})\s*分?)?(?:\s*:\s*(\d{1,2})(?:\.\d+)?\s*秒?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The forms people type: ISO (`2026-11-24T14:30`, with or without seconds or an offset),
 * `2026/11/24 14:30`, `2026.11.24`, `2026年11月24日 14:30`, `2026年11月24日14时30分`, full-width digits.
 * undefined when the text is none of them or names an impossible date or time.
 */
export function parseTypedDateTime(text: string): TypedDateTime | undefined {
  const m = TYPED.exec(normalizeTyped(text));
  if (!m) return undefined;
  const [, y, mo, d, h, mi, , offset] = m;
  const date = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
  if (Number.isNaN(dayNumber(date)) || dateOfDay(dayNumber(date)) !== date) return undefined;
  if (h === undefined) return { date };
  const hour = Number(h);
  const minute = Number(mi ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  const time = `${pad(hour)}:${pad(minute)}`;
  if (!offset) return { date, time };
  const iso = `${date}T${time}:00${offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
  return { date, time, instant: new Date(iso).toISOString() };
}

/**
 * The instant a date-time cell means: a serial number in the spreadsheet's zone, or typed text in the
 * business's zone, where a date without a time means `dateOnly` ('HH:MM'). A whole serial number is a
 * date the sheet read without a time (a manager typed `2026年11月24日`), so it means `dateOnly` too.
 * 'invalid' when it is neither.
 */
export function readDateTimeCell(
  v: CellValue | undefined,
  zones: { sheet: Zone; business: Zone },
  dateOnly: string,
): string | undefined | 'invalid' {
  if (typeof v === 'number') {
    if (!isDateSerial(v)) return 'invalid';
    return Number.isInteger(v)
      ? zones.sheet.at(serialToDate(v), dateOnly).toISOString()
      : fromSerial(v, zones.sheet);
  }
  const text = cellText(v).trim();
  if (!text) return undefined;
  const typed = parseTypedDateTime(text);
  if (!typed) return 'invalid';
  return typed.instant ?? zones.business.at(typed.date, typed.time ?? dateOnly).toISOString();
}

/** A date cell (no time): a serial number or a typed date. 'invalid' when it is neither. */
export function readDateCell(v: CellValue | undefined): LocalDate | undefined | 'invalid' {
  if (typeof v === 'number') return isDateSerial(v) ? serialToDate(v) : 'invalid';
  const text = cellText(v).trim();
  if (!text) return undefined;
  return parseTypedDateTime(text)?.date ?? 'invalid';
}
