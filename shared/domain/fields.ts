/**
 * What a case field may hold, whichever door it comes through (the form, its script, the sheet, an API):
 * the length limits, the phone and email rules, and how a schema's refusals become field issues.
 */
import * as z from 'zod';
import { type FieldIssue, validationError } from './errors.js';
import { LANGS, type Lang } from './values.js';

export const LIMITS = { name: 60, contact: 100, description: 4000, short: 200, staff: 10 } as const;

/**
 * Digits with the separators people type, at least six digits of them; the form's script checks the
 * same patterns (client-script.ts).
 */
export const PHONE_PATTERN = /^(?=(?:\D*\d){6})[+\d][\d\s()-]{5,24}$/;
export const EMAIL_PATTERN = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
export const EMAIL_MAX_LENGTH = 254;

const isPhone = (s: string): boolean => PHONE_PATTERN.test(s);
const isEmail = (s: string): boolean => s.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(s);

/** An optional contact: trimmed, empty means "not given". */
const optionalContact = (valid: (s: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || valid(s), { message })
    .optional()
    .transform((s) => (s ? s : undefined));

export const phoneText = optionalContact(isPhone, 'invalid_phone');
export const emailText = optionalContact(isEmail, 'invalid_email');

/** The language a person used (the form's hidden field); Chinese unless they chose English. */
export const languageField = z.enum(LANGS as [Lang, ...Lang[]]).default('zh-CN');

/** Turns zod's issues into the product's field issues: a code the page translates, per field. */
function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const field = i.code === 'unrecognized_keys' ? (i.keys[0] ?? 'body') : String(i.path[0] ?? 'body');
    const code =
      i.code === 'unrecognized_keys'
        ? 'unknown_field'
        : i.code === 'invalid_type' && i.input === undefined
          ? 'required'
          : i.code === 'invalid_type' || i.code === 'invalid_value'
            ? 'invalid'
            : i.message;
    return { field, code, message: i.message };
  });
}

/**
 * Parses `input` with `schema`, or throws a validation error with one issue per field and a message
 * `describe` writes from them.
 */
export function parseFields<T extends z.ZodType>(
  schema: T,
  input: unknown,
  describe: (issues: FieldIssue[]) => string,
): z.output<T> {
  // reportInput: lets toFieldIssues tell a missing field ('required') from one of the wrong type ('invalid').
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error);
  throw validationError(describe(issues), issues);
}

/** "field (code), field (code)": the message of a refused submission or change. */
export const listIssues = (issues: FieldIssue[]): string =>
  issues.map((i) => `${i.field} (${i.code})`).join(', ');
