import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Case,
  CasePatch,
  CaseStatus,
  Deadline,
  DeadlineKind,
  EscalationRecord,
} from '../../../shared/domain/case.js';
import {
  computeDeadlines,
  DEFAULT_SLA_POLICY,
  defaultPromisedReply,
  nextDue,
  recomputeEscalation,
  ruleFor,
  type SlaPolicy,
} from '../../../shared/domain/deadlines.js';
import { DomainError } from '../../../shared/domain/errors.js';
import { applyChange, type ChangeRequest } from '../../../shared/domain/lifecycle.js';
import { calendar, hoursAfter, newCase, RECEIVED_AT, rules, staff } from '../../support/builders.js';

const cal = calendar();
const policy = DEFAULT_SLA_POLICY;

type Inputs = Parameters<typeof computeDeadlines>[0];
const inputs = (o: Partial<Inputs> = {}): Inputs => ({
  receivedAt: RECEIVED_AT,
  severity: 'normal',
  category: 'quality',
  ...o,
});
const find = (ds: Deadline[], kind: DeadlineKind) => ds.find((d) => d.kind === kind);

describe('investigate deadline', () => {
  it('is 24 hours on the clock, not in working hours', () => {
    // Friday 20:00 local, after closing: due Saturday 20:00 local although the studio is closed.
    const receivedAt = '2026-11-20T12:00:00.000Z';
    const ds = computeDeadlines(inputs({ receivedAt }), policy, cal);
    expect(ds).toEqual([{ kind: 'investigate', dueAt: '2026-11-21T12:00:00.000Z' }]);
  });

  it('is 4 hours for critical cases', () => {
    const ds = computeDeadlines(inputs({ severity: 'critical' }), policy, cal);
    expect(find(ds, 'investigate')?.dueAt).toBe(hoursAfter(RECEIVED_AT, 4));
  });

  it('lets a category override beat the severity override', () => {
    const p: SlaPolicy = {
      ...policy,
      byCategory: { privacy: { investigateHours: 2 }, delay: { investigateHours: 48 } },
    };
    expect(
      find(computeDeadlines(inputs({ severity: 'critical', category: 'privacy' }), p, cal), 'investigate')
        ?.dueAt,
    ).toBe(hoursAfter(RECEIVED_AT, 2));
    expect(
      find(computeDeadlines(inputs({ severity: 'critical', category: 'delay' }), p, cal), 'investigate')
        ?.dueAt,
    ).toBe(hoursAfter(RECEIVED_AT, 48));
    expect(ruleFor(p, 'critical', 'delay')).toEqual({
      investigateHours: 48,
      resolveWorkingDays: 3,
      notifyWorkingDays: 5,
      followUpWorkingDays: 3,
    });
    expect(ruleFor(p, 'high', 'quality')).toEqual({
      investigateHours: 24,
      resolveWorkingDays: 3,
      notifyWorkingDays: 5,
      followUpWorkingDays: 3,
    });
  });

  it('is met by investigatedAt and restarts from a reopening', () => {
    const investigatedAt = hoursAfter(RECEIVED_AT, 30);
    expect(find(computeDeadlines(inputs({ investigatedAt }), policy, cal), 'investigate')).toEqual({
      kind: 'investigate',
      dueAt: hoursAfter(RECEIVED_AT, 24),
      metAt: investigatedAt,
    });
    const reopenedAt = '2026-12-10T08:00:00.000Z';
    expect(find(computeDeadlines(inputs({ reopenedAt }), policy, cal), 'investigate')?.dueAt).toBe(
      hoursAfter(reopenedAt, 24),
    );
  });
});

describe('reply deadline', () => {
  const promisedReplyAt = hoursAfter(RECEIVED_AT, 6);

  it('exists only with a promised reply and is due at it', () => {
    expect(find(computeDeadlines(inputs(), policy, cal), 'reply')).toBeUndefined();
    expect(find(computeDeadlines(inputs({ promisedReplyAt }), policy, cal), 'reply')).toEqual({
      kind: 'reply',
      dueAt: promisedReplyAt,
    });
  });

  it('is met by repliedAt, or by notifiedAt when no reply was recorded', () => {
    const repliedAt = hoursAfter(RECEIVED_AT, 5);
    const notifiedAt = hoursAfter(RECEIVED_AT, 50);
    expect(find(computeDeadlines(inputs({ promisedReplyAt, repliedAt }), policy, cal), 'reply')?.metAt).toBe(
      repliedAt,
    );
    expect(find(computeDeadlines(inputs({ promisedReplyAt, notifiedAt }), policy, cal), 'reply')?.metAt).toBe(
      notifiedAt,
    );
    expect(
      find(computeDeadlines(inputs({ promisedReplyAt, repliedAt, notifiedAt }), policy, cal), 'reply')?.metAt,
    ).toBe(repliedAt);
  });

  it('is promised by default for phone and online complaints only', () => {
    expect(defaultPromisedReply('phone', RECEIVED_AT, policy)).toBe(hoursAfter(RECEIVED_AT, 24));
    expect(defaultPromisedReply('online', RECEIVED_AT, { ...policy, replyHours: 2 })).toBe(
      hoursAfter(RECEIVED_AT, 2),
    );
    expect(defaultPromisedReply('web_form', RECEIVED_AT, policy)).toBeUndefined();
    expect(defaultPromisedReply('on_site', RECEIVED_AT, policy)).toBeUndefined();
  });
});

describe('resolve deadline (working days from the end of the investigation)', () => {
  const resolveDue = (investigatedAt: string, o: Partial<Inputs> = {}, p = policy, c = cal) =>
    find(computeDeadlines(inputs({ investigatedAt, ...o }), p, c), 'resolve')?.dueAt;

  it('exists only once the investigation is done', () => {
    expect(find(computeDeadlines(inputs(), policy, cal), 'resolve')).toBeUndefined();
    // Even a recorded resolution does not start it without the investigation.
    const resolvedOnly = computeDeadlines(inputs({ resolvedAt: '2026-11-23T03:00:00.000Z' }), policy, cal);
    expect(resolvedOnly.map((d) => d.kind)).toEqual(['investigate', 'notify']);
  });

  it('is 3 working days after investigatedAt by default, at closing time', () => {
    expect(DEFAULT_SLA_POLICY.resolveWorkingDays).toBe(3);
    // Fri 2026-11-20 15:00 local → Mon 23, Tue 24, Wed 25 → 18:00 local.
    expect(resolveDue('2026-11-20T07:00:00.000Z')).toBe('2026-11-25T10:00:00.000Z');
    expect(
      find(computeDeadlines(inputs({ investigatedAt: '2026-11-20T07:00:00.000Z' }), policy, cal), 'resolve'),
    ).toEqual({ kind: 'resolve', dueAt: '2026-11-25T10:00:00.000Z' });
    // Investigated on Saturday: the same Wednesday.
    expect(resolveDue('2026-11-21T04:00:00.000Z')).toBe('2026-11-25T10:00:00.000Z');
    // Thu 17:00 UTC is already Fri 01:00 in Shanghai: counted from the business date, not the UTC one.
    expect(resolveDue('2026-11-19T17:00:00.000Z')).toBe('2026-11-25T10:00:00.000Z');
    // Investigated on Monday: Thursday.
    expect(resolveDue('2026-11-23T03:00:00.000Z')).toBe('2026-11-26T10:00:00.000Z');
  });

  it('skips the official National Day holidays and counts the make-up Saturday', () => {
    // Wed 2026-09-30 → (Oct 1–7 off) Thu 8, Fri 9, Sat 10 (调休 make-up day) → 18:00 local.
    expect(resolveDue('2026-09-30T06:00:00.000Z')).toBe('2026-10-10T10:00:00.000Z');
    // Without the official holidays: Thu Oct 1, Fri 2, Mon 5.
    expect(resolveDue('2026-09-30T06:00:00.000Z', {}, policy, calendar({}, { official: false }))).toBe(
      '2026-10-05T10:00:00.000Z',
    );
  });

  it('follows the policy, per-severity and per-category overrides (category wins)', () => {
    const p: SlaPolicy = {
      ...policy,
      resolveWorkingDays: 5,
      bySeverity: { critical: { investigateHours: 4, resolveWorkingDays: 1 } },
      byCategory: { privacy: { resolveWorkingDays: 2 } },
    };
    const fri = '2026-11-20T07:00:00.000Z';
    expect(resolveDue(fri, {}, p)).toBe('2026-11-27T10:00:00.000Z'); // Mon … Fri
    expect(resolveDue(fri, { severity: 'critical' }, p)).toBe('2026-11-23T10:00:00.000Z'); // Mon
    expect(resolveDue(fri, { severity: 'critical', category: 'privacy' }, p)).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    expect(ruleFor(p, 'critical', 'privacy')).toEqual({
      investigateHours: 4,
      resolveWorkingDays: 2,
      notifyWorkingDays: 5,
      followUpWorkingDays: 3,
    });
  });

  it('is met by resolvedAt, on time or late', () => {
    const investigatedAt = '2026-11-20T07:00:00.000Z';
    const onTime = '2026-11-23T03:00:00.000Z';
    expect(
      find(computeDeadlines(inputs({ investigatedAt, resolvedAt: onTime }), policy, cal), 'resolve'),
    ).toEqual({ kind: 'resolve', dueAt: '2026-11-25T10:00:00.000Z', metAt: onTime });
    const late = '2026-11-26T03:00:00.000Z';
    expect(
      find(computeDeadlines(inputs({ investigatedAt, resolvedAt: late }), policy, cal), 'resolve')?.metAt,
    ).toBe(late);
  });

  it('takes its place in procedure order and is next while a decided case awaits handling', () => {
    const all = computeDeadlines(
      inputs({
        promisedReplyAt: hoursAfter(RECEIVED_AT, 6),
        investigatedAt: '2026-11-20T07:00:00.000Z',
        resolvedAt: '2026-11-23T03:00:00.000Z',
        notifiedAt: '2026-11-24T03:00:00.000Z',
        followedUpAt: '2026-11-26T03:00:00.000Z',
      }),
      policy,
      cal,
    );
    expect(all.map((d) => d.kind)).toEqual(['investigate', 'reply', 'resolve', 'notify', 'follow_up']);
    const decided = computeDeadlines(inputs({ investigatedAt: '2026-11-20T07:00:00.000Z' }), policy, cal);
    expect(nextDue(decided)).toEqual({ kind: 'resolve', dueAt: '2026-11-25T10:00:00.000Z' });
  });
});

describe('notify deadline (working days on the business calendar)', () => {
  const notifyDue = (resolvedAt: string, c = cal, p = policy) =>
    find(computeDeadlines(inputs({ resolvedAt }), p, c), 'notify')?.dueAt;

  it('is 5 working days after resolution, at closing time', () => {
    // Fri 2026-11-20 16:00 local → Mon 23 … Fri 27 → 18:00 local.
    expect(notifyDue('2026-11-20T08:00:00.000Z')).toBe('2026-11-27T10:00:00.000Z');
    // Resolved on Saturday: the following Friday as well.
    expect(notifyDue('2026-11-21T04:00:00.000Z')).toBe('2026-11-27T10:00:00.000Z');
    // Resolved on Monday: the next Monday.
    expect(notifyDue('2026-11-23T03:00:00.000Z')).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips the official Mid-Autumn and National Day holidays of 2026 and counts the make-up Saturday', () => {
    // Wed 2026-09-30 14:00 local → (Oct 1–7 off) Thu 8, Fri 9, Sat 10 (调休 make-up day), Mon 12, Tue 13.
    expect(notifyDue('2026-09-30T06:00:00.000Z')).toBe('2026-10-13T10:00:00.000Z');
    // Thu 2026-09-24 → (Fri 25 Mid-Autumn) Mon 28, Tue 29, Wed 30, Thu Oct 8, Fri Oct 9.
    expect(notifyDue('2026-09-24T06:00:00.000Z')).toBe('2026-10-09T10:00:00.000Z');
    // The same on a calendar without the official holidays: Fri 25, Mon 28, Tue 29, Wed 30, Thu Oct 1.
    expect(notifyDue('2026-09-24T06:00:00.000Z', calendar({}, { official: false }))).toBe(
      '2026-10-01T10:00:00.000Z',
    );
  });

  it('follows the studio calendar and per-severity rules', () => {
    const studio = calendar({ workingWeekdays: [0, 1, 3, 4, 5, 6], opensAt: '10:00', closesAt: '21:00' });
    // Mon 2026-11-16 → Wed 18, Thu 19, Fri 20, Sat 21, Sun 22 (Tuesdays closed) → 21:00 local.
    expect(notifyDue('2026-11-16T04:00:00.000Z', studio)).toBe('2026-11-22T13:00:00.000Z');
    const fast: SlaPolicy = {
      ...policy,
      bySeverity: { ...policy.bySeverity, high: { notifyWorkingDays: 1 } },
    };
    const ds = computeDeadlines(
      inputs({ severity: 'high', resolvedAt: '2026-11-20T08:00:00.000Z' }),
      fast,
      cal,
    );
    expect(find(ds, 'notify')?.dueAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('is met by notifiedAt', () => {
    const notifiedAt = '2026-11-24T03:00:00.000Z';
    const ds = computeDeadlines(inputs({ resolvedAt: '2026-11-20T08:00:00.000Z', notifiedAt }), policy, cal);
    expect(find(ds, 'notify')?.metAt).toBe(notifiedAt);
  });
});

describe('follow-up deadline', () => {
  it('is followUpWorkingDays after notification and met by followedUpAt', () => {
    const notifiedAt = '2026-11-24T03:00:00.000Z'; // Tue
    const ds = computeDeadlines(inputs({ resolvedAt: '2026-11-23T03:00:00.000Z', notifiedAt }), policy, cal);
    expect(find(ds, 'follow_up')).toEqual({ kind: 'follow_up', dueAt: '2026-11-27T10:00:00.000Z' });
    const followedUpAt = '2026-11-26T03:00:00.000Z';
    const met = computeDeadlines(
      inputs({ resolvedAt: '2026-11-23T03:00:00.000Z', notifiedAt, followedUpAt }),
      policy,
      cal,
    );
    expect(find(met, 'follow_up')?.metAt).toBe(followedUpAt);
    expect(met.map((d) => d.kind)).toEqual(['investigate', 'notify', 'follow_up']);
  });
});

describe('nextDue', () => {
  const d = (kind: DeadlineKind, dueAt: string, metAt?: string): Deadline =>
    metAt ? { kind, dueAt, metAt } : { kind, dueAt };

  it('picks the earliest unmet deadline', () => {
    const ds = [
      d('investigate', '2026-11-21T02:00:00.000Z', '2026-11-20T05:00:00.000Z'),
      d('reply', '2026-11-22T02:00:00.000Z'),
      d('notify', '2026-11-21T10:00:00.000Z'),
    ];
    expect(nextDue(ds)).toEqual(d('notify', '2026-11-21T10:00:00.000Z'));
    expect(nextDue([])).toBeUndefined();
    expect(
      nextDue([d('investigate', '2026-11-21T02:00:00.000Z', '2026-11-20T05:00:00.000Z')]),
    ).toBeUndefined();
  });

  const iso = fc
    .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());
  const deadline = fc.record(
    {
      kind: fc.constantFrom<DeadlineKind>('investigate', 'reply', 'resolve', 'notify', 'follow_up'),
      dueAt: iso,
      metAt: iso,
    },
    { requiredKeys: ['kind', 'dueAt'] },
  );

  it('is never a met deadline and is no later than any unmet one (property)', () => {
    fc.assert(
      fc.property(fc.array(deadline, { maxLength: 8 }), (ds) => {
        const due = nextDue(ds);
        const unmet = ds.filter((x) => !x.metAt);
        if (unmet.length === 0) return due === undefined;
        return (
          due !== undefined &&
          !due.metAt &&
          ds.includes(due) &&
          unmet.every((x) => Date.parse(due.dueAt) <= Date.parse(x.dueAt))
        );
      }),
    );
  });
});

describe('recomputeEscalation', () => {
  const inv: Deadline = { kind: 'investigate', dueAt: '2026-11-21T02:00:00.000Z' };
  const reply: Deadline = { kind: 'reply', dueAt: '2026-11-21T02:00:00.000Z' };
  const notify: Deadline = { kind: 'notify', dueAt: '2026-11-27T10:00:00.000Z' };
  const step = (d: Deadline, s: EscalationRecord['step'], extra: Partial<EscalationRecord> = {}) => ({
    deadline: d.kind,
    dueAt: d.dueAt,
    step: s,
    at: '2026-11-21T03:00:00.000Z',
    ...extra,
  });

  it('starts at the handler, or at the executive manager for critical cases, on the next due deadline', () => {
    const onInv = { deadline: 'investigate', dueAt: inv.dueAt } as const;
    expect(recomputeEscalation(undefined, [inv], 'normal')).toEqual({ level: 0, ...onInv });
    expect(recomputeEscalation(undefined, [inv], 'high')).toEqual({ level: 0, ...onInv });
    expect(recomputeEscalation(undefined, [notify, inv], 'critical')).toEqual({ level: 2, ...onInv });
    expect(recomputeEscalation(undefined, [], 'critical')).toEqual({ level: 2 });
  });

  it('keeps the steps of deadlines still unmet at the same time, and the level they reached', () => {
    const current = {
      level: 1 as const,
      deadline: 'investigate' as const,
      dueAt: inv.dueAt,
      steps: [step(inv, 'warn'), step(inv, 'supervisor'), step(reply, 'warn', { sent: true as const })],
      next: '2026-11-22T01:00:00.000Z',
    };
    const { next: _, ...kept } = current;
    // The sweep's `next` goes: the changed case is looked at again at once.
    expect(recomputeEscalation(current, [inv, reply], 'normal')).toEqual(kept);
    // Raised to critical meanwhile: at least the executive manager.
    expect(recomputeEscalation(current, [inv, reply], 'critical')).toEqual({ ...kept, level: 2 });
    // The investigation done: its chain goes, the reply's stays.
    expect(recomputeEscalation(current, [reply], 'normal')).toEqual({
      level: 0,
      deadline: 'reply',
      dueAt: reply.dueAt,
      steps: [step(reply, 'warn', { sent: true })],
    });
  });

  it('does not count skipped steps towards the level', () => {
    const current = { level: 0 as const, steps: [step(inv, 'supervisor', { skipped: true as const })] };
    expect(recomputeEscalation(current, [inv], 'normal')).toMatchObject({ level: 0 });
  });

  it('restarts the chain when the next deadline changes, or when none is due', () => {
    const current = { level: 2 as const, steps: [step(inv, 'executive')] };
    expect(recomputeEscalation(current, [notify], 'normal')).toEqual({
      level: 0,
      deadline: 'notify',
      dueAt: notify.dueAt,
    });
    expect(recomputeEscalation(current, [notify], 'critical')).toEqual({
      level: 2,
      deadline: 'notify',
      dueAt: notify.dueAt,
    });
    expect(recomputeEscalation(current, [], 'normal')).toEqual({ level: 0 });
  });

  it('restarts the chain when the same kind of deadline moves', () => {
    const current = { level: 1 as const, steps: [step(inv, 'warn'), step(inv, 'supervisor')] };
    // Reopened, or the severity changed the clock: a new due time is a new deadline for the chain.
    const later: Deadline = { kind: 'investigate', dueAt: '2026-12-02T02:00:00.000Z' };
    expect(recomputeEscalation(current, [later], 'normal')).toEqual({
      level: 0,
      deadline: 'investigate',
      dueAt: later.dueAt,
    });
    const earlier: Deadline = { kind: 'investigate', dueAt: '2026-11-20T06:00:00.000Z' };
    expect(recomputeEscalation(current, [earlier], 'critical')).toEqual({
      level: 2,
      deadline: 'investigate',
      dueAt: earlier.dueAt,
    });
  });
});

describe('deadlines through random sequences of changes (property)', () => {
  const R = rules();
  const decision: CasePatch = { findings: '调查属实', substantiated: true, correctiveAction: '重新修片' };
  const candidates: { to?: CaseStatus; patch: CasePatch; note?: string }[] = [
    { to: 'investigating', patch: { owner: '李店长' } },
    { patch: { findings: '初步调查完成' } },
    { to: 'decided', patch: decision },
    { to: 'decided', patch: { ...decision, compensation: { description: '退款', beyondPolicy: true } } },
    {
      to: 'awaiting_approval',
      patch: { ...decision, compensation: { description: '退款', beyondPolicy: true } },
    },
    {
      to: 'decided',
      patch: { compensation: { description: '退款', beyondPolicy: true, approvedBy: '赵经理' } },
    },
    { to: 'resolved', patch: {} },
    { to: 'resolved', patch: decision },
    { to: 'notified', patch: { notifyMethod: 'phone' } },
    { to: 'notified', patch: {} },
    { to: 'notified', patch: { ...decision, notifyMethod: 'wechat' } },
    { to: 'closed', patch: { satisfaction: 'satisfied' } },
    { to: 'closed', patch: { notifyMethod: 'phone', satisfaction: 'neutral' } },
    { to: 'closed', patch: { ...decision, notifyMethod: 'in_person', satisfaction: 'satisfied' } },
    { to: 'investigating', patch: { reopenReason: '客户申诉' } },
    { to: 'investigating', patch: { reopenReason: '客户再次申诉' } },
    { patch: { rootCause: '流程缺少复核' } },
    { to: 'investigating', patch: {} },
    { to: 'received', patch: {} },
    { patch: { repliedAt: '2026-11-20T05:00:00Z' } },
    { patch: { promisedReplyAt: '2026-11-21T05:00:00Z' } },
    { patch: { severity: 'critical' } },
    { patch: { severity: 'normal' } },
    { patch: { category: 'privacy' } },
    { patch: { category: 'quality', severity: 'normal' } },
    { patch: { category: 'safety', severity: 'high' } },
    // Raising the compensation under the same approver drops the approval; back to awaiting_approval.
    {
      to: 'awaiting_approval',
      patch: {
        compensation: { description: '退款', amount: 9000, beyondPolicy: true, approvedBy: '赵经理' },
      },
    },
    { patch: { compensation: { description: '退款', amount: 500, beyondPolicy: false } } },
    { patch: { notes: '跟进中' } },
    { patch: { owner: '' } },
    { patch: {}, note: '每日小结会讨论' },
  ];

  it('keeps nextDue consistent with computeDeadlines and version = 1 + events', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat({ max: candidates.length - 1 }), fc.integer({ min: 1, max: 72 * 60 })), {
          maxLength: 30,
        }),
        (phone, steps) => {
          let c: Case = newCase({ submission: { channel: phone ? 'phone' : 'web_form' } });
          let events = 0;
          let lastSeq = 1;
          let now = Date.parse(RECEIVED_AT);
          for (const [i, minutes] of steps) {
            now += minutes * 60_000;
            const candidate = candidates[i];
            if (!candidate) throw new Error('no candidate');
            const req: ChangeRequest = { ...candidate, actor: staff };
            try {
              const { next, event } = applyChange(c, req, new Date(now), R);
              if (event) {
                events += 1;
                expect(event.seq).toBe(next.version);
                expect(event.seq).toBeGreaterThan(lastSeq);
                lastSeq = event.seq;
              } else {
                expect(next).toBe(c);
              }
              c = next;
            } catch (e) {
              // Illegal moves are refused as domain errors, never anything else.
              if (!(e instanceof DomainError)) throw e;
              expect(['transition', 'validation']).toContain(e.kind);
            }
            expect(c.version).toBe(1 + events);
            const deadlines = computeDeadlines(c, R.policy, R.calendar);
            expect(c.deadlines).toEqual(deadlines);
            if (c.status === 'closed') expect(c.nextDue).toBeUndefined();
            else expect(c.nextDue).toEqual(nextDue(deadlines));
            expect(c.escalation.level).toBeGreaterThanOrEqual(c.severity === 'critical' ? 2 : 0);
            if (c.nextDue) {
              expect(c.escalation.deadline).toBe(c.nextDue.kind);
              expect(c.escalation.dueAt).toBe(c.nextDue.dueAt);
            } else {
              expect(c.escalation).toEqual({ level: c.severity === 'critical' ? 2 : 0 });
            }
            // Privacy and safety stay critical whatever a change says.
            if (c.category === 'privacy' || c.category === 'safety') expect(c.severity).toBe('critical');
            // The resolve clock runs exactly while the investigation is recorded as done.
            expect(c.deadlines.some((d) => d.kind === 'resolve')).toBe(c.investigatedAt !== undefined);
            // A decision past "decided" never rests on an unapproved beyond-policy compensation.
            if (['decided', 'resolved', 'notified'].includes(c.status)) {
              expect(!!c.compensation?.beyondPolicy && !c.compensation.approvedBy).toBe(false);
            }
            if (c.compensation?.approvedBy) expect(c.compensation.approvedAt).toBeDefined();
            else expect(c.compensation?.approvedAt).toBeUndefined();
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
