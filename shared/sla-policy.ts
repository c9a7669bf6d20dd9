/** SLA_POLICY: JSON overrides of the deadline rules, checked field by field. */
import * as z from 'zod';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './domain/deadlines.js';

const slaRule = {
  investigateHours: z.number().positive(),
  resolveWorkingDays: z.number().int().min(1),
  notifyWorkingDays: z.number().int().min(1),
  followUpWorkingDays: z.number().int().min(1),
};
const slaPolicySchema = z
  .strictObject({
    ...slaRule,
    replyHours: z.number().positive(),
    warnBeforeHours: z.number().min(0),
    maxReceivedAgeDays: z.number().int().min(1).max(3660),
    maxPromiseDays: z.number().int().min(1).max(3660),
    bySeverity: z.record(z.string(), z.strictObject(slaRule).partial()),
    byCategory: z.record(z.string(), z.strictObject(slaRule).partial()),
  })
  .partial();

/** SLA_POLICY overrides the defaults field by field; per-severity and per-category rules merge by key. */
export function parseSlaPolicy(json: string | undefined): SlaPolicy {
  if (!json) return DEFAULT_SLA_POLICY;
  const r = slaPolicySchema.safeParse(JSON.parse(json));
  if (!r.success) {
    throw new Error(r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
  }
  const o = r.data as Partial<SlaPolicy>;
  return {
    ...DEFAULT_SLA_POLICY,
    ...o,
    bySeverity: { ...DEFAULT_SLA_POLICY.bySeverity, ...o.bySeverity },
    byCategory: { ...DEFAULT_SLA_POLICY.byCategory, ...o.byCategory },
  };
}
