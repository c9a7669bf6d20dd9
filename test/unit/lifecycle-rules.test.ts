/**
 * The lifecycle rules added with the resolve deadline: the resolve clock, escalation tied to the due time,
 * decided → awaiting_approval, per-change reopen reasons, the critical-category floor, approvals bound to
 * their terms, and patch times on the business calendar with validated contacts.
 */
import { describe, expect, it } from 'vitest';
import type { Case, CasePatch, Compensation } from '../../shared/domain/case.js';
import { applyChange, type ChangeRequest, type ChangeResult } from '../../shared/domain/lifecycle.js';
import { type LocalTimes, validatePatch } from '../../shared/domain/patch.js';
import type { CaseRules } from '../../shared/domain/rules.js';
import { parseSubmission } from '../../shared/domain/submission.js';
import { DEFAULT_VALUE_LISTS } from '../../shared/domain/values.js';
import {
  calendar,
  hoursAfter,
  manager,
  newCase,
  RECEIVED_AT,
  refusal,
  rules,
  staff,
  submissionInput,
} from '../support/builders.js';

const R = rules();

function change(c: Case, req: Partial<ChangeRequest>, when: string, r: CaseRules = R): ChangeResult {
  return applyChange(c, { patch: {}, actor: staff, ...req }, new Date(when), r);
}

const decision = {
  findings: '后期修片时误用液化工具，三张照片脸部变形。',
  substantiated: true,
  correctiveAction: '重新精修三张照片，由后期主管复核后交付。',
} satisfies CasePatch;
const withinPolicy: Compensation = { description: '赠送一本小相册', amount: 300, beyondPolicy: false };
const beyondPolicy: Compensation = { description: '全额退款', amount: 8800, beyondPolicy: true };
const approver = '赵执行经理';

// Asia/Shanghai, Mon–Fri 09:00–18:00; Fri 2026-11-20 is the day of receipt.
const T = {
  investigating: '2026-11-20T03:00:00.000Z', // Fri 11:00 local
  decided: '2026-11-20T07:00:00.000Z', // Fri 15:00 local
  approved: '2026-11-20T09:00:00.000Z', // Fri 17:00 local
  later: '2026-11-23T03:00:00.000Z', // Mon 11:00 local
  resolved: '2026-11-24T03:00:00.000Z', // Tue 11:00 local
  notified: '2026-11-25T03:00:00.000Z', // Wed 11:00 local
  reopened: '2026-12-01T02:00:00.000Z', // Tue 10:00 local
};
/** Three working days after Fri 2026-11-20: Wed 25 at 18:00 local. */
const RESOLVE_DUE = '2026-11-25T10:00:00.000Z';

const investigating = (c: Case = newCase()) =>
  change(c, { to: 'investigating', patch: { owner: '李店长' } }, T.investigating).next;

/** A decided case whose beyond-policy compensation the executive manager approved at T.approved. */
function approvedDecision(): Case {
  const waiting = change(
    investigating(),
    { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
    T.decided,
  ).next;
  const { next } = applyChange(
    waiting,
    { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: approver } }, actor: manager },
    new Date(T.approved),
    R,
  );
  expect(next.compensation).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: T.approved });
  return next;
}

describe('the resolve deadline in the lifecycle', () => {
  it('gives a decided case a next deadline: handling complete within 3 working days', () => {
    const { next } = change(investigating(), { to: 'decided', patch: decision }, T.decided);
    expect(next.investigatedAt).toBe(T.decided);
    expect(next.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
    expect(next.deadlines).toContainEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
  });

  it('gives a case awaiting approval a next deadline too, and keeps it through the approval', () => {
    const waiting = change(
      investigating(),
      { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
      T.decided,
    ).next;
    expect(waiting.status).toBe('awaiting_approval');
    expect(waiting.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
    expect(waiting.escalation).toEqual({ level: 0, deadline: 'resolve', dueAt: RESOLVE_DUE });
    const approved = change(
      waiting,
      { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      T.approved,
    ).next;
    expect(approved.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
  });

  it('starts when findings are recorded, before the decision', () => {
    const { next } = change(investigating(), { patch: { findings: decision.findings } }, T.decided);
    expect(next.status).toBe('investigating');
    expect(next.deadlines).toEqual([
      { kind: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 24), metAt: T.decided },
      { kind: 'resolve', dueAt: RESOLVE_DUE },
    ]);
  });

  it('is met on resolution, which hands over to the notify deadline', () => {
    const decided = change(investigating(), { to: 'decided', patch: decision }, T.decided).next;
    const { next } = change(decided, { to: 'resolved' }, T.resolved);
    expect(next.deadlines.find((d) => d.kind === 'resolve')).toEqual({
      kind: 'resolve',
      dueAt: RESOLVE_DUE,
      metAt: T.resolved,
    });
    // Tue 24 → five working days → Tue Dec 1, 18:00 local.
    expect(next.nextDue).toEqual({ kind: 'notify', dueAt: '2026-12-01T10:00:00.000Z' });
  });

  it('follows the configured working days, per category and per severity', () => {
    const fast = rules({
      policy: {
        resolveWorkingDays: 1,
        bySeverity: { critical: { investigateHours: 4, resolveWorkingDays: 2 } },
        byCategory: { charges: { resolveWorkingDays: 5 } },
      },
    });
    const decide = (c: Case) =>
      change(c, { to: 'decided', patch: decision }, T.decided, fast).next.nextDue?.dueAt;
    expect(decide(newCase({ rules: fast }))).toBe('2026-11-23T10:00:00.000Z'); // Mon
    expect(decide(newCase({ rules: fast, submission: { category: 'privacy' } }))).toBe(
      '2026-11-24T10:00:00.000Z', // Tue: critical
    );
    expect(decide(newCase({ rules: fast, submission: { category: 'charges', severity: 'critical' } }))).toBe(
      '2026-11-27T10:00:00.000Z', // Fri: the category wins
    );
  });

  it('disappears on reopening, with the investigation it was counted from', () => {
    const decided = change(investigating(), { to: 'decided', patch: decision }, T.decided).next;
    const resolved = change(decided, { to: 'resolved' }, T.resolved).next;
    const { next } = change(
      resolved,
      { to: 'investigating', patch: { reopenReason: '客户申诉' } },
      T.reopened,
    );
    expect(next.deadlines).toEqual([{ kind: 'investigate', dueAt: hoursAfter(T.reopened, 24) }]);
    // A new decision starts a new resolve clock from the new investigation (Tue Dec 1): Wed 2, Thu 3, Fri 4.
    const again = change(next, { to: 'decided', patch: {} }, T.reopened).next;
    expect(again.nextDue).toEqual({ kind: 'resolve', dueAt: '2026-12-04T10:00:00.000Z' });
  });
});

describe('escalation tied to the due deadline', () => {
  /** The case as the escalation sweep would leave it: warned and escalated on its current deadline. */
  const escalated = (c: Case): Case => ({
    ...c,
    escalation: {
      ...c.escalation,
      level: 1,
      warnedAt: '2026-11-20T22:00:00.000Z',
      escalatedAt: '2026-11-21T02:05:00.000Z',
    },
  });

  it('keeps the level reached while the same deadline stays due at the same time', () => {
    const c = escalated(investigating());
    const { next } = change(c, { patch: { notes: '已致电客户' } }, T.decided);
    expect(next.escalation).toEqual(c.escalation);
    // Raising the severity without moving the 24 h clock keeps the chain too.
    const high = change(c, { patch: { severity: 'high' } }, T.decided).next;
    expect(high.nextDue).toEqual(c.nextDue);
    expect(high.escalation).toEqual(c.escalation);
  });

  it('restarts the chain when the same deadline moves', () => {
    const c = escalated(investigating());
    // Critical: 4 h instead of 24 h, so the investigate deadline moves and the chain starts over.
    const { next } = change(c, { patch: { severity: 'critical' } }, T.decided);
    expect(next.nextDue).toEqual({ kind: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 4) });
    expect(next.escalation).toEqual({
      level: 2,
      deadline: 'investigate',
      dueAt: hoursAfter(RECEIVED_AT, 4),
    });
  });

  it('restarts the chain when another deadline becomes due', () => {
    const c = escalated(investigating());
    const { next } = change(c, { to: 'decided', patch: decision }, T.decided);
    expect(next.escalation).toEqual({ level: 0, deadline: 'resolve', dueAt: RESOLVE_DUE });
  });

  it('keeps the chain on the resolve deadline through the approval', () => {
    const waiting = escalated(
      change(
        investigating(),
        { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
        T.decided,
      ).next,
    );
    expect(waiting.escalation).toMatchObject({ level: 1, deadline: 'resolve', dueAt: RESOLVE_DUE });
    const { next } = change(
      waiting,
      { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      T.approved,
    );
    expect(next.escalation).toEqual(waiting.escalation);
  });
});

describe('decided → awaiting_approval', () => {
  it('is allowed when compensation raised beyond policy is not approved, as a transition', () => {
    const decided = change(
      investigating(),
      { to: 'decided', patch: { ...decision, compensation: withinPolicy } },
      T.decided,
    ).next;
    const { next, event } = change(
      decided,
      { to: 'awaiting_approval', patch: { compensation: beyondPolicy } },
      T.later,
    );
    expect(next).toMatchObject({
      status: 'awaiting_approval',
      compensation: beyondPolicy,
      investigatedAt: T.decided, // the investigation was not redone
      reopenCount: 0,
      version: decided.version + 1,
    });
    expect(next.reopenedAt).toBeUndefined();
    expect(next.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
    expect(event).toMatchObject({ action: 'transition', from: 'decided', to: 'awaiting_approval' });
    expect(event?.changes.map((ch) => ch.field)).toEqual(['compensation']);
  });

  it('sends an approved compensation raised under the same approver back for approval', () => {
    const decided = approvedDecision();
    const raised = { ...beyondPolicy, amount: 12_000 };
    // Staying "decided" is refused: the raised amount is not approved.
    const e = refusal(() =>
      change(decided, { patch: { compensation: { ...raised, approvedBy: approver } } }, T.later),
    );
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(
      /is "decided": compensation beyond policy needs the executive manager's approval/,
    );
    // Going back to awaiting_approval is the way.
    const { next } = change(
      decided,
      { to: 'awaiting_approval', patch: { compensation: { ...raised, approvedBy: approver } } },
      T.later,
    );
    expect(next.status).toBe('awaiting_approval');
    expect(next.compensation).toEqual(raised);
    // The same approver may then approve the new terms, as a fresh approval.
    const reapproved = applyChange(
      next,
      { to: 'decided', patch: { compensation: { ...raised, approvedBy: approver } }, actor: manager },
      new Date(T.resolved),
      R,
    ).next;
    expect(reapproved.status).toBe('decided');
    expect(reapproved.compensation).toEqual({ ...raised, approvedBy: approver, approvedAt: T.resolved });
  });

  it('is refused when there is nothing to approve', () => {
    const within = change(
      investigating(),
      { to: 'decided', patch: { ...decision, compensation: withinPolicy } },
      T.decided,
    ).next;
    expect(refusal(() => change(within, { to: 'awaiting_approval' }, T.later)).message).toMatch(
      /cannot become "awaiting_approval": only compensation beyond policy needs approval/,
    );
    const none = change(investigating(), { to: 'decided', patch: decision }, T.decided).next;
    expect(refusal(() => change(none, { to: 'awaiting_approval' }, T.later)).message).toMatch(
      /only compensation beyond policy needs approval/,
    );
    expect(refusal(() => change(approvedDecision(), { to: 'awaiting_approval' }, T.later)).message).toMatch(
      /cannot become "awaiting_approval": the compensation is already approved/,
    );
  });

  it('is not open to later statuses', () => {
    const resolved = change(approvedDecision(), { to: 'resolved' }, T.resolved).next;
    const e = refusal(() =>
      change(resolved, { to: 'awaiting_approval', patch: { compensation: beyondPolicy } }, T.later),
    );
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot move a case from "resolved" back to "awaiting_approval"/);
  });
});

describe('reopening', () => {
  const resolvedCase = () =>
    change(
      change(investigating(), { to: 'decided', patch: decision }, T.decided).next,
      { to: 'resolved' },
      T.resolved,
    ).next;

  it("needs this change's own reason: an earlier appeal's reason does not carry over", () => {
    const once = change(
      resolvedCase(),
      { to: 'investigating', patch: { reopenReason: '第一次申诉' } },
      T.reopened,
    ).next;
    const resolvedAgain = change(once, { to: 'resolved', patch: {} }, '2026-12-02T06:00:00.000Z').next;
    expect(resolvedAgain.reopenReason).toBe('第一次申诉');
    for (const patch of [{}, { reopenReason: '' }, { reopenReason: '   ' }, { notes: '客户又来电' }]) {
      const e = refusal(() =>
        change(resolvedAgain, { to: 'investigating', patch }, '2026-12-03T06:00:00.000Z'),
      );
      expect(e.kind).toBe('transition');
      expect(e.message).toMatch(/cannot become "investigating": reopening on appeal needs a reason/);
    }
    const twice = change(
      resolvedAgain,
      { to: 'investigating', patch: { reopenReason: '第二次申诉' } },
      '2026-12-03T06:00:00.000Z',
    ).next;
    expect(twice).toMatchObject({
      reopenCount: 2,
      reopenReason: '第二次申诉',
      reopenedAt: '2026-12-03T06:00:00.000Z',
    });
  });

  it('clears the notify method, so the next notification says again how the customer was told', () => {
    const notified = change(
      resolvedCase(),
      { to: 'notified', patch: { notifyMethod: 'wechat' } },
      T.notified,
    ).next;
    expect(notified.notifyMethod).toBe('wechat');
    const { next, event } = change(
      notified,
      { to: 'investigating', patch: { reopenReason: '客户申诉' } },
      T.reopened,
    );
    expect(next.notifyMethod).toBeUndefined();
    expect(event?.changes).toContainEqual({ field: 'notifyMethod', from: 'wechat' });
    // Even when the same change tries to keep it.
    const kept = change(
      notified,
      { to: 'investigating', patch: { reopenReason: '客户申诉', notifyMethod: 'phone' } },
      T.reopened,
    ).next;
    expect(kept.notifyMethod).toBeUndefined();
    const resolved = change(next, { to: 'resolved', patch: {} }, '2026-12-02T06:00:00.000Z').next;
    expect(refusal(() => change(resolved, { to: 'notified' }, '2026-12-03T06:00:00.000Z')).message).toMatch(
      /say how the customer was told the result/,
    );
  });
});

describe('the critical-category floor on every change', () => {
  it('keeps privacy and safety cases critical whatever the patch says', () => {
    const privacy = investigating(newCase({ submission: { category: 'privacy' } }));
    expect(privacy.severity).toBe('critical');
    // Lowering alone is no change at all.
    const lowered = change(privacy, { patch: { severity: 'normal' } }, T.decided);
    expect(lowered.event).toBeUndefined();
    expect(lowered.next).toBe(privacy);
    // Alongside another edit only that edit is recorded.
    const { next, event } = change(
      privacy,
      { patch: { severity: 'high', notes: '已报告执行经理' } },
      T.decided,
    );
    expect(next.severity).toBe('critical');
    expect(event?.changes.map((ch) => ch.field)).toEqual(['notes']);
    expect(next.escalation.level).toBe(2);
  });

  it('raises a case recategorised as privacy or safety to critical, with its clock and escalation', () => {
    for (const category of ['privacy', 'safety']) {
      for (const severity of [undefined, 'normal', 'high']) {
        const c = investigating();
        expect(c.severity).toBe('normal');
        const patch: CasePatch = severity ? { category, severity } : { category };
        const { next, event } = change(c, { patch }, T.decided);
        expect(next.severity, `${category}/${severity}`).toBe('critical');
        expect(event?.changes).toContainEqual({ field: 'severity', from: 'normal', to: 'critical' });
        expect(next.nextDue).toEqual({ kind: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 4) });
        expect(next.escalation).toEqual({
          level: 2,
          deadline: 'investigate',
          dueAt: hoursAfter(RECEIVED_AT, 4),
        });
      }
    }
  });

  it('does not lower the severity by itself when the category leaves privacy', () => {
    const privacy = investigating(newCase({ submission: { category: 'privacy' } }));
    expect(change(privacy, { patch: { category: 'quality' } }, T.decided).next.severity).toBe('critical');
    const lowered = change(privacy, { patch: { category: 'quality', severity: 'normal' } }, T.decided).next;
    expect(lowered).toMatchObject({ category: 'quality', severity: 'normal' });
    // Back on the 24 h clock: the investigate deadline moved, so the chain restarts at the handler.
    expect(lowered.escalation).toEqual({
      level: 0,
      deadline: 'investigate',
      dueAt: hoursAfter(RECEIVED_AT, 24),
    });
  });
});

describe('an approval is bound to its terms', () => {
  /** An investigating case whose compensation 赵执行经理 approved at T.approved. */
  const approved = () => {
    const c = change(
      investigating(),
      { patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      T.approved,
    ).next;
    expect(c.compensation).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: T.approved });
    return c;
  };
  const compensationAfter = (c: Case, compensation: Compensation, when = T.later) =>
    change(c, { patch: { compensation } }, when).next.compensation;

  it.each<[string, Partial<Compensation>]>([
    ['the description', { description: '全额退款并赠送相册' }],
    ['the amount', { amount: 9800 }],
    ['no amount', { amount: undefined }],
    ['the policy flag', { beyondPolicy: false }],
  ])('drops the approval when %s changes under the same approver', (_, terms) => {
    const c = approved();
    const changed = { ...beyondPolicy, ...terms };
    const after = compensationAfter(c, { ...changed, approvedBy: approver });
    expect(after?.approvedBy).toBeUndefined();
    expect(after?.approvedAt).toBeUndefined();
    expect(after?.description).toBe(changed.description);
    expect(after?.amount).toBe(changed.amount);
    expect(after?.beyondPolicy).toBe(changed.beyondPolicy);
    // A given approval time does not save it either.
    const timed = compensationAfter(c, { ...changed, approvedBy: approver, approvedAt: '2026-11-23T10:00Z' });
    expect(timed).not.toHaveProperty('approvedBy');
    expect(timed).not.toHaveProperty('approvedAt');
  });

  it('keeps the original approval time for the same terms and approver', () => {
    const c = approved();
    const resent = change(c, { patch: { compensation: { ...beyondPolicy, approvedBy: approver } } }, T.later);
    expect(resent.event).toBeUndefined();
    expect(resent.next).toBe(c);
    // A different time given with the same approval does not rewrite it.
    expect(
      compensationAfter(c, { ...beyondPolicy, approvedBy: approver, approvedAt: '2026-11-23T10:00:00Z' }),
    ).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: T.approved });
    // Trimmed and normalised text compares equal to what was approved.
    expect(
      compensationAfter(c, {
        ...beyondPolicy,
        description: ` ${beyondPolicy.description} `,
        approvedBy: ` ${approver}`,
      }),
    ).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: T.approved });
  });

  it('treats a different approver as a fresh approval, at the given time or now', () => {
    const c = approved();
    expect(compensationAfter(c, { ...beyondPolicy, approvedBy: '钱总' })).toEqual({
      ...beyondPolicy,
      approvedBy: '钱总',
      approvedAt: T.later,
    });
    expect(
      compensationAfter(c, {
        ...beyondPolicy,
        amount: 9800,
        approvedBy: '钱总',
        approvedAt: '2026-11-23T09:30:00+08:00',
      }),
    ).toEqual({ ...beyondPolicy, amount: 9800, approvedBy: '钱总', approvedAt: '2026-11-23T01:30:00.000Z' });
  });

  it('records no approval without an approver', () => {
    const c = approved();
    expect(compensationAfter(c, beyondPolicy)).toEqual(beyondPolicy);
    expect(compensationAfter(c, { ...beyondPolicy, approvedAt: '2026-11-23T10:00:00Z' })).toEqual(
      beyondPolicy,
    );
    expect(compensationAfter(c, { ...beyondPolicy, approvedBy: '' })).toEqual(beyondPolicy);
    const fresh = investigating();
    expect(compensationAfter(fresh, { ...withinPolicy, approvedAt: '2026-11-23T10:00:00Z' })).toEqual(
      withinPolicy,
    );
  });

  it('sets the approval time when a first approver is given', () => {
    const c = investigating();
    expect(compensationAfter(c, { ...beyondPolicy, approvedBy: approver })).toEqual({
      ...beyondPolicy,
      approvedBy: approver,
      approvedAt: T.later,
    });
  });
});

describe('patch times on the business calendar', () => {
  const at = (patch: CasePatch, local: LocalTimes = R.calendar) =>
    validatePatch(patch, DEFAULT_VALUE_LISTS, local);

  it('reads times without an offset as business wall time (Asia/Shanghai)', () => {
    expect(at({ repliedAt: '2026-11-23T10:00' })).toEqual({ repliedAt: '2026-11-23T02:00:00.000Z' });
    // 01:00 local on the 24th is still the 23rd in UTC.
    expect(at({ resolvedAt: '2026-11-24T01:00' })).toEqual({ resolvedAt: '2026-11-23T17:00:00.000Z' });
  });

  it('keeps times with an offset or Z absolute', () => {
    expect(at({ repliedAt: '2026-11-23T10:00Z' })).toEqual({ repliedAt: '2026-11-23T10:00:00.000Z' });
    expect(at({ repliedAt: '2026-11-23T10:00:00.000Z' })).toEqual({ repliedAt: '2026-11-23T10:00:00.000Z' });
    expect(at({ repliedAt: '2026-11-23T10:00+09:00' })).toEqual({ repliedAt: '2026-11-23T01:00:00.000Z' });
    expect(at({ repliedAt: '2026-11-23T10:00:30-05:00' })).toEqual({ repliedAt: '2026-11-23T15:00:30.000Z' });
  });

  it("uses the configured calendar's zone, daylight saving included", () => {
    const london = calendar({ timeZone: 'Europe/London' });
    expect(at({ notifiedAt: '2026-11-23T10:00' }, london)).toEqual({
      notifiedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(at({ notifiedAt: '2026-07-01T10:00' }, london)).toEqual({
      notifiedAt: '2026-07-01T09:00:00.000Z',
    });
    const calls: string[][] = [];
    const probe: LocalTimes = {
      at: (date, hhmm) => {
        calls.push([date, hhmm]);
        return new Date('2030-01-01T00:00:00.000Z');
      },
    };
    expect(at({ followedUpAt: '2026-11-23T18:45' }, probe)).toEqual({
      followedUpAt: '2030-01-01T00:00:00.000Z',
    });
    expect(at({ followedUpAt: '2026-11-23T18:45Z' }, probe)).toEqual({
      followedUpAt: '2026-11-23T18:45:00.000Z',
    });
    expect(calls).toEqual([['2026-11-23', '18:45']]);
  });

  it('applies to every time a change sets, the approval time included', () => {
    const c = investigating(newCase({ submission: { channel: 'phone' } }));
    const { next } = change(
      c,
      {
        patch: {
          promisedReplyAt: '2026-11-20T16:00',
          repliedAt: '2026-11-20T15:30',
          compensation: { ...beyondPolicy, approvedBy: approver, approvedAt: '2026-11-20T14:30' },
        },
      },
      T.approved,
    );
    expect(next.promisedReplyAt).toBe('2026-11-20T08:00:00.000Z');
    expect(next.repliedAt).toBe('2026-11-20T07:30:00.000Z');
    expect(next.compensation?.approvedAt).toBe('2026-11-20T06:30:00.000Z');
    expect(next.deadlines.find((d) => d.kind === 'reply')).toEqual({
      kind: 'reply',
      dueAt: '2026-11-20T08:00:00.000Z',
      metAt: '2026-11-20T07:30:00.000Z',
    });
  });

  it('still refuses impossible or malformed times', () => {
    for (const repliedAt of ['2026-02-30T10:00', '2026-11-23T24:00', '2026-11-23 10:00', '2026-11-23']) {
      const e = refusal(() => at({ repliedAt }));
      expect(e.kind).toBe('validation');
      expect(new Set(e.issues.map((i) => `${i.field} ${i.code}`))).toEqual(
        new Set(['repliedAt invalid_date']),
      );
    }
  });
});

describe('patch contacts are validated like the submission', () => {
  const complainant = (o: { phone?: string; email?: string }) => ({ complainant: { name: '张三', ...o } });
  const patchIssues = (patch: CasePatch) =>
    refusal(() => validatePatch(patch, DEFAULT_VALUE_LISTS, R.calendar)).issues;

  it.each(['abc', '12345', '138-0013-8000 ext', '<138>', '1'.repeat(30)])('refuses the phone %j', (phone) => {
    expect(patchIssues(complainant({ phone }))).toEqual([
      expect.objectContaining({ field: 'complainant', code: 'invalid_phone' }),
    ]);
  });

  it.each(['zhang', 'zhang@', 'zhang@qq', 'a b@qq.com', '<a@qq.com>', `${'a'.repeat(250)}@qq.com`])(
    'refuses the email %j',
    (email) => {
      expect(patchIssues(complainant({ phone: '13800138000', email }))).toEqual([
        expect.objectContaining({ field: 'complainant', code: 'invalid_email' }),
      ]);
    },
  );

  it('agrees with the submission on every sample', () => {
    const phones = [
      '13800138000',
      '+86 (138) 0013-8000',
      '010-12345678',
      'abc',
      '12345',
      '+',
      '1'.repeat(25),
    ];
    const emails = ['li.si@example.com', ' li.si@qq.com ', 'a@b.cn', 'zhang@qq', 'a b@qq.com', 'x@y'];
    const accepts = (fn: () => unknown) => {
      try {
        fn();
        return true;
      } catch {
        return false;
      }
    };
    for (const phone of phones) {
      expect(
        accepts(() => validatePatch(complainant({ phone }), DEFAULT_VALUE_LISTS, R.calendar)),
        phone,
      ).toBe(accepts(() => parseSubmission(DEFAULT_VALUE_LISTS, submissionInput({ phone }))));
    }
    for (const email of emails) {
      expect(
        accepts(() => validatePatch(complainant({ email }), DEFAULT_VALUE_LISTS, R.calendar)),
        email,
      ).toBe(accepts(() => parseSubmission(DEFAULT_VALUE_LISTS, submissionInput({ email }))));
    }
  });

  it('trims valid contacts, clears an empty one, and masks them in the audit trail', () => {
    const c = investigating();
    const { next, event } = change(
      c,
      { patch: complainant({ phone: '', email: ' Li.Si@qq.com ' }) },
      T.decided,
    );
    expect(next.complainant.phone).toBeUndefined();
    expect(next.complainant.email).toBe('Li.Si@qq.com');
    expect(event?.changes).toEqual([
      {
        field: 'complainant',
        from: { name: '张*', phone: '138****8000' },
        to: { name: '张*', email: 'l***@qq.com' },
      },
    ]);
  });
});

describe('clearing fields from a whole-row door', () => {
  const at = (patch: CasePatch) => validatePatch(patch, DEFAULT_VALUE_LISTS, R.calendar);

  it('reads an empty time or code as "remove the value"', () => {
    const cleared = at({ promisedReplyAt: '', stage: '', notifyMethod: '' } as unknown as CasePatch);
    expect(Object.keys(cleared).sort()).toEqual(['notifyMethod', 'promisedReplyAt', 'stage']);
    expect(Object.values(cleared)).toEqual([undefined, undefined, undefined]);
  });

  it('removes the promised reply and its deadline when the cell is cleared', () => {
    const c = newCase({ submission: { channel: 'phone' } });
    expect(c.deadlines.map((d) => d.kind)).toContain('reply');
    const patch = { promisedReplyAt: '' } as unknown as CasePatch;
    const { next } = change(c, { patch }, hoursAfter(RECEIVED_AT, 1));
    expect(next.promisedReplyAt).toBeUndefined();
    expect(next.deadlines.map((d) => d.kind)).not.toContain('reply');
  });

  it('refuses a change that leaves the complainant without any contact', () => {
    const c = newCase();
    const problem = refusal(() =>
      change(c, { patch: { complainant: { name: c.complainant.name } } }, hoursAfter(RECEIVED_AT, 1)),
    );
    expect(problem).toMatchObject({ kind: 'validation' });
    expect(problem.issues).toEqual([
      expect.objectContaining({ field: 'complainant', code: 'contact_required' }),
    ]);
  });
});
