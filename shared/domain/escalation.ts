/**
 * The escalation chain (逐级上报), as pure rules: for a case and an instant, which step of each unmet
 * deadline is due. Per deadline: the owner is warned once a share of the deadline's span has passed, the
 * store supervisor is told at the breach, the executive manager a while after it. A critical case's
 * deadlines go straight to the executive manager at the breach, at any hour; the other steps wait until
 * the business is open. A sweep that comes late (downtime) takes only the highest step due and records
 * the ones below it as skipped, so nobody gets a replay of every missed step.
 */
import type { BusinessCalendar } from './calendar.js';
import {
  type Case,
  type Deadline,
  type DeadlineKind,
  type Escalation,
  type EscalationRecord,
  type EscalationStep,
  isOpen,
  STEP_LEVEL,
} from './case.js';
import { unmetDeadlines } from './deadlines.js';
import { addOpenTime, isOpenAt, nextOpening, openTimeBetween, workingDayMs } from './open-hours.js';

export interface EscalationPolicy {
  /** The share of a deadline's span after which its owner is warned (0 < share < 1). */
  warnShare: number;
  /** How long after the breach the executive manager is told: open time (working days) or clock hours. */
  executiveDelay: { workingDays: number } | { hours: number };
  /** 'open': non-critical steps wait until the business is open; 'any': they go whenever due. */
  hours: 'open' | 'any';
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  warnShare: 0.75,
  executiveDelay: { workingDays: 1 },
  hours: 'open',
};

/** Deadlines counted in working days: their spans and shares run on open time, the others on the clock. */
const WORKING_DAY_KINDS: readonly DeadlineKind[] = ['resolve', 'notify', 'follow_up'];

/** Where a deadline's span starts: what its clock runs from. */
export function spanStart(c: Case, kind: DeadlineKind): string | undefined {
  switch (kind) {
    case 'investigate':
      return c.reopenedAt ?? c.receivedAt;
    case 'reply':
      return c.receivedAt;
    case 'resolve':
      return c.investigatedAt;
    case 'notify':
      return c.resolvedAt;
    case 'follow_up':
      return c.notifiedAt;
  }
}

/** One step of a deadline's chain: when it falls due, and when it may go out. */
export interface ChainStep {
  deadline: DeadlineKind;
  dueAt: string;
  step: EscalationStep;
  at: string;
  sendAt: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The instant a share of the span has passed; undefined when the span is empty. */
function warnTime(c: Case, d: Deadline, share: number, calendar: BusinessCalendar): number | undefined {
  const start = spanStart(c, d.kind);
  const due = Date.parse(d.dueAt);
  if (!start || Date.parse(start) >= due) return undefined;
  if (!WORKING_DAY_KINDS.includes(d.kind)) return Date.parse(start) + share * (due - Date.parse(start));
  const open = openTimeBetween(calendar, new Date(start), new Date(due));
  if (open <= 0) return undefined;
  return addOpenTime(calendar, new Date(start), Math.floor(share * open)).getTime();
}

/** The steps of one deadline's chain, in order: warn, then supervisor and executive (critical: executive). */
export function chainOf(
  c: Case,
  d: Deadline,
  policy: EscalationPolicy,
  calendar: BusinessCalendar,
): ChainStep[] {
  const critical = c.severity === 'critical';
  const due = Date.parse(d.dueAt);
  const times: [EscalationStep, number][] = [];
  const warn = warnTime(c, d, policy.warnShare, calendar);
  if (warn !== undefined && warn < due) times.push(['warn', warn]);
  if (critical) {
    times.push(['executive', due]);
  } else {
    times.push(['supervisor', due]);
    const delay = policy.executiveDelay;
    const exec =
      'hours' in delay
        ? due + delay.hours * 3_600_000
        : addOpenTime(calendar, new Date(due), delay.workingDays * workingDayMs(calendar)).getTime();
    times.push(['executive', exec]);
  }
  const waits = !critical && policy.hours === 'open';
  return times.map(([step, at]) => ({
    deadline: d.kind,
    dueAt: d.dueAt,
    step,
    at: iso(at),
    sendAt: waits ? nextOpening(calendar, new Date(at)).toISOString() : iso(at),
  }));
}

export interface EscalationPlan {
  /** Steps to record now: for each deadline that reached a new level, the highest step due. */
  take: ChainStep[];
  /** Lower steps passed over on the way there (the sweep came late): recorded as skipped, never sent. */
  skip: ChainStep[];
  /** What to deliver: for each chain, its highest step taken (now or before), unless all of it went out. */
  deliver: EscalationRecord[];
  /** When the next step of any chain may go out (ISO), or 'never' until the case changes. */
  next: string;
}

export const NEVER = 'never';

const sameChain = (r: EscalationRecord, d: Deadline) => r.deadline === d.kind && r.dueAt === d.dueAt;

/** The record of a step taken at `now`. */
export const recordOf = (s: ChainStep, now: Date, skipped = false): EscalationRecord => ({
  deadline: s.deadline,
  dueAt: s.dueAt,
  step: s.step,
  at: now.toISOString(),
  ...(skipped ? { skipped: true as const } : {}),
});

export function planEscalation(
  c: Case,
  now: Date,
  policy: EscalationPolicy,
  calendar: BusinessCalendar,
): EscalationPlan {
  const plan: EscalationPlan = { take: [], skip: [], deliver: [], next: NEVER };
  if (!isOpen(c)) return plan;
  // Outside opening hours a non-critical case waits whole: no step taken, no message retried.
  const mayGoNow = c.severity === 'critical' || policy.hours === 'any' || isOpenAt(calendar, now);
  let next = Number.POSITIVE_INFINITY;
  for (const d of unmetDeadlines(c)) {
    const records = (c.escalation.steps ?? []).filter((r) => sameChain(r, d));
    const reached = Math.max(-1, ...records.map((r) => STEP_LEVEL[r.step]));
    const chain = chainOf(c, d, policy, calendar).filter((s) => STEP_LEVEL[s.step] > reached);
    const due = chain.filter((s) => Date.parse(s.sendAt) <= now.getTime());
    const current = due.at(-1);
    if (current) {
      plan.take.push(current);
      plan.skip.push(...due.slice(0, -1));
      plan.deliver.push(recordOf(current, now));
    } else {
      const highest = records
        .filter((r) => !r.skipped)
        .sort((a, b) => STEP_LEVEL[a.step] - STEP_LEVEL[b.step])
        .at(-1);
      if (highest && !highest.sent) plan.deliver.push(highest);
    }
    const later = chain.find((s) => Date.parse(s.sendAt) > now.getTime());
    if (later) next = Math.min(next, Date.parse(later.sendAt));
  }
  if (!mayGoNow && (plan.take.length || plan.deliver.length)) {
    next = Math.min(next, nextOpening(calendar, now).getTime());
    Object.assign(plan, { take: [], skip: [], deliver: [] });
  }
  plan.next = Number.isFinite(next) ? iso(next) : NEVER;
  return plan;
}

const sameStep = (a: EscalationRecord, b: EscalationRecord) =>
  a.deadline === b.deadline && a.dueAt === b.dueAt && a.step === b.step;

/** The record once a sweep delivered: the steps whose every message went out marked sent, and when to look again. */
export function settleEscalation(e: Escalation, sent: readonly EscalationRecord[], next: string): Escalation {
  const steps = e.steps?.map((r) => (sent.some((s) => sameStep(s, r)) ? { ...r, sent: true as const } : r));
  return { ...e, ...(steps ? { steps } : {}), next };
}

/**
 * Where the case sorts in the sweep's index: when the sweep must look at it next. A case changed since the
 * sweep last planned it sorts at the change, so the next sweep looks at once; 'never' sorts after all.
 */
export function sweepKey(c: Pick<Case, 'escalation' | 'updatedAt'>): string {
  const next = c.escalation.next;
  if (next === undefined) return c.updatedAt;
  return next === NEVER ? '~' : next;
}
