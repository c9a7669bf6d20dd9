/**
 * Number formats (https://developers.google.com/sheets/api/guides/formats): how a number is shown
 * for FORMATTED_VALUE. Covers the patterns the product and Sheets' own auto-formats use: digits
 * (`0`, `#`, grouping `,`, decimals), percent, scientific, quoted and escaped literals, `[$¥-804]`
 * currency tags, sections `pos;neg;zero;text`, and date-time tokens (yyyy mmmm mm m dd d hh h mm ss
 * am/pm, `[h]`). Colours in sections (`[Red]`) are ignored.
 */
import { serialToParts } from './serial.js';

export interface NumberFormat {
  type?: string;
  pattern?: string;
}

/** Sheets' automatic format: integers as they are, otherwise 10 significant digits, exponent when huge. */
export function formatGeneral(n: number): string {
  if (Object.is(n, -0)) return '0';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [m, e] = n.toExponential(9).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const exp = Number(e);
    return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits on `;` outside quotes. */
function sections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < pattern.length) {
      cur += ch + pattern[i + 1];
      i += 1;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Literal text of a pattern piece: quoted strings, `\x`, currency tags; `_x`/`*x` dropped. */
function literal(piece: string): string {
  return piece
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, (_, sym: string) => `"${sym}"`)
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\(.)/g, '"$1"')
    .replace(/[_*]./g, '');
}

const isDatePattern = (p: string) => /[yYdD]|[hHsS]|am\/pm|a\/p|mmmm|mmm/i.test(p.replace(/"[^"]*"/g, ''));

export function formatNumber(n: number, pattern: string): string {
  if (!pattern || /^general$/i.test(pattern)) return formatGeneral(n);
  const secs = sections(pattern);
  let sec = secs[0] as string;
  let value = n;
  if (n < 0 && secs.length > 1) {
    sec = secs[1] as string;
    value = -n;
  } else if (n === 0 && secs.length > 2) sec = secs[2] as string;
  const pat = literal(sec);
  if (pat.trim() === '@') return formatGeneral(n);
  if (isDatePattern(pat) || /\[h+\]/i.test(sec)) return formatDate(value, sec);
  return formatDigits(value, pat);
}

function formatDigits(n: number, pat: string): string {
  // Split into literal prefix, number part, literal suffix.
  const parts: string[] = [];
  let numStart = -1;
  let numEnd = -1;
  let i = 0;
  let text = '';
  const tokens: { lit: boolean; s: string }[] = [];
  while (i < pat.length) {
    const ch = pat[i] as string;
    if (ch === '"') {
      const j = pat.indexOf('"', i + 1);
      tokens.push({ lit: true, s: pat.slice(i + 1, j < 0 ? pat.length : j) });
      i = j < 0 ? pat.length : j + 1;
      continue;
    }
    tokens.push({ lit: !/[0#?.,%eE+-]/.test(ch), s: ch });
    i += 1;
  }
  tokens.forEach((t, k) => {
    if (!t.lit && /[0#?]/.test(t.s)) {
      if (numStart < 0) numStart = k;
      numEnd = k;
    }
  });
  if (numStart < 0) return tokens.map((t) => t.s).join('');
  const numPat = tokens
    .slice(numStart, numEnd + 1)
    .map((t) => t.s)
    .join('');
  const prefix = tokens
    .slice(0, numStart)
    .map((t) => t.s)
    .join('');
  const suffix = tokens
    .slice(numEnd + 1)
    .map((t) => t.s)
    .join('');
  let v = n;
  if ((prefix + suffix).includes('%') || numPat.includes('%')) v *= 100;
  const sci = /[eE][+-]/.exec(numPat);
  if (sci) {
    const mant = numPat.slice(0, sci.index);
    const decimals = (mant.split('.')[1] ?? '').replace(/[^0#?]/g, '').length;
    const [m, e] = v.toExponential(decimals).split('e') as [string, string];
    const exp = Number(e);
    const expDigits = numPat.slice(sci.index + 2).length;
    text = `${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expDigits, '0')}`;
    return `${prefix}${text}${suffix}`;
  }
  const [intPat = '', fracPat = ''] = numPat.replace(/%/g, '').split('.');
  const minInt = intPat.replace(/[^0]/g, '').length;
  const grouping = intPat.includes(',');
  const fracMin = fracPat.replace(/[^0]/g, '').length;
  const fracMax = fracPat.replace(/[^0#?]/g, '').length;
  const neg = v < 0;
  let [intStr, fracStr = ''] = Math.abs(v).toFixed(fracMax).split('.') as [string, string?];
  if (minInt === 0 && intStr === '0') intStr = '';
  intStr = intStr.padStart(minInt, '0');
  if (grouping) intStr = intStr.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  while (fracStr.length > fracMin && fracStr.endsWith('0')) fracStr = fracStr.slice(0, -1);
  parts.push(intStr);
  if (fracPat !== '' && (fracStr.length || numPat.endsWith('.'))) parts.push(`.${fracStr}`);
  const sign = neg && Number(intStr.replace(/,/g, '') + fracStr) !== 0 ? '-' : '';
  return `${sign}${prefix}${parts.join('')}${suffix}`;
}

function formatDate(serial: number, sec: string): string {
  const p = serialToParts(serial);
  const src = sec.replace(/\[\$[^\]]*\]/g, '');
  const ampm = /am\/pm|a\/p/i.test(src);
  let out = '';
  let i = 0;
  let lastWasHour = false;
  const next = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(src);
    return m && m.index === i ? m[0] : undefined;
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '"') {
      const j = src.indexOf('"', i + 1);
      out += src.slice(i + 1, j < 0 ? src.length : j);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      out += src[i + 1] ?? '';
      i += 2;
      continue;
    }
    const tok = next(/\[h+\]|\[m+\]|am\/pm|AM\/PM|a\/p|A\/P|y+|Y+|m+|M+|d+|D+|h+|H+|s+|S+/g) ?? undefined;
    if (!tok) {
      out += ch;
      i += 1;
      continue;
    }
    i += tok.length;
    const lower = tok.toLowerCase();
    const pad = (v: number) => (tok.length >= 2 ? String(v).padStart(2, '0') : String(v));
    if (lower.startsWith('[h')) out += String(Math.floor(serial * 24));
    else if (lower === 'am/pm' || lower === 'a/p') {
      const pm = p.hour >= 12;
      out += lower === 'a/p' ? (pm ? 'P' : 'A') : pm ? 'PM' : 'AM';
    } else if (lower[0] === 'y')
      out += lower.length <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
    else if (lower[0] === 'd') {
      const dow = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
      out += lower.length >= 4 ? DAYS[dow] : lower.length === 3 ? DAYS[dow]?.slice(0, 3) : pad(p.day);
    } else if (lower[0] === 'h') {
      const h = ampm ? ((p.hour + 11) % 12) + 1 : p.hour;
      out += pad(h);
      lastWasHour = true;
      continue;
    } else if (lower[0] === 's') out += pad(p.second);
    else if (lower[0] === 'm') {
      const minute = lastWasHour || /^[^a-zA-Z"]*s/.test(src.slice(i));
      if (minute && lower.length <= 2) out += pad(p.minute);
      else if (lower.length >= 4) out += MONTHS[p.month - 1];
      else if (lower.length === 3) out += MONTHS[p.month - 1]?.slice(0, 3);
      else out += pad(p.month);
    }
    lastWasHour = false;
  }
  return out;
}

/** The text Sheets shows for a number in a cell with this number format. */
export function formatWith(n: number, fmt: NumberFormat | undefined): string {
  if (!fmt?.pattern) {
    switch (fmt?.type) {
      case 'DATE':
        return formatNumber(n, 'yyyy-mm-dd');
      case 'TIME':
        return formatNumber(n, 'hh:mm:ss');
      case 'DATE_TIME':
        return formatNumber(n, 'yyyy-mm-dd hh:mm:ss');
      case 'PERCENT':
        return formatNumber(n, '0.00%');
      case 'CURRENCY':
        return formatNumber(n, '"$"#,##0.00');
      case 'SCIENTIFIC':
        return formatNumber(n, '0.00E+00');
      default:
        return formatGeneral(n);
    }
  }
  return formatNumber(n, fmt.pattern);
}

export const isDateType = (fmt: NumberFormat | undefined) =>
  fmt?.type === 'DATE' || fmt?.type === 'TIME' || fmt?.type === 'DATE_TIME';
