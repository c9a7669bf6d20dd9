/**
 * Validation of a change to an existing case, whichever door it comes through. Only editable fields
 * are accepted; an empty text clears a field; codes must come from the value lists.
 */
import * as z from 'zod';
import { type BusinessCalendar, resolveDateTime } from './calendar.js';
import type { CasePatch } from './case.js';
import { emailText, LIMITS, listIssues, parseFields, phoneText } from './fields.js';
import { dateTimeText, lineText, multilineText, requiredLine, requiredText } from './text.js';
import { codes, type ValueListName, type ValueLists } from './values.js';

/** An optional field where an empty string (a cleared sheet cell) means "remove the value". */
const clearable = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), s.optional());

/** Turns a local wall time ("YYYY-MM-DDTHH:MM", business time zone) into an instant. */
export type LocalTimes = Pick<BusinessCalendar, 'at'>;

function makePatchSchema(lists: ValueLists, local: LocalTimes) {
  // Times with an offset are absolute; times without one are the business's wall-clock time.
  const iso = dateTimeText.transform((s) => resolveDateTime(s, local));
  const code = (name: ValueListName) =>
    z.string().refine((s) => codes(lists, name).includes(s), { message: 'invalid_option' });
  const codeList = (name: ValueListName) => z.array(code(name)).max(10);
  return z.strictObject({
    complainant: z
      .strictObject({
        name: requiredLine(LIMITS.name),
        phone: phoneText,
        email: emailText,
        wechat: lineText(LIMITS.contact).optional(),
      })
      // A case must keep a way to reach the customer.
      .refine((c) => !!(c.phone || c.email || c.wechat), { path: ['phone'], message: 'contact_required' })
      .optional(),
    location: clearable(lineText(LIMITS.short)),
    channel: code('channel').optional(),
    stage: clearable(code('stage')),
    category: code('category').optional(),
    severity: code('severity').optional(),
    description: requiredText(LIMITS.description).optional(),
    requests: codeList('request').optional(),
    requestDetail: clearable(multilineText(LIMITS.short)),
    staffInvolved: z.array(lineText(40)).max(LIMITS.staff).optional(),
    promisedReplyAt: clearable(iso),
    repliedAt: clearable(iso),
    owner: clearable(lineText(LIMITS.contact)),
    findings: clearable(multilineText(LIMITS.description)),
    substantiated: z.boolean().optional(),
    correctiveAction: clearable(multilineText(LIMITS.description)),
    compensation: z
      .strictObject({
        description: requiredText(LIMITS.short),
        amount: z.number().nonnegative().max(10_000_000).optional(),
        beyondPolicy: z.boolean(),
        approvedBy: lineText(LIMITS.contact).optional(),
        approvedAt: iso.optional(),
      })
      .optional(),
    resolvedAt: clearable(iso),
    notifiedAt: clearable(iso),
    notifyMethod: clearable(code('notifyMethod')),
    followedUpAt: clearable(iso),
    satisfaction: clearable(code('satisfaction')),
    rootCause: clearable(multilineText(LIMITS.description)),
    notes: clearable(multilineText(LIMITS.description)),
    reopenReason: clearable(multilineText(LIMITS.short)),
  });
}

// Building the schema costs milliseconds; it depends only on the value lists and the calendar.
const schemas = new WeakMap<ValueLists, WeakMap<LocalTimes, ReturnType<typeof makePatchSchema>>>();

/** Returns the patch with only the keys given; an empty string value clears that field. */
export function validatePatch(patch: CasePatch, lists: ValueLists, local: LocalTimes): CasePatch {
  let byCalendar = schemas.get(lists);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    schemas.set(lists, byCalendar);
  }
  let schema = byCalendar.get(local);
  if (!schema) {
    schema = makePatchSchema(lists, local);
    byCalendar.set(local, schema);
  }
  const data = parseFields(schema, patch, (issues) => `Invalid change: ${listIssues(issues)}`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const v = (data as Record<string, unknown>)[key];
    out[key] = v === '' ? undefined : v;
  }
  return out as CasePatch;
}
