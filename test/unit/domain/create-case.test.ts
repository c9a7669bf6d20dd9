/** createCase: registering a complaint. */
import { describe, expect, it } from 'vitest';
import {
  hoursAfter,
  newCase,
  newCaseWithEvent,
  RECEIVED_AT,
  refusal,
  rules,
} from '../../support/builders.js';

describe('createCase', () => {
  it('registers a received case with its investigation deadline and a created event', () => {
    const { case: c, event } = newCaseWithEvent();
    expect(c).toMatchObject({
      status: 'received',
      version: 1,
      source: 'form',
      channel: 'web_form',
      severity: 'normal',
      receivedDay: '2026-11-20',
      repeat: false,
      relatedCases: [],
      createdAt: RECEIVED_AT,
    });
    expect(c.promisedReplyAt).toBeUndefined();
    expect(event).toMatchObject({ action: 'created', seq: 1, to: 'received', caseNo: c.caseNo });
    expect(event.changes.map((ch) => ch.field)).not.toContain('createdAt');
  });

  it('dates the case on the business calendar', () => {
    // 01:00 on Saturday in Shanghai is still Friday in UTC.
    expect(newCase({ receivedAt: '2026-11-20T17:00:00.000Z' }).receivedDay).toBe('2026-11-21');
  });

  it.each([
    ['privacy', 'normal', false, 'critical'],
    ['safety', 'normal', false, 'critical'],
    ['quality', 'normal', true, 'high'],
    ['quality', 'high', true, 'high'],
    ['quality', 'critical', true, 'critical'],
    ['quality', 'high', false, 'high'],
    ['quality', 'normal', false, 'normal'],
  ])('category %s, severity %s, repeat %s → %s', (category, severity, repeat, expected) => {
    const { case: c, event } = newCaseWithEvent({
      submission: { category, severity },
      earlierCases: repeat ? ['261101-003', '261110-001'] : [],
    });
    expect(c.severity).toBe(expected);
    expect(c.repeat).toBe(repeat);
    if (repeat)
      expect(event.note).toBe('repeat complainant: 2 earlier case(s), latest 261101-003, 261110-001');
  });

  it('promises phone and online complainants a reply, or keeps the promised time given', () => {
    const online = newCase({ submission: { channel: 'online' } });
    expect(online.promisedReplyAt).toBe(hoursAfter(RECEIVED_AT, 24));
    expect(online.deadlines).toContainEqual({ kind: 'reply', dueAt: hoursAfter(RECEIVED_AT, 24) });
    const soon = newCase({ submission: { channel: 'phone' }, promisedReplyAt: hoursAfter(RECEIVED_AT, 2) });
    expect(soon.nextDue).toEqual({ kind: 'reply', dueAt: hoursAfter(RECEIVED_AT, 2) });
    const promised = hoursAfter(RECEIVED_AT, 3);
    expect(newCase({ promisedReplyAt: promised }).promisedReplyAt).toBe(promised);
  });

  it('refuses a future receipt and a promise before receipt', () => {
    const future = refusal(() => newCase({ now: RECEIVED_AT, receivedAt: hoursAfter(RECEIVED_AT, 1) }));
    expect(future.kind).toBe('validation');
    expect(future.issues).toEqual([expect.objectContaining({ field: 'receivedAt', code: 'future_date' })]);
    const early = refusal(() => newCase({ promisedReplyAt: hoursAfter(RECEIVED_AT, -1) }));
    expect(early.issues).toEqual([
      expect.objectContaining({ field: 'promisedReplyAt', code: 'before_received' }),
    ]);
  });

  it.each([['1900-01-01T00:00:00.000Z'], ['1970-01-01T00:00:00.000Z'], [hoursAfter(RECEIVED_AT, -24 * 91)]])(
    'refuses a receipt implausibly long ago (%s): the case would escalate at once',
    (receivedAt) => {
      const old = refusal(() => newCase({ now: RECEIVED_AT, receivedAt }));
      expect(old.issues).toEqual([expect.objectContaining({ field: 'receivedAt', code: 'too_old' })]);
    },
  );

  it('refuses a promise implausibly far ahead, and takes both bounds from the policy', () => {
    const far = refusal(() => newCase({ promisedReplyAt: '9999-12-31T00:00:00.000Z' }));
    expect(far.issues).toEqual([expect.objectContaining({ field: 'promisedReplyAt', code: 'too_far' })]);
    const lenient = rules({ policy: { maxReceivedAgeDays: 400, maxPromiseDays: 400 } });
    const lateEntry = hoursAfter(RECEIVED_AT, -24 * 300);
    expect(newCase({ now: RECEIVED_AT, receivedAt: lateEntry, rules: lenient }).receivedAt).toBe(lateEntry);
    const longPromise = hoursAfter(RECEIVED_AT, 24 * 300);
    expect(newCase({ promisedReplyAt: longPromise, rules: lenient }).promisedReplyAt).toBe(longPromise);
  });
});
