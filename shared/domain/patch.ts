/**
 * Validation of a change to an existing case, whichever door it comes through. Only editable fields
 * are accepted; an empty text clears a field; codes must come from the value lists.
 */
import * as z from 'zod';
import type { CasePatch } from './case.js';
import { validationError } from './errors.js';
import { LIMITS, toFieldIssues } from './submission.js';
import { dateTimeText, lineText, multilineText, requiredLine, requiredText } from './text.js';
import { codes, type ValueListName, type ValueLists } from './values.js';

const clearable = <T extends z.ZodType>(s: T) => s.optional();
const iso = dateTimeText.transform((s) => new Date(/Z|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}Z`).toISOString());

export function makePatchSchema(lists: ValueLists) {
  const code = (name: ValueListName) =>
    z.string().refine((s) => codes(lists, name).includes(s), { message: 'invalid_option' });
  const codeList = (name: ValueListName) => z.array(code(name)).max(10);
  return z.strictObject({
    complainant: z
      .strictObject({
        name: requiredLine(LIMITS.name),
        phone: lineText(30).optional(),
        email: lineText(254).optional(),
        wechat: lineText(LIMITS.contact).optional(),
      })
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

/** Returns the patch with only the keys given; an empty string value clears that field. */
export function validatePatch(patch: CasePatch, lists: ValueLists): CasePatch {
  const result = makePatchSchema(lists).safeParse(patch, { reportInput: true });
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    throw validationError(
      `Invalid change: ${issues.map((i) => `${i.field} (${i.code})`).join(', ')}`,
      issues,
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const v = (result.data as Record<string, unknown>)[key];
    out[key] = v === '' ? undefined : v;
  }
  return out as CasePatch;
}
