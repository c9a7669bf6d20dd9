/**
 * SLA clocks. Hours run on the clock (24 h investigation); working days run on the business calendar
 * (result notified within 5 working days of resolution). Overrides per category win over overrides
 * per severity, which win over the default — a studio can say "privacy leaks: 4 h" in one place.
 */
import type { BusinessCalendar } from './calendar.js';
import {
  type Case,
  type Deadline,
  type DeadlineKind,
  type Escalation,
  type EscalationLevel,
  type EscalationRecord,
  STEP_LEVEL,
} from './case.js';

export interface SlaPolicy {
  investigateHours: number;
  /** From the end of the investigation to handling complete (decided, approved, action taken). */
  resolveWorkingDays: number;
  notifyWorkingDays: number;
  followUpWorkingDays: number;
  /** Default promised reply for phone and online complaints when staff set none. */
  replyHours: number;
  /** Rows due within this many hours show amber in the managers' sheet (the sweep warns at a share: escalation.ts). */
  warnBeforeHours: number;
  bySeverity: Record<string, Partial<SlaRule>>;
  byCategory: Record<string, Partial<SlaRule>>;
  /** How far back a complaint may have been received when it is recorded (older is a typo: 1900, 1970). */
  maxReceivedAgeDays: number;
  /** How far after receipt a reply may be promised (further is a typo: 9999). */
  maxPromiseDays: number;
}
export type SlaRule = Pick<
  SlaPolicy,
  'investigateHours' | 'resolveWorkingDays' | 'notifyWorkingDays' | 'followUpWorkingDays'
>;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  investigateHours: 24,
  resolveWorkingDays: 3,
  notifyWorkingDays: 5,
  followUpWorkingDays: 3,
  replyHours: 24,
  warnBeforeHours: 4,
  bySeverity: { critical: { investigateHours: 4 } },
  byCategory: {},
  maxReceivedAgeDays: 90,
  maxPromiseDays: 60,
};

/** Channels where the customer is not in front of us and so is promised a reply time. */
export const REPLY_PROMISE_CHANNELS: readonly string[] = ['phone', 'online'];

export function ruleFor(policy: SlaPolicy, severity: string, category: string): SlaRule {
  return {
    investigateHours: policy.investigateHours,
    resolveWorkingDays: policy.resolveWorkingDays,
    notifyWorkingDays: policy.notifyWorkingDays,
    followUpWorkingDays: policy.followUpWorkingDays,
    ...policy.bySeverity[severity],
    ...policy.byCategory[category],
  };
}

const HOUR = 3_600_000;
const plusHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * HOUR).toISOString();

export function defaultPromisedReply(
  channel: string,
  receivedAt: string,
  policy: SlaPolicy,
): string | undefined {
  return REPLY_PROMISE_CHANNELS.includes(channel) ? plusHours(receivedAt, policy.replyHours) : undefined;
}

type DeadlineInputs = Pick<
  Case,
  | 'receivedAt'
  | 'reopenedAt'
  | 'severity'
  | 'category'
  | 'investigatedAt'
  | 'promisedReplyAt'
  | 'repliedAt'
  | 'resolvedAt'
  | 'notifiedAt'
  | 'followedUpAt'
>;

/** Every deadline the case has so far, met or not, in procedure order. */
export function computeDeadlines(
  c: DeadlineInputs,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
): Deadline[] {
  const rule = ruleFor(policy, c.severity, c.category);
  const out: Deadline[] = [];
  const push = (kind: DeadlineKind, dueAt: string, metAt: string | undefined) =>
    out.push(metAt ? { kind, dueAt, metAt } : { kind, dueAt });

  push('investigate', plusHours(c.reopenedAt ?? c.receivedAt, rule.investigateHours), c.investigatedAt);
  if (c.promisedReplyAt) push('reply', c.promisedReplyAt, c.repliedAt ?? c.notifiedAt);
  if (c.investigatedAt) {
    // Without it a decided case awaiting action or approval would have no clock at all.
    const due = calendar.addWorkingDays(new Date(c.investigatedAt), rule.resolveWorkingDays);
    push('resolve', due.toISOString(), c.resolvedAt);
  }
  if (c.resolvedAt) {
    const due = calendar.addWorkingDays(new Date(c.resolvedAt), rule.notifyWorkingDays);
    push('notify', due.toISOString(), c.notifiedAt);
  }
  if (c.notifiedAt) {
    const due = calendar.addWorkingDays(new Date(c.notifiedAt), rule.followUpWorkingDays);
    push('follow_up', due.toISOString(), c.followedUpAt);
  }
  return out;
}

/** The deadlines still to meet: none once the case is closed. */
export const unmetDeadlines = (c: Pick<Case, 'deadlines' | 'status'>): Deadline[] =>
  c.status === 'closed' ? [] : c.deadlines.filter((d) => !d.metAt);

export function nextDue(deadlines: readonly Deadline[]): Deadline | undefined {
  let best: Deadline | undefined;
  for (const d of deadlines) {
    if (!d.metAt && (!best || d.dueAt < best.dueAt)) best = d;
  }
  return best;
}

/** Critical cases start at the executive manager; others at the handler. */
export const baseEscalationLevel = (severity: string): EscalationLevel => (severity === 'critical' ? 2 : 0);

/**
 * The escalation record after a change. Steps stay with the deadline they are about: a deadline met or
 * moved drops its steps, so its chain starts again. The level is the highest step kept (never below the
 * base), and the sweep's `next` goes, so the next sweep looks at the changed case at once.
 */
export function recomputeEscalation(
  current: Escalation | undefined,
  unmet: readonly Deadline[],
  severity: string,
): Escalation {
  const due = nextDue(unmet);
  const live = (r: EscalationRecord) => unmet.some((d) => d.kind === r.deadline && d.dueAt === r.dueAt);
  const steps = (current?.steps ?? []).filter(live);
  const level = Math.max(
    baseEscalationLevel(severity),
    ...steps.filter((r) => !r.skipped).map((r) => STEP_LEVEL[r.step]),
  ) as EscalationLevel;
  return {
    level,
    ...(due ? { deadline: due.kind, dueAt: due.dueAt } : {}),
    ...(steps.length ? { steps } : {}),
  };
}
