/** Text rules shared by every door: what a stored text field may contain. */
import * as z from 'zod';
import { hasOffset } from './calendar.js';

// C0/C1 controls except tab and newlines; also bidi overrides, which can disguise text in the sheet.
const FORBIDDEN_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
export const FORBIDDEN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Text that is not text: a lone surrogate (half a character, from a broken JSON escape) or U+FFFD, which
 * is what invalid UTF-8 bytes become when a body is decoded — stored, it would be garbage for good.
 */
export const BROKEN_TEXT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;

/**
 * Characters that show nothing: spaces, format characters (zero-width, joiners, BOM, soft hyphen) and
 * the blanks that pass for letters (Hangul fillers, the Braille blank). A required field needs more.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
export const hasVisibleText = (s: string): boolean => s.replace(INVISIBLE, '').length > 0;

/** Normalises line endings and trims; NFC so the same Chinese text always compares equal. */
const cleanText = (s: string): string => s.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** Text of at most `max` characters, cleaned, with none of the `forbidden` characters. */
const textWithout = (forbidden: RegExp) => (max: number) =>
  z
    .string()
    .transform(cleanText)
    .refine((s) => !BROKEN_TEXT.test(s), { message: 'invalid_text', abort: true })
    .refine((s) => !forbidden.test(s), { message: 'control_chars' })
    .refine((s) => [...s].length <= max, { message: `too_long:${max}` });

export const lineText = textWithout(FORBIDDEN_LINE);
export const multilineText = textWithout(FORBIDDEN_MULTILINE);

export const requiredLine = (max: number) => lineText(max).refine(hasVisibleText, { message: 'required' });
export const requiredText = (max: number) =>
  multilineText(max).refine(hasVisibleText, { message: 'required' });

/** Optional text: empty strings mean "not given". */
export const optionalLine = (max: number) =>
  lineText(max)
    .optional()
    .transform((s) => (s ? s : undefined));
export const optionalText = (max: number) =>
  multilineText(max)
    .optional()
    .transform((s) => (s ? s : undefined));

/** An ISO instant, or a local "YYYY-MM-DDTHH:MM" (from <input type=datetime-local>) resolved later. */
export const dateTimeText = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.test(s), {
    message: 'invalid_date',
  })
  .refine((s) => !Number.isNaN(Date.parse(hasOffset(s) ? s : `${s}Z`)) && fieldsInRange(s), {
    message: 'invalid_date',
  });

/** Date.parse rolls impossible dates over (2026-02-30 -> 2026-03-02); the round trip refuses them. */
function fieldsInRange(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = [1, 2, 3, 4, 5, 6].map((i) => Number(m?.[i] ?? 0));
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === sec
  );
}
