/**
 * The escalation chain as pure rules, on the Shanghai calendar (Mon–Fri 09:00–18:00): when each step of a
 * deadline falls due, what a sweep at a given instant takes, skips, delivers, and when it looks again.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.js';
import {
  chainOf,
  type EscalationPolicy,
  NEVER,
  DEFAULT_ESCALATION_POLICY as P,
  planEscalation,
  settleEscalation,
  sweepKey,
} from '../../../shared/domain/escalation.js';
import { applyEscalation } from '../../../shared/domain/lifecycle.js';
import { calendar, newCase } from '../../support/builders.js';
import { change } from '../../support/lifecycle.js';

const cal = calendar();
/** Local Shanghai wall-clock time as an ISO instant. */
const local = (text: string) => new Date(`${text}+08:00`).toISOString();
const at = (text: string) => new Date(local(text));

/** Received Monday 2026-11-23 10:00: the 24 h investigation is due Tuesday 10:00. */
const monday = (o: { submission?: Record<string, unknown>; received?: string } = {}) =>
  newCase({
    caseNo: '261123-001',
    receivedAt: local(o.received ?? '2026-11-23T10:00'),
    submission: o.submission ?? {},
  });

const plan = (c: Case, when: string, policy: EscalationPolicy = P) =>
  planEscalation(c, at(when), policy, cal);
const steps = (p: { take: { step: string }[] }) => p.take.map((s) => s.step);

/** Records the plan's steps as the sweep does, every message delivered. */
function sweep(c: Case, when: string, policy: EscalationPolicy = P): Case {
  const p = plan(c, when, policy);
  const recorded = p.take.length || p.skip.length ? applyEscalation(c, p, at(when), p.next).next : c;
  return { ...recorded, escalation: settleEscalation(recorded.escalation, p.deliver, p.next) };
}

describe('chainOf', () => {
  it('warns the owner at 75% of the span, tells the supervisor at the breach and the executive one working day later', () => {
    const c = monday();
    const [inv] = c.deadlines;
    expect(inv).toEqual({ kind: 'investigate', dueAt: local('2026-11-24T10:00') });
    if (!inv) return;
    expect(chainOf(c, inv, P, cal)).toEqual([
      // 18 h after receipt is 04:00, closed: the warning waits for opening time.
      {
        deadline: 'investigate',
        dueAt: inv.dueAt,
        step: 'warn',
        at: local('2026-11-24T04:00'),
        sendAt: local('2026-11-24T09:00'),
      },
      { deadline: 'investigate', dueAt: inv.dueAt, step: 'supervisor', at: inv.dueAt, sendAt: inv.dueAt },
      // Tue 10:00 + 9 open hours: Tue 10–18, then Wed 09–10.
      {
        deadline: 'investigate',
        dueAt: inv.dueAt,
        step: 'executive',
        at: local('2026-11-25T10:00'),
        sendAt: local('2026-11-25T10:00'),
      },
    ]);
    // At any hour, the warning goes at 04:00.
    expect(chainOf(c, inv, { ...P, hours: 'any' }, cal)[0]?.sendAt).toBe(local('2026-11-24T04:00'));
    // The executive a fixed number of clock hours after the breach.
    expect(chainOf(c, inv, { ...P, executiveDelay: { hours: 4 } }, cal)[2]?.at).toBe(
      local('2026-11-24T14:00'),
    );
  });

  it('sends a critical case straight to the executive manager at the breach, at any hour', () => {
    // Privacy leak at 22:00: 4 h to investigate, due 02:00.
    const c = monday({ submission: { category: 'privacy' }, received: '2026-11-23T22:00' });
    const [inv] = c.deadlines;
    if (!inv) throw new Error('no deadline');
    expect(chainOf(c, inv, P, cal).map((s) => [s.step, s.sendAt])).toEqual([
      ['warn', local('2026-11-24T01:00')],
      ['executive', local('2026-11-24T02:00')],
    ]);
  });

  it('measures working-day deadlines in open time', () => {
    // Investigated Tue 11:00: resolve due Fri 18:00 (34 open hours); 75% is Fri 09:30.
    const c = change(
      monday(),
      { to: 'investigating', patch: { findings: '已核实' } },
      local('2026-11-24T11:00'),
    ).next;
    const resolve = c.deadlines.find((d) => d.kind === 'resolve');
    if (!resolve) throw new Error('no resolve deadline');
    expect(resolve.dueAt).toBe(local('2026-11-27T18:00'));
    expect(chainOf(c, resolve, P, cal).map((s) => [s.step, s.sendAt])).toEqual([
      ['warn', local('2026-11-27T09:30')],
      // Due at closing time: the supervisor hears on Monday morning, the executive a day later.
      ['supervisor', local('2026-11-30T09:00')],
      ['executive', local('2026-12-01T09:00')],
    ]);
  });
});

describe('planEscalation', () => {
  it('takes each step when it may go out, and says when to look again', () => {
    let c = monday();
    expect(plan(c, '2026-11-24T08:59')).toMatchObject({
      take: [],
      deliver: [],
      next: local('2026-11-24T09:00'),
    });
    expect(steps(plan(c, '2026-11-24T09:00'))).toEqual(['warn']);
    c = sweep(c, '2026-11-24T09:00');
    expect(c.escalation).toMatchObject({ level: 0, next: local('2026-11-24T10:00') });
    expect(plan(c, '2026-11-24T09:45')).toEqual({
      take: [],
      skip: [],
      deliver: [],
      next: local('2026-11-24T10:00'),
    });
    expect(steps(plan(c, '2026-11-24T10:00'))).toEqual(['supervisor']);
    c = sweep(c, '2026-11-24T10:00');
    expect(c.escalation).toMatchObject({ level: 1, next: local('2026-11-25T10:00') });
    c = sweep(c, '2026-11-25T10:15');
    expect(c.escalation).toMatchObject({ level: 2, next: NEVER });
    expect(c.escalation.steps?.map((r) => [r.step, r.at, r.sent, r.skipped])).toEqual([
      ['warn', local('2026-11-24T09:00'), true, undefined],
      ['supervisor', local('2026-11-24T10:00'), true, undefined],
      ['executive', local('2026-11-25T10:15'), true, undefined],
    ]);
    expect(plan(c, '2026-11-30T10:00')).toEqual({ take: [], skip: [], deliver: [], next: NEVER });
  });

  it('catches up after downtime with the current level only, the steps below recorded as skipped', () => {
    const p = plan(monday(), '2026-11-25T11:00');
    expect(steps(p)).toEqual(['executive']);
    expect(p.skip.map((s) => s.step)).toEqual(['warn', 'supervisor']);
    expect(p.deliver.map((r) => r.step)).toEqual(['executive']);
    const c = sweep(monday(), '2026-11-25T11:00');
    expect(c.escalation.steps?.map((r) => [r.step, r.skipped, r.sent])).toEqual([
      ['warn', true, undefined],
      ['supervisor', true, undefined],
      ['executive', undefined, true],
    ]);
    expect(c.escalation.level).toBe(2);
  });

  it('waits for opening hours, also to retry, unless the case is critical or the policy says any hour', () => {
    // The warning was due at 09:00 but the first sweep after an outage runs at 22:00.
    expect(plan(monday(), '2026-11-24T22:00')).toEqual({
      take: [],
      skip: [],
      deliver: [],
      next: local('2026-11-25T09:00'),
    });
    expect(steps(plan(monday(), '2026-11-24T22:00', { ...P, hours: 'any' }))).toEqual(['supervisor']);
    const critical = monday({ submission: { category: 'privacy' }, received: '2026-11-23T22:00' });
    expect(steps(plan(critical, '2026-11-24T01:05'))).toEqual(['warn']);
    expect(steps(plan(critical, '2026-11-24T02:05'))).toEqual(['executive']);
    // A recorded step not yet sent is retried only when it may go out.
    const warned = applyEscalation(
      monday(),
      plan(monday(), '2026-11-24T09:00'),
      at('2026-11-24T09:00'),
      'x',
    ).next;
    expect(plan(warned, '2026-11-24T09:30').deliver.map((r) => r.step)).toEqual(['warn']);
    expect(plan(warned, '2026-11-24T20:00').deliver).toEqual([]);
  });

  it('redelivers the highest step recorded until it went out, never a step it passed', () => {
    const unsent = applyEscalation(
      monday(),
      plan(monday(), '2026-11-24T10:30'),
      at('2026-11-24T10:30'),
      'x',
    ).next;
    const again = plan(unsent, '2026-11-24T10:45');
    expect(again.take).toEqual([]);
    expect(again.deliver).toEqual([
      {
        deadline: 'investigate',
        dueAt: local('2026-11-24T10:00'),
        step: 'supervisor',
        at: local('2026-11-24T10:30'),
      },
    ]);
    const sent = { ...unsent, escalation: settleEscalation(unsent.escalation, again.deliver, 'y') };
    expect(plan(sent, '2026-11-24T10:45').deliver).toEqual([]);
  });

  it('plans every unmet deadline: a phone complaint has its investigation and its promised reply', () => {
    const c = monday({ submission: { channel: 'phone' } });
    expect(c.deadlines.map((d) => d.kind)).toEqual(['investigate', 'reply']);
    const p = plan(c, '2026-11-24T10:00');
    expect(p.take.map((s) => `${s.deadline}:${s.step}`)).toEqual([
      'investigate:supervisor',
      'reply:supervisor',
    ]);
  });

  it('has nothing to do for a met deadline or a closed case, and starts over when a deadline moves', () => {
    const investigated = change(monday(), { patch: { findings: '已核实' } }, local('2026-11-23T15:00')).next;
    const p = plan(investigated, '2026-11-24T10:00');
    // Only the resolve deadline is left, not due before Thursday's warning.
    expect(p.take).toEqual([]);
    const resolve = investigated.deadlines.find((d) => d.kind === 'resolve');
    if (!resolve) throw new Error('no resolve deadline');
    expect(p.next).toBe(chainOf(investigated, resolve, P, cal)[0]?.sendAt);
    const closed = { ...monday(), status: 'closed' as const };
    expect(plan(closed, '2026-11-30T10:00')).toEqual({ take: [], skip: [], deliver: [], next: NEVER });
    // Escalated to the supervisor, then raised to critical: the 4 h clock is a new deadline, a new chain.
    const told = sweep(monday(), '2026-11-24T10:00');
    const raised = change(told, { patch: { severity: 'critical' } }, local('2026-11-24T10:30')).next;
    expect(raised.escalation.steps).toBeUndefined();
    expect(steps(plan(raised, '2026-11-24T10:30'))).toEqual(['executive']);
  });
});

describe('applyEscalation', () => {
  it('records the steps, raises the level and writes a warned or escalated event', () => {
    const c = monday();
    const warned = applyEscalation(
      c,
      plan(c, '2026-11-24T09:00'),
      at('2026-11-24T09:00'),
      local('2026-11-24T09:01'),
    );
    expect(warned.next).toMatchObject({ version: c.version + 1, updatedAt: local('2026-11-24T09:00') });
    expect(warned.next.escalation).toMatchObject({ level: 0, next: local('2026-11-24T09:01') });
    expect(warned.event).toMatchObject({
      action: 'warned',
      seq: c.version + 1,
      actor: { id: 'escalate', door: 'system' },
      changes: [],
      note: '初步调查 Initial investigation: 提醒负责人 owner warned',
    });
    const caught = applyEscalation(c, plan(c, '2026-11-25T11:00'), at('2026-11-25T11:00'), 'x');
    expect(caught.event).toMatchObject({
      action: 'escalated',
      changes: [{ field: 'escalation', from: 0, to: 2 }],
      note: '初步调查 Initial investigation: 上报执行经理 executive manager told (跳过 skipped: 提醒负责人 owner warned, 上报门店主管 store supervisor told)',
    });
  });
});

describe('sweepKey', () => {
  it('sorts a case at its next step, at its last change when not planned since, and last when nothing is left', () => {
    const c = monday();
    expect(sweepKey(c)).toBe(c.updatedAt);
    expect(sweepKey({ ...c, escalation: { ...c.escalation, next: local('2026-11-24T09:00') } })).toBe(
      local('2026-11-24T09:00'),
    );
    expect(sweepKey({ ...c, escalation: { ...c.escalation, next: NEVER } })).toBe('~');
  });
});
