/** applyChange and compensation beyond policy: waiting for the approval, and an approval bound to its terms. */
import { describe, expect, it } from 'vitest';
import type { Case, Compensation } from '../../../shared/domain/case.js';
import { applyChange } from '../../../shared/domain/lifecycle.js';
import { manager, refusal } from '../../support/builders.js';
import {
  approvedDecision,
  approver,
  beyondPolicy,
  change,
  decision,
  investigating,
  R,
  RESOLVE_DUE,
  WEEK,
  withinPolicy,
} from '../../support/lifecycle.js';

describe('decided → awaiting_approval', () => {
  it('is allowed when compensation raised beyond policy is not approved, as a transition', () => {
    const decided = change(
      investigating(),
      { to: 'decided', patch: { ...decision, compensation: withinPolicy } },
      WEEK.decided,
    ).next;
    const { next, event } = change(
      decided,
      { to: 'awaiting_approval', patch: { compensation: beyondPolicy } },
      WEEK.later,
    );
    expect(next).toMatchObject({
      status: 'awaiting_approval',
      compensation: beyondPolicy,
      investigatedAt: WEEK.decided, // the investigation was not redone
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
      change(decided, { patch: { compensation: { ...raised, approvedBy: approver } } }, WEEK.later),
    );
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(
      /is "decided": compensation beyond policy needs the executive manager's approval/,
    );
    // Going back to awaiting_approval is the way.
    const { next } = change(
      decided,
      { to: 'awaiting_approval', patch: { compensation: { ...raised, approvedBy: approver } } },
      WEEK.later,
    );
    expect(next.status).toBe('awaiting_approval');
    expect(next.compensation).toEqual(raised);
    // The same approver may then approve the new terms, as a fresh approval.
    const reapproved = applyChange(
      next,
      { to: 'decided', patch: { compensation: { ...raised, approvedBy: approver } }, actor: manager },
      new Date(WEEK.resolved),
      R,
    ).next;
    expect(reapproved.status).toBe('decided');
    expect(reapproved.compensation).toEqual({ ...raised, approvedBy: approver, approvedAt: WEEK.resolved });
  });

  it('is refused when there is nothing to approve', () => {
    const within = change(
      investigating(),
      { to: 'decided', patch: { ...decision, compensation: withinPolicy } },
      WEEK.decided,
    ).next;
    expect(refusal(() => change(within, { to: 'awaiting_approval' }, WEEK.later)).message).toMatch(
      /cannot become "awaiting_approval": only compensation beyond policy needs approval/,
    );
    const none = change(investigating(), { to: 'decided', patch: decision }, WEEK.decided).next;
    expect(refusal(() => change(none, { to: 'awaiting_approval' }, WEEK.later)).message).toMatch(
      /only compensation beyond policy needs approval/,
    );
    expect(
      refusal(() => change(approvedDecision(), { to: 'awaiting_approval' }, WEEK.later)).message,
    ).toMatch(/cannot become "awaiting_approval": the compensation is already approved/);
  });

  it('is not open to later statuses', () => {
    const resolved = change(approvedDecision(), { to: 'resolved' }, WEEK.resolved).next;
    const e = refusal(() =>
      change(resolved, { to: 'awaiting_approval', patch: { compensation: beyondPolicy } }, WEEK.later),
    );
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot move a case from "resolved" back to "awaiting_approval"/);
  });
});

describe('an approval is bound to its terms', () => {
  /** An investigating case whose compensation 赵执行经理 approved at WEEK.approved. */
  const approved = () => {
    const c = change(
      investigating(),
      { patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      WEEK.approved,
    ).next;
    expect(c.compensation).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: WEEK.approved });
    return c;
  };
  const compensationAfter = (c: Case, compensation: Compensation, when = WEEK.later) =>
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
    const resent = change(
      c,
      { patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      WEEK.later,
    );
    expect(resent.event).toBeUndefined();
    expect(resent.next).toBe(c);
    // A different time given with the same approval does not rewrite it.
    expect(
      compensationAfter(c, { ...beyondPolicy, approvedBy: approver, approvedAt: '2026-11-23T10:00:00Z' }),
    ).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: WEEK.approved });
    // Trimmed and normalised text compares equal to what was approved.
    expect(
      compensationAfter(c, {
        ...beyondPolicy,
        description: ` ${beyondPolicy.description} `,
        approvedBy: ` ${approver}`,
      }),
    ).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: WEEK.approved });
  });

  it('treats a different approver as a fresh approval, at the given time or now', () => {
    const c = approved();
    expect(compensationAfter(c, { ...beyondPolicy, approvedBy: '钱总' })).toEqual({
      ...beyondPolicy,
      approvedBy: '钱总',
      approvedAt: WEEK.later,
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
      approvedAt: WEEK.later,
    });
  });
});
