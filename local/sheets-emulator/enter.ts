/**
 * What a cell holds after a value is entered (ValueInputOption). RAW stores strings verbatim.
 * USER_ENTERED parses as the Sheets UI does in the spreadsheet's locale: `=…` formulas, a leading
 * apostrophe forcing text, TRUE/FALSE, numbers with grouping, currency and percent, dates and times
 * (ISO, `2026/11/24`, `2026年11月24日`, the locale's short form, `14:30`, `2:30 PM`) as serials. The
 * number format Sheets would pick is returned as well, so FORMATTED_VALUE shows what was typed.
 * A cell formatted as plain text (numberFormat.type TEXT) keeps whatever is typed as text.
 */
import type { NumberFormat } from './format.js';
import { type Cell, type CellValue, invalid, MAX_CELL_CHARS } from './model.js';
import { isValidDate, partsToSerial } from './serial.js';

export type ValueInputOption = 'RAW' | 'USER_ENTERED';

export interface Entered {
  v?: CellValue;
  f?: string;
  /** The number format Sheets assigns to what was typed (dates, percents, currency, grouping). */
  auto?: NumberFormat;
}

const NUM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const GROUPED = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d*)?`;
const PLAIN_NUMBER = new RegExp(`^[+-]?${NUM}$`);
const GROUPED_NUMBER = new RegExp(`^([+-]?)(${GROUPED})$`);
const CURRENCY = new RegExp(`^([+-]?)(US\\$|CN¥|RMB|[$¥€£￥])\\s?(${GROUPED}|${NUM})$`);
const PERCENT = new RegExp(`^([+-]?(?:${GROUPED}|${NUM}))\\s?%$`);
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

type Order = 'MDY' | 'DMY' | 'YMD';
/** Short-date order by locale: en_US month first, most of the world day first, East Asia year first. */
function dateOrder(locale: string): Order {
  const lang = locale.split(/[_-]/)[0]?.toLowerCase() ?? 'en';
  if (locale === 'en_US' || locale === 'en' || locale === 'en_PH' || locale === 'es_US') return 'MDY';
  if (['zh', 'ja', 'ko', 'hu', 'lt', 'mn'].includes(lang)) return 'YMD';
  return 'DMY';
}

interface TimePart {
  hour: number;
  minute: number;
  second: number;
  ms: number;
  pattern: string;
}

function parseTime(text: string): TimePart | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (minute > 59 || second > 59) return undefined;
  const ampm = m[5]?.toUpperCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'P' ? 12 : 0);
  } else if (hour > 23) return undefined;
  const pattern = `${ampm ? 'h' : 'hh'}:mm${m[3] === undefined ? '' : ':ss'}${ampm ? ' am/pm' : ''}`;
  return { hour, minute, second, ms: m[4] ? Number(m[4].padEnd(3, '0')) : 0, pattern };
}

function parseDate(text: string, locale: string): { serial: number; fmt: NumberFormat } | undefined {
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\s+(.+))?$/.exec(text) ??
    /^(\d{4})(年)(\d{1,2})月(\d{1,2})日(?:\s*(.+))?$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  let datePattern: string;
  let rest: string | undefined;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    datePattern = m[2] === '年' ? 'yyyy"年"m"月"d"日"' : `yyyy${m[2]}mm${m[2]}dd`;
    rest = m[5];
  } else {
    const s = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:\s+(.+))?$/.exec(text);
    if (!s) return undefined;
    const order = dateOrder(locale);
    if (order === 'YMD') return undefined;
    const [a, b] = [Number(s[1]), Number(s[3])];
    [month, day] = order === 'MDY' ? [a, b] : [b, a];
    year = Number(s[4]);
    if (year < 100) year += year < 30 ? 2000 : 1900;
    const sep = s[2] as string;
    datePattern = order === 'MDY' ? `M${sep}d${sep}yyyy` : `d${sep}M${sep}yyyy`;
    rest = s[5];
  }
  if (!isValidDate(year, month, day)) return undefined;
  let time: TimePart | undefined;
  if (rest !== undefined) {
    time = parseTime(rest);
    if (!time) return undefined;
  }
  const serial = partsToSerial({ year, month, day, ...(time ?? {}) });
  if (!time) return { serial, fmt: { type: 'DATE', pattern: datePattern } };
  return { serial, fmt: { type: 'DATE_TIME', pattern: `${datePattern} ${time.pattern}` } };
}

const decimalsOf = (n: string) => (n.split('.')[1] ?? '').replace(/[eE].*$/, '').length;
const digits = (grouped: boolean, decimals: number) =>
  `${grouped ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;

/** A string typed into the UI, as Sheets stores it. */
export function parseUserEntered(raw: string, locale: string): Entered {
  const text = raw.trim();
  if (PLAIN_NUMBER.test(text)) return { v: Number(text) };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { v: upper === 'TRUE' };
  let m = GROUPED_NUMBER.exec(text);
  if (m) {
    const n = (m[2] as string).replaceAll(',', '');
    return { v: Number(`${m[1]}${n}`), auto: { type: 'NUMBER', pattern: digits(true, decimalsOf(n)) } };
  }
  m = PERCENT.exec(text);
  if (m) {
    const n = (m[1] as string).replaceAll(',', '');
    const pattern = `${digits(false, decimalsOf(n) ? 2 : 0)}%`;
    return { v: Number(n) / 100, auto: { type: 'PERCENT', pattern } };
  }
  m = CURRENCY.exec(text);
  if (m) {
    const n = (m[3] as string).replaceAll(',', '');
    const symbol = m[2] as string;
    const pattern = `"${symbol}"${digits(true, decimalsOf(n) ? 2 : 0)}`;
    return { v: Number(`${m[1]}${n}`), auto: { type: 'CURRENCY', pattern } };
  }
  const date = parseDate(text, locale);
  if (date) return { v: date.serial, auto: date.fmt };
  const time = parseTime(text);
  if (time) {
    const serial = (time.hour * 3600 + time.minute * 60 + time.second + time.ms / 1000) / 86_400;
    return { v: serial, auto: { type: 'TIME', pattern: time.pattern } };
  }
  return { v: raw };
}

/**
 * `null` = leave the cell untouched (JSON null), `undefined` = clear its value (empty string).
 * `plainText`: the cell is formatted as plain text, so nothing typed is parsed.
 */
export function enterValue(
  raw: unknown,
  option: ValueInputOption,
  where: string,
  locale: string,
  plainText = false,
): Entered | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw invalid(`Invalid ${where}: not a finite number`);
    return { v: raw };
  }
  if (typeof raw === 'boolean') return { v: raw };
  if (typeof raw !== 'string') throw invalid(`Invalid ${where}: unsupported value type ${typeof raw}`);
  if (raw.length > MAX_CELL_CHARS) {
    throw invalid(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (raw === '') return undefined;
  if (option === 'RAW' || plainText) return { v: raw };
  if (raw.startsWith("'")) return raw.length > 1 ? { v: raw.slice(1) } : undefined;
  if (raw.startsWith('=') && raw.length > 1) return { f: raw };
  return parseUserEntered(raw, locale);
}

/** The cell after entering: value or formula replaced, format, validation and note kept. */
export function applyEntered(existing: Cell | undefined, entered: Entered | undefined): Cell | undefined {
  const next: Cell = { ...existing };
  delete next.v;
  delete next.f;
  if (entered?.f !== undefined) next.f = entered.f;
  else if (entered?.v !== undefined) next.v = entered.v;
  const nf = (existing?.fmt?.numberFormat ?? undefined) as NumberFormat | undefined;
  if (entered?.auto && !nf) next.fmt = { ...existing?.fmt, numberFormat: entered.auto };
  return Object.keys(next).length ? next : undefined;
}

export function parseInputOption(raw: unknown): ValueInputOption {
  if (raw === undefined || raw === null || raw === '' || raw === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw invalid("'valueInputOption' is required but not specified");
  }
  if (raw !== 'RAW' && raw !== 'USER_ENTERED') {
    throw invalid(`Invalid value at 'value_input_option' (TYPE_ENUM), "${String(raw)}"`);
  }
  return raw;
}

export const isPlainText = (cell: Cell | undefined) =>
  (cell?.fmt?.numberFormat as NumberFormat | undefined)?.type === 'TEXT';
