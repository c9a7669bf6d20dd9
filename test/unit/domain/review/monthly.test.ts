/** The monthly statistics over a month's cases, and the periods they cover on the business calendar. */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../shared/domain/case.js';
import { outcomeOf } from '../../../../shared/domain/review/deadline-stats.js';
import { monthlyFigures } from '../../../../shared/domain/review/monthly.js';
import {
  addMonths,
  daysOfMonth,
  dayWindow,
  firstWorkingDay,
  workingDaysBack,
} from '../../../../shared/domain/review/period.js';
import { calendar, hoursAfter, newCase, RECEIVED_AT } from '../../../support/builders.js';
import { change, decision, withinPolicy } from '../../../support/lifecycle.js';

const cal = calendar();

describe('periods', () => {
  it('bounds a business day by local midnights', () => {
    expect(dayWindow(cal, '2026-11-20')).toEqual({
      from: '2026-11-19T16:00:00.000Z',
      to: '2026-11-20T16:00:00.000Z',
    });
  });

  it('steps months across a year end and lists a month’s days', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(daysOfMonth(cal, '2026-02')).toHaveLength(28);
  });

  it('finds the first working day of a month that starts with a holiday', () => {
    // National Day 2026: October 1–7 closed (PRC holidays), so the 8th is the first working day.
    expect(firstWorkingDay(cal, '2026-10')).toBe('2026-10-08');
    // January 2026: New Year's Day and the 2nd closed, Saturday the 3rd; Monday the 5th... or a make-up day.
    expect(cal.isWorkingDay(firstWorkingDay(cal, '2026-01'))).toBe(true);
    expect(firstWorkingDay(cal, '2026-12')).toBe('2026-12-01');
    // No working day in the first ten: the tenth acts anyway.
    const closed = calendar({
      closures: Array.from({ length: 12 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`),
    });
    expect(firstWorkingDay(closed, '2026-12')).toBe('2026-12-10');
  });

  it('looks back n working days for the deadlines due on a day', () => {
    // Friday 2026-11-20 minus five working days: Friday the 13th.
    expect(workingDaysBack(cal, '2026-11-20', 5)).toBe('2026-11-13');
  });
});

function handled(caseNo: string, receivedAt: string, patch: Partial<Case> = {}, category = 'quality') {
  let c = newCase({ caseNo, receivedAt, submission: { category } });
  c = change(c, { to: 'investigating', patch: { owner: '李店长' } }, hoursAfter(receivedAt, 2)).next;
  c = change(c, { to: 'decided', patch: { ...decision, ...patch } }, hoursAfter(receivedAt, 30)).next;
  return change(c, { to: 'resolved', patch: {} }, hoursAfter(receivedAt, 48)).next;
}

describe('monthlyFigures', () => {
  const now = new Date('2026-12-01T01:00:00.000Z');
  const late = handled('261103-001', '2026-11-03T02:00:00.000Z', {
    rootCause: '交付排期过紧',
    compensation: withinPolicy,
  });
  const second = handled('261110-001', '2026-11-10T02:00:00.000Z', { rootCause: ' 交付排期过紧 ' }, 'delay');
  const fresh = newCase({
    caseNo: '261130-001',
    receivedAt: '2026-11-30T08:00:00.000Z',
    earlierCases: ['261103-001'],
  });
  const f = monthlyFigures({
    current: { month: '2026-11', cases: [late, second, fresh] },
    previous: [
      { month: '2026-09', cases: [newCase({ caseNo: '260901-001', submission: { category: 'delay' } })] },
      { month: '2026-10', cases: [] },
    ],
    now,
  });

  it('counts the month against the months before, by category and stage', () => {
    expect(f.total).toBe(3);
    expect(f.trend.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(f.trend.totals).toEqual([1, 0, 3]);
    expect(f.trend.byCategory).toEqual([
      ['delay', [1, 0, 1]],
      ['quality', [0, 0, 2]],
    ]);
  });

  it('gives breaches per deadline kind, the average and the worst overrun', () => {
    // Both handled cases took 30 h to their findings: the 24 h investigation was 6 h late.
    expect(f.deadlines.investigate).toMatchObject({
      due: 3,
      onTime: 0,
      late: 2,
      missed: 0,
      pending: 1,
      rate: 0,
    });
    expect(f.deadlines.investigate.avgOverrunHours).toBe(6);
    expect(f.deadlines.resolve).toMatchObject({ onTime: 2, rate: 1 });
    // Resolved on 5 and 12 November, nobody told: both notify deadlines missed by December 1st.
    expect(f.deadlines.notify).toMatchObject({ missed: 2, rate: 0 });
    expect(f.overrun.worst).toMatchObject({ caseNo: '261103-001', kind: 'notify' });
  });

  it('gives the average handling times, the top root causes, compensation and the repeat rate', () => {
    expect(f.durations.investigateHours).toEqual({ n: 2, mean: 30 });
    expect(f.durations.resolveDays).toEqual({ n: 2, mean: 2 });
    expect(f.durations.notifyDays).toEqual({ n: 0 });
    expect(f.rootCauses).toEqual([
      { rootCause: '交付排期过紧', count: 2, caseNos: ['261103-001', '261110-001'] },
    ]);
    expect(f.compensation.map((g) => [g.category, g.total])).toEqual([['quality', 300]]);
    expect(f.repeat).toEqual({ count: 1, rate: 0.33 });
    expect(f.substantiated).toEqual({ yes: 2, no: 0, rate: 1 });
  });

  it('says on time, late, missed or pending for one deadline', () => {
    const d = { kind: 'notify' as const, dueAt: RECEIVED_AT };
    expect(outcomeOf(d, new Date(hoursAfter(RECEIVED_AT, -1)))).toBe('pending');
    expect(outcomeOf(d, new Date(hoursAfter(RECEIVED_AT, 1)))).toBe('missed');
    expect(outcomeOf({ ...d, metAt: hoursAfter(RECEIVED_AT, -1) }, now)).toBe('on_time');
    expect(outcomeOf({ ...d, metAt: hoursAfter(RECEIVED_AT, 1) }, now)).toBe('late');
  });

  it('has nothing to divide in an empty month', () => {
    const empty = monthlyFigures({ current: { month: '2026-11', cases: [] }, previous: [], now });
    expect(empty.total).toBe(0);
    expect(empty.repeat.rate).toBeUndefined();
    expect(empty.deadlines.investigate.rate).toBeUndefined();
  });
});
