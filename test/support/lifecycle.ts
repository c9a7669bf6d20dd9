/**
 * Builders for the lifecycle's tests: `change` (applyChange with the staff actor by default), the usual
 * decision and compensations, and cases walked to a status on two fixed timelines in Asia/Shanghai
 * (Mon–Fri 09:00–18:00), both starting on the day of receipt, Fri 2026-11-20.
 */
import { expect } from 'vitest';
import type { Case, CasePatch, CaseStatus, Compensation } from '../../shared/domain/case.js';
import { applyChange, type ChangeRequest, type ChangeResult } from '../../shared/domain/lifecycle.js';
import type { CaseRules } from '../../shared/domain/rules.js';
import { manager, newCase, RECEIVED_AT, rules, staff } from './builders.js';

export const R = rules();

/** applyChange with the staff actor by default and an explicit instant. */
export function change(c: Case, req: Partial<ChangeRequest>, when: string, r: CaseRules = R): ChangeResult {
  return applyChange(c, { patch: {}, actor: staff, ...req }, new Date(when), r);
}

export const decision = {
  findings: '后期修片时误用液化工具，三张照片脸部变形。',
  substantiated: true,
  correctiveAction: '重新精修三张照片，由后期主管复核后交付。',
} satisfies CasePatch;
export const withinPolicy: Compensation = { description: '赠送一本小相册', amount: 300, beyondPolicy: false };
export const beyondPolicy: Compensation = { description: '全额退款', amount: 8800, beyondPolicy: true };
export const approver = '赵执行经理';

/** The happy path on explicit instants. */
export const T = {
  received: RECEIVED_AT, // Fri 2026-11-20 10:00 local
  investigating: '2026-11-20T03:00:00.000Z',
  decided: '2026-11-20T07:00:00.000Z',
  resolved: '2026-11-23T03:00:00.000Z', // Mon 11:00 local
  notified: '2026-11-24T03:00:00.000Z', // Tue 11:00 local
  closed: '2026-11-26T03:00:00.000Z',
  reopened: '2026-12-01T02:00:00.000Z',
};

const HAPPY: { to: CaseStatus; patch: CasePatch; at: string }[] = [
  { to: 'investigating', patch: { owner: '李店长' }, at: T.investigating },
  { to: 'decided', patch: { ...decision, compensation: withinPolicy }, at: T.decided },
  { to: 'resolved', patch: {}, at: T.resolved },
  { to: 'notified', patch: { notifyMethod: 'phone' }, at: T.notified },
  { to: 'closed', patch: { satisfaction: 'satisfied' }, at: T.closed },
];

/** A case walked along the happy path up to `status`. */
export function caseAt(status: CaseStatus, start: Case = newCase()): Case {
  let c = start;
  for (const step of HAPPY) {
    if (c.status === status) break;
    c = change(c, { to: step.to, patch: step.patch }, step.at).next;
  }
  expect(c.status).toBe(status);
  return c;
}

/** A week of handling with an approval: the resolve clock, approvals and appeals. */
export const WEEK = {
  investigating: '2026-11-20T03:00:00.000Z', // Fri 11:00 local
  decided: '2026-11-20T07:00:00.000Z', // Fri 15:00 local
  approved: '2026-11-20T09:00:00.000Z', // Fri 17:00 local
  later: '2026-11-23T03:00:00.000Z', // Mon 11:00 local
  resolved: '2026-11-24T03:00:00.000Z', // Tue 11:00 local
  notified: '2026-11-25T03:00:00.000Z', // Wed 11:00 local
  reopened: '2026-12-01T02:00:00.000Z', // Tue 10:00 local
};
/** Three working days after Fri 2026-11-20: Wed 25 at 18:00 local. */
export const RESOLVE_DUE = '2026-11-25T10:00:00.000Z';

export const investigating = (c: Case = newCase()) =>
  change(c, { to: 'investigating', patch: { owner: '李店长' } }, WEEK.investigating).next;

/** A decided case whose beyond-policy compensation the executive manager approved at WEEK.approved. */
export function approvedDecision(): Case {
  const waiting = change(
    investigating(),
    { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
    WEEK.decided,
  ).next;
  const { next } = applyChange(
    waiting,
    { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: approver } }, actor: manager },
    new Date(WEEK.approved),
    R,
  );
  expect(next.compensation).toEqual({ ...beyondPolicy, approvedBy: approver, approvedAt: WEEK.approved });
  return next;
}
