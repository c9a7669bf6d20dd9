/** The daily review's figures, computed from cases and events walked through the real lifecycle. */
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Case } from '../../../../shared/domain/case.js';
import { dailyFigures, isQuietDay, todoByOwner } from '../../../../shared/domain/review/daily.js';
import { dayWindow } from '../../../../shared/domain/review/period.js';
import { hoursAfter, newCaseWithEvent, RECEIVED_AT } from '../../../support/builders.js';
import { beyondPolicy, change, decision, R, withinPolicy } from '../../../support/lifecycle.js';

const DAY = '2026-11-20'; // Friday; RECEIVED_AT is 10:00 local
const window = dayWindow(R.calendar, DAY);
const evening = new Date(hoursAfter(RECEIVED_AT, 8)); // 18:00 local

function walk(c: Case, steps: { to?: Case['status']; patch: Partial<Case>; at: string }[]) {
  const events: AuditEvent[] = [];
  for (const s of steps) {
    const r = change(c, { ...(s.to ? { to: s.to } : {}), patch: s.patch }, s.at);
    c = r.next;
    if (r.event) events.push(r.event);
  }
  return { case: c, events };
}

function day() {
  const a = newCaseWithEvent({ caseNo: '261120-001', submission: { staffInvolved: '小王, 小李' } });
  const b = newCaseWithEvent({
    caseNo: '261120-002',
    receivedAt: hoursAfter(RECEIVED_AT, 1),
    submission: { category: 'attitude', stage: 'selection', channel: 'phone', staffInvolved: '小王' },
    earlierCases: ['261101-004'],
  });
  const c = newCaseWithEvent({
    caseNo: '261120-003',
    receivedAt: hoursAfter(RECEIVED_AT, 2),
    submission: { category: 'attitude' },
  });
  // a: decided substantiated with compensation, resolved; b: not substantiated; c: untouched.
  const handledA = walk(a.case, [
    { to: 'investigating', patch: { owner: '李店长' }, at: hoursAfter(RECEIVED_AT, 1) },
    { to: 'decided', patch: { ...decision, compensation: withinPolicy }, at: hoursAfter(RECEIVED_AT, 3) },
    { to: 'resolved', patch: { rootCause: '修图 13800138000 标准不清' }, at: hoursAfter(RECEIVED_AT, 4) },
  ]);
  const handledB = walk(b.case, [
    {
      to: 'decided',
      patch: { findings: '顾客误解了套餐内容', substantiated: false, owner: '王主管' },
      at: hoursAfter(RECEIVED_AT, 5),
    },
  ]);
  // An older case whose notify deadline falls on the day and is still unmet: resolved Fri 13th, so due at
  // closing time of Fri 20th.
  const old = walk(newCaseWithEvent({ caseNo: '261112-001', receivedAt: '2026-11-12T02:00:00.000Z' }).case, [
    { to: 'investigating', patch: { owner: '李店长' }, at: '2026-11-12T03:00:00.000Z' },
    { to: 'decided', patch: decision, at: '2026-11-12T04:00:00.000Z' },
    { to: 'resolved', patch: {}, at: '2026-11-13T03:00:00.000Z' },
  ]);
  const cases = [handledA.case, handledB.case, c.case, old.case];
  return {
    received: [handledA.case, handledB.case, c.case],
    events: [a.event, b.event, c.event, ...handledA.events, ...handledB.events],
    cases,
  };
}

/** The day's figures as a run at `now` computes them. */
function figuresOfDay(now: Date) {
  const d = day();
  return dailyFigures({
    day: DAY,
    window,
    now,
    received: d.received,
    events: d.events,
    open: d.cases,
    cases: new Map(d.cases.map((c) => [c.caseNo, c])),
  });
}

describe('dailyFigures', () => {
  it("counts the day's new cases by category, stage, channel, severity and staff involved", () => {
    const f = figuresOfDay(evening);
    expect(f.received).toEqual({
      total: 3,
      caseNos: ['261120-001', '261120-002', '261120-003'],
      bySeverity: [
        ['normal', 2],
        ['high', 1],
      ],
      byCategory: [
        ['attitude', 2],
        ['quality', 1],
      ],
      byStage: [
        ['unspecified', 2],
        ['selection', 1],
      ],
      byChannel: [
        ['web_form', 2],
        ['phone', 1],
      ],
      byStaff: [
        ['小王', 2],
        ['小李', 1],
      ],
    });
    expect(f.decided).toEqual({ substantiated: ['261120-001'], notSubstantiated: ['261120-002'] });
    expect(f.resolved).toEqual(['261120-001']);
    expect(f.notified).toEqual([]);
    expect(f.repeat).toEqual([{ caseNo: '261120-002', relatedCases: ['261101-004'] }]);
    expect(f.rootCauses).toEqual([
      { caseNo: '261120-001', category: 'quality', rootCause: '修图 [phone] 标准不清' },
    ]);
    expect(f.compensation).toEqual([
      {
        category: 'quality',
        count: 1,
        total: 300,
        min: 300,
        max: 300,
        lines: [
          {
            caseNo: '261120-001',
            description: '赠送一本小相册',
            amount: 300,
            beyondPolicy: false,
            substantiated: true,
          },
        ],
      },
    ]);
    expect(isQuietDay(f)).toBe(false);
  });

  it('gives the share of investigate and notify deadlines due on the day that were met in time', () => {
    const f = figuresOfDay(evening);
    // Investigations due today: none (today's cases are due tomorrow). Notify: the old case, missed at 18:00.
    expect(f.deadlines.investigate.due).toBe(0);
    expect(f.deadlines.notify).toMatchObject({ due: 1, onTime: 0, missed: 1, rate: 0 });
    expect(f.deadlines.notify.worst?.caseNo).toBe('261112-001');
  });

  it("lists open and overdue cases with owner and age, and each owner's to-do list most overdue first", () => {
    const f = figuresOfDay(new Date('2026-11-24T10:00:00.000Z')); // the following Tuesday, 18:00
    expect(f.open).toBe(4);
    // 001 waits for its notify deadline (not due yet); 002 owes the promised phone reply (Sat 11:00), 003 its
    // investigation (Sat 12:00).
    expect(f.overdue.map((l) => l.caseNo)).toEqual(['261112-001', '261120-002', '261120-003']);
    expect(f.overdue[1]?.next?.kind).toBe('reply');
    expect(f.overdue[0]).toMatchObject({ owner: '李店长', ageDays: 12, next: { kind: 'notify' } });
    expect(f.todo.map((t) => [t.owner, t.cases.map((c) => c.caseNo)])).toEqual([
      [undefined, ['261120-003']],
      ['李店长', ['261112-001', '261120-001']],
      ['王主管', ['261120-002']],
    ]);
  });

  it('is a quiet day when nothing was received or changed', () => {
    const f = dailyFigures({
      day: DAY,
      window,
      now: evening,
      received: [],
      events: [],
      open: [],
      cases: new Map(),
    });
    expect(isQuietDay(f)).toBe(true);
    expect(f.received.total).toBe(0);
    expect(f.deadlines.investigate.rate).toBeUndefined();
    expect(f.todo).toEqual([]);
  });

  it('puts the unassigned first and orders owners by name', () => {
    const line = (caseNo: string, owner?: string, overdueHours?: number) => ({
      caseNo,
      ...(owner ? { owner } : {}),
      status: 'received' as const,
      category: 'quality',
      severity: 'normal',
      receivedDay: DAY,
      ageDays: 0,
      ...(overdueHours ? { overdueHours } : {}),
    });
    expect(
      todoByOwner([line('3', 'B', 1), line('1'), line('2', 'A'), line('4', 'B', 5)]).map((t) => [
        t.owner,
        t.cases.map((c) => c.caseNo),
      ]),
    ).toEqual([
      [undefined, ['1']],
      ['A', ['2']],
      ['B', ['4', '3']],
    ]);
  });

  it('shows compensation beyond policy side by side with its approver', () => {
    const a = newCaseWithEvent({ caseNo: '261120-001' });
    const r = walk(a.case, [
      { to: 'investigating', patch: {}, at: hoursAfter(RECEIVED_AT, 1) },
      {
        to: 'decided',
        patch: { ...decision, compensation: { ...beyondPolicy, approvedBy: '赵执行经理' } },
        at: hoursAfter(RECEIVED_AT, 2),
      },
    ]);
    const f = dailyFigures({
      day: DAY,
      window,
      now: evening,
      received: [r.case],
      events: r.events,
      open: [r.case],
      cases: new Map([[r.case.caseNo, r.case]]),
    });
    expect(f.compensation[0]?.lines[0]).toMatchObject({
      amount: 8800,
      beyondPolicy: true,
      approvedBy: '赵执行经理',
    });
  });
});
