/**
 * Cell values as the sync reads and writes them, and the short hashes the sync keeps of them. Reads are
 * unformatted (numbers, booleans, serial dates); writes are RAW, so a text is never parsed or run.
 */
import type { CellValue } from '../ports/sheet-gateway.js';

/** One form for comparing and hashing: what the sheet holds, whatever type it came back as. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export const isBlank = (v: CellValue | undefined): boolean => cellText(v).trim() === '';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A 24-bit FNV-1a hash of a cell's text as four URL-safe characters: enough to tell "this cell changed"
 * (a chance of 1 in 16 million of missing one edit), small enough to keep one per cell in the row.
 */
export function cellHash(v: CellValue | undefined): string {
  const s = cellText(v);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const x = (h ^ (h >>> 24)) & 0xffffff;
  return (
    (B64[(x >>> 18) & 63] ?? '') +
    (B64[(x >>> 12) & 63] ?? '') +
    (B64[(x >>> 6) & 63] ?? '') +
    (B64[x & 63] ?? '')
  );
}

/** Full-width digits and punctuation (typed with Chinese input methods) as ASCII; spaces collapsed. */
export const normalizeTyped = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** A number a person typed: `200`, `２００`, `¥200`, `200元`, `1,200.50`; undefined when it is not one. */
export function parseAmount(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = normalizeTyped(cellText(v))
    .replace(/^(?:¥|RMB|CNY)\s*/i, '')
    .replace(/\s*(?:元|块|RMB|CNY)$/i, '')
    .replace(/,/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

const YES = new Set(['是', '是 yes', 'yes', 'y', 'true', '1', '✓', '✔', '对', '属实', '是的']);
const NO = new Set(['否', '否 no', 'no', 'n', 'false', '0', '✗', '✘', '不', '不属实', '不是']);

/** Yes or no from a dropdown label, a checkbox, or what a person typed; undefined when neither. */
export function parseYesNo(v: CellValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = normalizeTyped(cellText(v)).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

export const YES_LABEL = '是 Yes';
export const NO_LABEL = '否 No';

/** Items of a list cell: separated by commas (ASCII or Chinese), 、 or semicolons. */
export const splitList = (v: CellValue | undefined): string[] =>
  cellText(v)
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
