/**
 * The new-complaint submission: one schema for the web form, the JSON endpoint and anything else that
 * creates a case. Few fields are required (name, a contact, what happened, category); the rest have
 * defaults. Unknown fields are refused so a typo never silently drops data.
 */
import * as z from 'zod';
import { emailText, LIMITS, languageField, listIssues, parseFields, phoneText } from './fields.js';
import {
  BROKEN_TEXT,
  dateTimeText,
  FORBIDDEN_LINE,
  optionalLine,
  optionalText,
  requiredLine,
  requiredText,
} from './text.js';
import { codes, type ValueLists } from './values.js';

function oneOf(list: string[], fallback?: string) {
  const base = z
    .string()
    .trim()
    .refine((s) => s === '' || list.includes(s), { message: 'invalid_option' });
  return base.optional().transform((s) => (s ? s : fallback));
}

/** Accepts an array, a single value, or a comma-separated string (form posts repeat or join keys). */
function manyOf(list: string[] | undefined, maxItems: number, maxLen: number) {
  return z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(/[,，、]/)))
    .transform((v) => [...new Set(v.map((s) => s.normalize('NFC').trim()).filter(Boolean))])
    .refine((v) => v.length <= maxItems, { message: `too_many:${maxItems}` })
    .refine((v) => v.every((s) => !BROKEN_TEXT.test(s)), { message: 'invalid_text', abort: true })
    .refine((v) => v.every((s) => !FORBIDDEN_LINE.test(s)), { message: 'control_chars' })
    .refine((v) => v.every((s) => [...s].length <= maxLen), { message: `too_long:${maxLen}` })
    .refine((v) => !list || v.every((s) => list.includes(s)), { message: 'invalid_option' });
}

/** What an idempotency key looks like (the form's own are 24 base64url characters). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,80}$/;

function makeSubmissionSchema(lists: ValueLists) {
  return z
    .strictObject({
      name: requiredLine(LIMITS.name),
      phone: phoneText,
      email: emailText,
      wechat: optionalLine(LIMITS.contact),
      description: requiredText(LIMITS.description),
      category: z
        .string()
        .trim()
        .refine((s) => s !== '', { message: 'required' })
        .refine((s) => s === '' || codes(lists, 'category').includes(s), { message: 'invalid_option' }),
      channel: oneOf(codes(lists, 'channel'), 'web_form'),
      stage: oneOf(codes(lists, 'stage')),
      severity: oneOf(codes(lists, 'severity'), 'normal'),
      requests: manyOf(codes(lists, 'request'), 10, 40),
      requestDetail: optionalText(LIMITS.short),
      staffInvolved: manyOf(undefined, LIMITS.staff, 40),
      location: optionalLine(LIMITS.short),
      receivedBy: optionalLine(LIMITS.name),
      receivedAt: dateTimeText.optional().or(z.literal('').transform(() => undefined)),
      promisedReplyAt: dateTimeText.optional().or(z.literal('').transform(() => undefined)),
      language: languageField,
      idempotencyKey: z.string().trim().regex(IDEMPOTENCY_KEY, { message: 'invalid_key' }).optional(),
    })
    .refine((v) => !!(v.phone || v.email || v.wechat), {
      path: ['phone'],
      message: 'contact_required',
      // Also when other fields failed, so the form shows every error in one round.
      when: (payload) => {
        const v = payload.value as Record<string, unknown> | undefined;
        return (
          !!v &&
          typeof v === 'object' &&
          !['phone', 'email', 'wechat'].some((k) => payload.issues.some((i) => i.path?.[0] === k))
        );
      },
    });
}

export type Submission = z.output<ReturnType<typeof makeSubmissionSchema>>;

/** Fields the transport layer (form page, headers) may add that are not part of the case. */
export const TRANSPORT_FIELDS = ['accessCode', 'website', 'lang'] as const;

// Building the schema costs milliseconds; value lists change only with configuration.
const schemas = new WeakMap<ValueLists, ReturnType<typeof makeSubmissionSchema>>();

export function parseSubmission(lists: ValueLists, input: unknown): Submission {
  let schema = schemas.get(lists);
  if (!schema) {
    schema = makeSubmissionSchema(lists);
    schemas.set(lists, schema);
  }
  return parseFields(schema, input, (issues) => `Invalid complaint: ${listIssues(issues)}`);
}
