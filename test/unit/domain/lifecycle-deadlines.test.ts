/** applyChange and the clocks: the resolve deadline, escalation tied to the due deadline, the critical floor. */
import { describe, expect, it } from 'vitest';
import type { Case, CasePatch } from '../../../shared/domain/case.js';
import { hoursAfter, newCase, RECEIVED_AT, rules } from '../../support/builders.js';
import {
  approver,
  beyondPolicy,
  change,
  decision,
  investigating,
  RESOLVE_DUE,
  T,
  WEEK,
} from '../../support/lifecycle.js';

describe('the resolve deadline in the lifecycle', () => {
  it('gives a decided case a next deadline: handling complete within 3 working days', () => {
    const { next } = change(investigating(), { to: 'decided', patch: decision }, WEEK.decided);
    expect(next.investigatedAt).toBe(WEEK.decided);
    expect(next.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
    expect(next.deadlines).toContainEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
  });

  it('gives a case awaiting approval a next deadline too, and keeps it through the approval', () => {
    const waiting = change(
      investigating(),
      { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
      WEEK.decided,
    ).next;
    expect(waiting.status).toBe('awaiting_approval');
    expect(waiting.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
    expect(waiting.escalation).toEqual({ level: 0, deadline: 'resolve', dueAt: RESOLVE_DUE });
    const approved = change(
      waiting,
      { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      WEEK.approved,
    ).next;
    expect(approved.nextDue).toEqual({ kind: 'resolve', dueAt: RESOLVE_DUE });
  });

  it('starts when findings are recorded, before the decision', () => {
    const { next } = change(investigating(), { patch: { findings: decision.findings } }, WEEK.decided);
    expect(next.status).toBe('investigating');
    expect(next.deadlines).toEqual([
      { kind: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 24), metAt: WEEK.decided },
      { kind: 'resolve', dueAt: RESOLVE_DUE },
    ]);
  });

  it('is met on resolution, which hands over to the notify deadline', () => {
    const decided = change(investigating(), { to: 'decided', patch: decision }, WEEK.decided).next;
    const { next } = change(decided, { to: 'resolved' }, WEEK.resolved);
    expect(next.deadlines.find((d) => d.kind === 'resolve')).toEqual({
      kind: 'resolve',
      dueAt: RESOLVE_DUE,
      metAt: WEEK.resolved,
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
      change(c, { to: 'decided', patch: decision }, WEEK.decided, fast).next.nextDue?.dueAt;
    expect(decide(newCase({ rules: fast }))).toBe('2026-11-23T10:00:00.000Z'); // Mon
    expect(decide(newCase({ rules: fast, submission: { category: 'privacy' } }))).toBe(
      '2026-11-24T10:00:00.000Z', // Tue: critical
    );
    expect(decide(newCase({ rules: fast, submission: { category: 'charges', severity: 'critical' } }))).toBe(
      '2026-11-27T10:00:00.000Z', // Fri: the category wins
    );
  });

  it('disappears on reopening, with the investigation it was counted from', () => {
    const decided = change(investigating(), { to: 'decided', patch: decision }, WEEK.decided).next;
    const resolved = change(decided, { to: 'resolved' }, WEEK.resolved).next;
    const { next } = change(
      resolved,
      { to: 'investigating', patch: { reopenReason: '客户申诉' } },
      WEEK.reopened,
    );
    expect(next.deadlines).toEqual([{ kind: 'investigate', dueAt: hoursAfter(WEEK.reopened, 24) }]);
    // A new decision starts a new resolve clock from the new investigation (Tue Dec 1): Wed 2, Thu 3, Fri 4.
    const again = change(next, { to: 'decided', patch: {} }, WEEK.reopened).next;
    expect(again.nextDue).toEqual({ kind: 'resolve', dueAt: '2026-12-04T10:00:00.000Z' });
  });
});

describe('escalation', () => {
  it('starts critical cases at the executive manager and keeps them there', () => {
    const c = newCase({ submission: { category: 'privacy' } });
    expect(c.severity).toBe('critical');
    expect(c.escalation).toEqual({ level: 2, deadline: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 4) });
    expect(c.nextDue?.dueAt).toBe(hoursAfter(RECEIVED_AT, 4));
    const next = change(c, { to: 'investigating', patch: { owner: '李店长' } }, T.investigating).next;
    expect(next.escalation).toEqual(c.escalation);
    // Even after the decision, on the next deadline.
    const decided = change(next, { to: 'decided', patch: decision }, T.decided).next;
    expect(decided.escalation).toEqual({ level: 2, deadline: 'resolve', dueAt: '2026-11-25T10:00:00.000Z' });
  });
});

describe('escalation tied to the due deadline', () => {
  /** The case as the escalation sweep would leave it: warned and escalated on its current deadline. */
  const escalated = (c: Case): Case => {
    const chain = { deadline: c.nextDue?.kind ?? 'investigate', dueAt: c.nextDue?.dueAt ?? '' };
    return {
      ...c,
      escalation: {
        ...c.escalation,
        level: 1,
        steps: [
          { ...chain, step: 'warn', at: '2026-11-20T22:00:00.000Z', sent: true },
          { ...chain, step: 'supervisor', at: '2026-11-21T02:05:00.000Z' },
        ],
      },
    };
  };

  it('keeps the level reached while the same deadline stays due at the same time', () => {
    const c = escalated(investigating());
    const { next } = change(c, { patch: { notes: '已致电客户' } }, WEEK.decided);
    expect(next.escalation).toEqual(c.escalation);
    // Raising the severity without moving the 24 h clock keeps the chain too.
    const high = change(c, { patch: { severity: 'high' } }, WEEK.decided).next;
    expect(high.nextDue).toEqual(c.nextDue);
    expect(high.escalation).toEqual(c.escalation);
  });

  it('restarts the chain when the same deadline moves', () => {
    const c = escalated(investigating());
    // Critical: 4 h instead of 24 h, so the investigate deadline moves and the chain starts over.
    const { next } = change(c, { patch: { severity: 'critical' } }, WEEK.decided);
    expect(next.nextDue).toEqual({ kind: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 4) });
    expect(next.escalation).toEqual({
      level: 2,
      deadline: 'investigate',
      dueAt: hoursAfter(RECEIVED_AT, 4),
    });
  });

  it('restarts the chain when another deadline becomes due', () => {
    const c = escalated(investigating());
    const { next } = change(c, { to: 'decided', patch: decision }, WEEK.decided);
    expect(next.escalation).toEqual({ level: 0, deadline: 'resolve', dueAt: RESOLVE_DUE });
  });

  it('keeps the chain on the resolve deadline through the approval', () => {
    const waiting = escalated(
      change(
        investigating(),
        { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
        WEEK.decided,
      ).next,
    );
    expect(waiting.escalation).toMatchObject({ level: 1, deadline: 'resolve', dueAt: RESOLVE_DUE });
    const { next } = change(
      waiting,
      { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: approver } } },
      WEEK.approved,
    );
    expect(next.escalation).toEqual(waiting.escalation);
  });
});

describe('the critical-category floor on every change', () => {
  it('keeps privacy and safety cases critical whatever the patch says', () => {
    const privacy = investigating(newCase({ submission: { category: 'privacy' } }));
    expect(privacy.severity).toBe('critical');
    // Lowering alone is no change at all.
    const lowered = change(privacy, { patch: { severity: 'normal' } }, WEEK.decided);
    expect(lowered.event).toBeUndefined();
    expect(lowered.next).toBe(privacy);
    // Alongside another edit only that edit is recorded.
    const { next, event } = change(
      privacy,
      { patch: { severity: 'high', notes: '已报告执行经理' } },
      WEEK.decided,
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
        const { next, event } = change(c, { patch }, WEEK.decided);
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
    expect(change(privacy, { patch: { category: 'quality' } }, WEEK.decided).next.severity).toBe('critical');
    const lowered = change(
      privacy,
      { patch: { category: 'quality', severity: 'normal' } },
      WEEK.decided,
    ).next;
    expect(lowered).toMatchObject({ category: 'quality', severity: 'normal' });
    // Back on the 24 h clock: the investigate deadline moved, so the chain restarts at the handler.
    expect(lowered.escalation).toEqual({
      level: 0,
      deadline: 'investigate',
      dueAt: hoursAfter(RECEIVED_AT, 24),
    });
  });
});
