/**
 * The procedure as a state machine. Every door (form, sheet, API, schedules) changes a case only
 * through `applyChange`, so an illegal move is refused with the same reason wherever it comes from.
 * A change may name a target status several steps ahead (a small complaint handled on the spot);
 * each step's guard must then hold on the changed case.
 */
import { diffForAudit } from './audit.js';
import {
  type Actor,
  type AuditEvent,
  type Case,
  type CasePatch,
  type CaseStatus,
  type Compensation,
  DEADLINE_LABELS,
  type EscalationLevel,
  isOpen,
  STEP_LABELS,
  STEP_LEVEL,
} from './case.js';
import { computeDeadlines, nextDue, recomputeEscalation, unmetDeadlines } from './deadlines.js';
import { transitionError } from './errors.js';
import { type EscalationPlan, recordOf } from './escalation.js';
import { validatePatch } from './patch.js';
import type { CaseRules } from './rules.js';
import type { Lang } from './values.js';
import { CRITICAL_CATEGORIES } from './values.js';

export interface ChangeRequest {
  patch: CasePatch;
  to?: CaseStatus;
  actor: Actor;
  note?: string;
}

export interface ChangeResult {
  next: Case;
  event?: AuditEvent;
}

/** The forward order of the procedure; awaiting_approval is passed only when approval is needed. */
const ORDER: readonly CaseStatus[] = [
  'received',
  'investigating',
  'awaiting_approval',
  'decided',
  'resolved',
  'notified',
  'closed',
];
const rank = (s: CaseStatus) => ORDER.indexOf(s);

/** Backward moves the procedure allows besides reopening. */
const BACKWARD: Partial<Record<CaseStatus, readonly CaseStatus[]>> = {
  awaiting_approval: ['investigating'], // approval refused: rework the decision
  decided: ['investigating', 'awaiting_approval'], // findings revised, or compensation raised beyond policy
};

const needsApproval = (c: Case) => !!c.compensation?.beyondPolicy && !c.compensation.approvedBy;

const APPROVAL_NEEDED = "compensation beyond policy needs the executive manager's approval";

/** What a decision still lacks; checked on entering "decided" and kept true for every later status. */
function decisionProblem(c: Case): string | undefined {
  if (!c.findings) return 'record the investigation findings first';
  if (c.substantiated === undefined) return 'say whether the complaint is substantiated first';
  if (c.substantiated && !c.correctiveAction) return 'a substantiated complaint needs a corrective action';
  if (needsApproval(c)) return APPROVAL_NEEDED;
  return undefined;
}

/** Why the case may not enter `step`, or undefined when it may. Sets what entering implies. */
function enter(c: Case, step: CaseStatus, now: string): string | undefined {
  switch (step) {
    case 'received':
      return 'a case cannot return to "received"';
    case 'investigating':
      return undefined;
    case 'awaiting_approval':
      if (!c.findings) return 'record the investigation findings first';
      if (c.substantiated === undefined) return 'say whether the complaint is substantiated first';
      if (!c.compensation?.beyondPolicy) return 'only compensation beyond policy needs approval';
      if (c.compensation.approvedBy) return 'the compensation is already approved';
      c.investigatedAt ??= now;
      return undefined;
    case 'decided': {
      const problem = decisionProblem(c);
      if (problem === APPROVAL_NEEDED)
        return `${problem}: set the approver, or move the case to awaiting_approval`;
      if (problem) return problem;
      c.investigatedAt ??= now;
      return undefined;
    }
    case 'resolved':
      c.resolvedAt ??= now;
      return undefined;
    case 'notified':
      if (!c.notifyMethod) return 'say how the customer was told the result (notify method)';
      c.notifiedAt ??= now;
      return undefined;
    case 'closed':
      if (!c.satisfaction) return 'record the follow-up satisfaction before closing';
      c.followedUpAt ??= now;
      c.closedAt = now;
      return undefined;
  }
}

/**
 * An approval covers the terms it was given for: changing the description, amount or policy flag
 * under the same approver drops it, so raised compensation is approved again.
 */
function approvalFor(before: Compensation | undefined, after: Compensation, now: string): Compensation {
  const { approvedBy, approvedAt, ...terms } = after;
  if (!approvedBy) return terms;
  const sameTerms =
    !!before &&
    before.description === after.description &&
    before.amount === after.amount &&
    before.beyondPolicy === after.beyondPolicy;
  if (before?.approvedBy === approvedBy) {
    return sameTerms ? { ...terms, approvedBy, approvedAt: before.approvedAt ?? approvedAt ?? now } : terms;
  }
  return { ...terms, approvedBy, approvedAt: approvedAt ?? now };
}

/** The steps from `from` to `to`, or a reason why there is no legal path. */
function pathTo(c: Case, from: CaseStatus, to: CaseStatus): CaseStatus[] | string {
  if (rank(to) > rank(from)) {
    return ORDER.slice(rank(from) + 1, rank(to) + 1).filter(
      (s) => s !== 'awaiting_approval' || to === 'awaiting_approval' || needsApproval(c),
    );
  }
  if (BACKWARD[from]?.includes(to)) return [to];
  if ((from === 'notified' || from === 'closed' || from === 'resolved') && to === 'investigating')
    return [to];
  return `cannot move a case from "${from}" back to "${to}"`;
}

/** A reopening (appeal) restarts the procedure from investigation and clears the later milestones. */
function reopen(
  c: Case,
  now: string,
  patch: CasePatch,
  previousReason: string | undefined,
): string | undefined {
  // Each appeal states its own reason; an earlier appeal's reason (re-sent by a whole-row door) does not count.
  if (!patch.reopenReason || patch.reopenReason === previousReason) {
    return 'reopening on appeal needs a reason (reopen reason) given with this appeal';
  }
  c.reopenCount += 1;
  c.reopenedAt = now;
  // Telling the customer the result answered any promised reply; clearing notifiedAt must not undo that.
  if (c.notifiedAt) c.repliedAt ??= c.notifiedAt;
  for (const k of [
    'investigatedAt',
    'resolvedAt',
    'notifiedAt',
    'followedUpAt',
    'satisfaction',
    'notifyMethod',
    'closedAt',
  ] as const) {
    delete c[k];
  }
  return undefined;
}

export function applyChange(
  current: Case,
  req: ChangeRequest,
  nowDate: Date,
  rules: CaseRules,
): ChangeResult {
  const now = nowDate.toISOString();
  const patch = validatePatch(req.patch, rules.lists, rules.calendar);
  const next: Case = structuredClone({ ...current, ...patch });
  if (patch.compensation) next.compensation = approvalFor(current.compensation, patch.compensation, now);
  // Privacy leaks and safety stay critical whichever door edits the category or severity.
  if (CRITICAL_CATEGORIES.includes(next.category)) next.severity = 'critical';
  if (patch.findings && !current.findings) next.investigatedAt ??= now;

  const to = req.to && req.to !== current.status ? req.to : undefined;
  if (!isOpen(current) && !to) {
    const allowed = new Set(['notes', 'rootCause']);
    const touched = Object.keys(patch).filter(
      (k) => JSON.stringify(patch[k as keyof CasePatch]) !== JSON.stringify(current[k as keyof Case]),
    );
    const refused = touched.filter((k) => !allowed.has(k));
    if (refused.length) {
      throw transitionError(
        `case ${current.caseNo} is closed: reopen it (status investigating with a reopen reason) before changing ${refused.join(', ')}`,
      );
    }
  }

  const steps: CaseStatus[] = [];
  if (to) {
    const path = pathTo(next, current.status, to);
    if (typeof path === 'string') throw transitionError(`case ${current.caseNo}: ${path}`);
    for (const step of path) {
      const isReopen = step === 'investigating' && rank(current.status) >= rank('resolved');
      const refusal = isReopen ? reopen(next, now, patch, current.reopenReason) : enter(next, step, now);
      if (refusal) {
        throw transitionError(`case ${current.caseNo} cannot become "${step}": ${refusal}`);
      }
      next.status = step;
      steps.push(step);
    }
  }

  // A decision, once taken, stays complete: an edit (or a jump past "decided") may not undo it.
  if (rank(next.status) >= rank('decided') && isOpen(next)) {
    const problem = decisionProblem(next);
    const alreadyIncomplete =
      rank(current.status) >= rank('decided') && decisionProblem(current) !== undefined;
    if (problem && !alreadyIncomplete) {
      throw transitionError(`case ${current.caseNo} is "${next.status}": ${problem}`);
    }
  }

  next.deadlines = computeDeadlines(next, rules.policy, rules.calendar);
  const due = nextDue(unmetDeadlines(next));
  if (due) next.nextDue = due;
  else delete next.nextDue;
  next.escalation = recomputeEscalation(current.escalation, unmetDeadlines(next), next.severity);

  const changes = diffForAudit(current, next);
  if (changes.length === 0 && steps.length === 0 && !req.note) return { next: current };

  next.version = current.version + 1;
  next.updatedAt = now;
  const reopened = steps[0] === 'investigating' && rank(current.status) >= rank('resolved');
  const event: AuditEvent = {
    caseNo: current.caseNo,
    at: now,
    seq: next.version,
    actor: req.actor,
    action: reopened ? 'reopened' : steps.length ? 'transition' : 'updated',
    changes,
    ...(steps.length ? { from: current.status, to: next.status } : {}),
    ...(req.note || steps.length > 1
      ? { note: req.note ?? `${[current.status, ...steps].join(' → ')}` }
      : {}),
  };
  return { next, event };
}

/**
 * The escalation sweep's change (escalation is no field a door may edit): the plan's steps recorded on the
 * case — the ones passed over marked skipped — the level raised, and when the sweep is to look again. The
 * audit event says which steps were taken (`warned` when only warnings, else `escalated`).
 */
export function applyEscalation(
  current: Case,
  plan: Pick<EscalationPlan, 'take' | 'skip'>,
  nowDate: Date,
  lookAgainAt: string,
): Required<ChangeResult> {
  const now = nowDate.toISOString();
  const before = current.escalation;
  const steps = [
    ...(before.steps ?? []),
    ...plan.skip.map((s) => recordOf(s, nowDate, true)),
    ...plan.take.map((s) => recordOf(s, nowDate)),
  ];
  const level = Math.max(before.level, ...plan.take.map((s) => STEP_LEVEL[s.step])) as EscalationLevel;
  const next: Case = {
    ...current,
    escalation: { ...before, level, steps, next: lookAgainAt },
    version: current.version + 1,
    updatedAt: now,
  };
  const label = (l: Record<Lang, string>) => `${l['zh-CN']} ${l.en}`;
  const note = plan.take
    .map((s) => {
      const skipped = plan.skip.filter((k) => k.deadline === s.deadline && k.dueAt === s.dueAt);
      const passed = skipped.length
        ? ` (跳过 skipped: ${skipped.map((k) => label(STEP_LABELS[k.step])).join(', ')})`
        : '';
      return `${label(DEADLINE_LABELS[s.deadline])}: ${label(STEP_LABELS[s.step])}${passed}`;
    })
    .join('; ');
  const event: AuditEvent = {
    caseNo: current.caseNo,
    at: now,
    seq: next.version,
    actor: { id: 'escalate', door: 'system' },
    action: plan.take.every((s) => s.step === 'warn') ? 'warned' : 'escalated',
    changes: level === before.level ? [] : [{ field: 'escalation', from: before.level, to: level }],
    note,
  };
  return { next, event };
}
