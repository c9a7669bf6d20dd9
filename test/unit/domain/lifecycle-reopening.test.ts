/** applyChange and appeals: reopening a handled case, with a reason of its own each time. */
import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../shared/domain/case.js';
import { hoursAfter, newCase, RECEIVED_AT, refusal } from '../../support/builders.js';
import { caseAt, change, decision, investigating, T, WEEK } from '../../support/lifecycle.js';

describe('reopening on appeal', () => {
  it.each<CaseStatus>(['resolved', 'notified', 'closed'])('needs a reason to reopen a %s case', (status) => {
    const e = refusal(() => change(caseAt(status), { to: 'investigating' }, T.reopened));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/reopening on appeal needs a reason/);
  });

  it.each<CaseStatus>(['resolved', 'notified', 'closed'])(
    'reopens a %s case and restarts the procedure',
    (status) => {
      const before = caseAt(status);
      const { next, event } = change(
        before,
        { to: 'investigating', patch: { reopenReason: '客户认为重修后仍不满意' } },
        T.reopened,
      );
      expect(next).toMatchObject({
        status: 'investigating',
        reopenCount: 1,
        reopenedAt: T.reopened,
        reopenReason: '客户认为重修后仍不满意',
        findings: decision.findings, // earlier findings stay on record
        version: before.version + 1,
      });
      for (const k of [
        'resolvedAt',
        'notifiedAt',
        'notifyMethod',
        'followedUpAt',
        'closedAt',
        'satisfaction',
        'investigatedAt',
      ] as const) {
        expect(next[k], k).toBeUndefined();
      }
      // The 24 h investigation restarts from the reopening, not from receipt.
      expect(next.nextDue).toEqual({ kind: 'investigate', dueAt: hoursAfter(T.reopened, 24) });
      expect(next.deadlines).toEqual([{ kind: 'investigate', dueAt: hoursAfter(T.reopened, 24) }]);
      expect(next.escalation).toEqual({
        level: 0,
        deadline: 'investigate',
        dueAt: hoursAfter(T.reopened, 24),
      });
      expect(event).toMatchObject({ action: 'reopened', from: status, to: 'investigating' });
    },
  );

  it('counts every reopening', () => {
    const once = change(
      caseAt('closed'),
      { to: 'investigating', patch: { reopenReason: '第一次申诉' } },
      T.reopened,
    ).next;
    let c = once;
    const later = [
      { to: 'decided', patch: {}, at: '2026-12-01T06:00:00.000Z' },
      { to: 'resolved', patch: {}, at: '2026-12-02T06:00:00.000Z' },
    ] as const;
    for (const s of later) c = change(c, { to: s.to, patch: s.patch }, s.at).next;
    const twice = change(
      c,
      { to: 'investigating', patch: { reopenReason: '第二次申诉' } },
      '2026-12-03T06:00:00.000Z',
    );
    expect(twice.next.reopenCount).toBe(2);
    expect(twice.next.reopenedAt).toBe('2026-12-03T06:00:00.000Z');
  });

  it('keeps a promised reply met by the earlier notification', () => {
    const phoneCase = newCase({ submission: { channel: 'phone' } });
    expect(phoneCase.promisedReplyAt).toBe(hoursAfter(RECEIVED_AT, 24));
    const notified = caseAt('notified', phoneCase);
    expect(notified.deadlines.find((d) => d.kind === 'reply')?.metAt).toBe(T.notified);
    const { next } = change(
      notified,
      { to: 'investigating', patch: { reopenReason: '客户申诉' } },
      T.reopened,
    );
    expect(next.deadlines.find((d) => d.kind === 'reply')?.metAt).toBe(T.notified);
    expect(next.nextDue?.kind).toBe('investigate');
  });
});

describe('reopening', () => {
  const resolvedCase = () =>
    change(
      change(investigating(), { to: 'decided', patch: decision }, WEEK.decided).next,
      { to: 'resolved' },
      WEEK.resolved,
    ).next;

  it("needs this change's own reason: an earlier appeal's reason does not carry over", () => {
    const once = change(
      resolvedCase(),
      { to: 'investigating', patch: { reopenReason: '第一次申诉' } },
      WEEK.reopened,
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
      WEEK.notified,
    ).next;
    expect(notified.notifyMethod).toBe('wechat');
    const { next, event } = change(
      notified,
      { to: 'investigating', patch: { reopenReason: '客户申诉' } },
      WEEK.reopened,
    );
    expect(next.notifyMethod).toBeUndefined();
    expect(event?.changes).toContainEqual({ field: 'notifyMethod', from: 'wechat' });
    // Even when the same change tries to keep it.
    const kept = change(
      notified,
      { to: 'investigating', patch: { reopenReason: '客户申诉', notifyMethod: 'phone' } },
      WEEK.reopened,
    ).next;
    expect(kept.notifyMethod).toBeUndefined();
    const resolved = change(next, { to: 'resolved', patch: {} }, '2026-12-02T06:00:00.000Z').next;
    expect(refusal(() => change(resolved, { to: 'notified' }, '2026-12-03T06:00:00.000Z')).message).toMatch(
      /say how the customer was told the result/,
    );
  });
});
