/**
 * SLA clocks. Hours run on the clock (24 h investigation); working days run on the business calendar
 * (result notified within 5 working days of resolution). Overrides per category win over overrides
 * per severity, which win over the default — a studio can say "privacy leaks: 4 h" in one place.
 */
import type { BusinessCalendar } from './calendar.js';
import type { Case, Deadline, DeadlineKind, Escalation, EscalationLevel } from './case.js';

export interface SlaPolicy {
  investigateHours: number;
  /** From the end of the investigation to handling complete (decided, approved, action taken). */
  resolveWorkingDays: number;
  notifyWorkingDays: number;
  followUpWorkingDays: number;
  /** Default promised reply for phone and online complaints when staff set none. */
  replyHours: number;
  /** How long before a deadline the escalation sweep warns the owner. */
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

export function nextDue(deadlines: readonly Deadline[]): Deadline | undefined {
  let best: Deadline | undefined;
  for (const d of deadlines) {
    if (!d.metAt && (!best || d.dueAt < best.dueAt)) best = d;
  }
  return best;
}

/** Critical cases start at the executive manager; others at the handler. */
const baseEscalationLevel = (severity: string): EscalationLevel => (severity === 'critical' ? 2 : 0);

/**
 * Keeps the escalation chain tied to the deadline it is about: when the next due deadline changes,
 * the chain restarts at the base level; otherwise the level reached so far stands.
 */
export function recomputeEscalation(
  current: Escalation | undefined,
  due: Deadline | undefined,
  severity: string,
): Escalation {
  const base = baseEscalationLevel(severity);
  if (!due) return { level: base };
  if (!current || current.deadline !== due.kind || current.dueAt !== due.dueAt) {
    return { level: base, deadline: due.kind, dueAt: due.dueAt };
  }
  const level = Math.max(current.level, base) as EscalationLevel;
  return { ...current, level };
}

export type DueState = 'ok' | 'due_soon' | 'overdue';

export function dueState(due: Deadline | undefined, now: Date, policy: SlaPolicy): DueState {
  if (!due || due.metAt) return 'ok';
  const ms = Date.parse(due.dueAt) - now.getTime();
  if (ms < 0) return 'overdue';
  return ms <= policy.warnBeforeHours * HOUR ? 'due_soon' : 'ok';
}
