/** Text rules shared by every door: what a stored text field may contain. */
import * as z from 'zod';
import { hasOffset } from './calendar.js';

// C0/C1 controls except tab and newlines; also bidi overrides, which can disguise text in the sheet.
const FORBIDDEN_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
export const FORBIDDEN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Normalises line endings and trims; NFC so the same Chinese text always compares equal. */
const cleanText = (s: string): string => s.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** Text of at most `max` characters, cleaned, with none of the `forbidden` characters. */
const textWithout = (forbidden: RegExp) => (max: number) =>
  z
    .string()
    .transform(cleanText)
    .refine((s) => !forbidden.test(s), { message: 'control_chars' })
    .refine((s) => [...s].length <= max, { message: `too_long:${max}` });

export const lineText = textWithout(FORBIDDEN_LINE);
export const multilineText = textWithout(FORBIDDEN_MULTILINE);

export const requiredLine = (max: number) =>
  lineText(max).refine((s) => s.length > 0, { message: 'required' });
export const requiredText = (max: number) =>
  multilineText(max).refine((s) => s.length > 0, { message: 'required' });

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
