/** validatePatch: what a change may set, whichever door it comes through. */
import { describe, expect, it } from 'vitest';
import type { CasePatch } from '../../../shared/domain/case.js';
import { type LocalTimes, validatePatch } from '../../../shared/domain/patch.js';
import { parseSubmission } from '../../../shared/domain/submission.js';
import { DEFAULT_VALUE_LISTS } from '../../../shared/domain/values.js';
import {
  calendar,
  hoursAfter,
  newCase,
  RECEIVED_AT,
  refusal,
  submissionInput,
} from '../../support/builders.js';
import {
  approver,
  beyondPolicy,
  caseAt,
  change,
  investigating,
  R,
  T,
  WEEK,
} from '../../support/lifecycle.js';

describe('patch validation', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown field', { caseNo: '261120-999' }, 'caseNo', 'unknown_field'],
    ['a bookkeeping field', { version: 9 }, 'version', 'unknown_field'],
    ['a bad category code', { category: 'bogus' }, 'category', 'invalid_option'],
    ['a bad notify method', { notifyMethod: 'pigeon' }, 'notifyMethod', 'invalid_option'],
    ['a bad request code', { requests: ['refund', 'bogus'] }, 'requests', 'invalid_option'],
    ['a NUL in notes', { notes: 'a\u0000b' }, 'notes', 'control_chars'],
    ['a bidi override in findings', { findings: '\u202E已调查' }, 'findings', 'control_chars'],
    ['a newline in a one-line field', { owner: '李\n店长' }, 'owner', 'control_chars'],
    ['an over-long owner', { owner: 'x'.repeat(101) }, 'owner', 'too_long:100'],
    ['an empty description', { description: '  ' }, 'description', 'required'],
    ['an impossible date', { repliedAt: '2026-02-30T10:00' }, 'repliedAt', 'invalid_date'],
    ['a wrong type', { substantiated: 'yes' }, 'substantiated', 'invalid'],
    [
      'a negative amount',
      { compensation: { description: '退款', amount: -1, beyondPolicy: false } },
      'compensation',
      '',
    ],
  ])('refuses %s as a validation error naming the field', (_, patch, field, code) => {
    const e = refusal(() => change(caseAt('investigating'), { patch: patch as CasePatch }, T.decided));
    expect(e.kind).toBe('validation');
    expect(e.issues.map((i) => i.field)).toContain(field);
    if (code) expect(e.issues.find((i) => i.field === field)?.code).toBe(code);
  });

  it('accepts newlines in multi-line fields and normalises times to ISO instants', () => {
    const { next } = change(
      caseAt('investigating'),
      { patch: { notes: '第一行\r\n第二行', repliedAt: '2026-11-20T12:00+08:00' } },
      T.decided,
    );
    expect(next.notes).toBe('第一行\n第二行');
    expect(next.repliedAt).toBe('2026-11-20T04:00:00.000Z');
  });

  it('checks the patch before the transition', () => {
    const e = refusal(() =>
      change(caseAt('resolved'), { to: 'decided', patch: { bogus: 1 } as CasePatch }, T.notified),
    );
    expect(e.kind).toBe('validation');
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
      WEEK.approved,
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
      WEEK.decided,
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
