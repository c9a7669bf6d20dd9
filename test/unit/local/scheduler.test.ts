import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEDULES, type Schedule, schedulesFor, toScheduleExpression } from '../../../functions/catalog.js';
import { nextFire, startScheduler } from '../../../local/scheduler.js';
import { fixedClock } from '../../../shared/adapters/clock.js';
import { createBusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../../../shared/domain/calendar.js';

const calendar = createBusinessCalendar(DEFAULT_CALENDAR_SETTINGS); // Asia/Shanghai

describe('nextFire', () => {
  it('fires rate schedules on the next multiple of their period', () => {
    const s: Schedule = { function: 'escalate', every: { minutes: 15 } };
    expect(nextFire(s, new Date('2026-11-23T02:07:00Z'), calendar).toISOString()).toBe(
      '2026-11-23T02:15:00.000Z',
    );
    expect(nextFire(s, new Date('2026-11-23T02:15:00Z'), calendar).toISOString()).toBe(
      '2026-11-23T02:30:00.000Z',
    );
  });

  it('fires daily schedules at the local time in the business time zone', () => {
    const s: Schedule = { function: 'daily-summary', daily: { hour: 20, minute: 0 } };
    // 20:00 in Shanghai is 12:00 UTC.
    expect(nextFire(s, new Date('2026-11-23T11:59:00Z'), calendar).toISOString()).toBe(
      '2026-11-23T12:00:00.000Z',
    );
    expect(nextFire(s, new Date('2026-11-23T12:00:00Z'), calendar).toISOString()).toBe(
      '2026-11-24T12:00:00.000Z',
    );
  });

  it('fires monthly schedules on each of their days, across a year end', () => {
    const s: Schedule = { function: 'monthly-report', monthly: { days: [1, 10], hour: 9, minute: 0 } };
    expect(nextFire(s, new Date('2026-12-15T00:00:00Z'), calendar).toISOString()).toBe(
      '2027-01-01T01:00:00.000Z',
    );
    expect(nextFire(s, new Date('2027-01-01T01:00:00Z'), calendar).toISOString()).toBe(
      '2027-01-02T01:00:00.000Z',
    );
    expect(nextFire(s, new Date('2027-01-10T01:00:00Z'), calendar).toISOString()).toBe(
      '2027-02-01T01:00:00.000Z',
    );
  });

  it('puts the daily summary at DAILY_SUMMARY_AT', () => {
    const daily = schedulesFor({ dailySummaryAt: { hour: 21, minute: 30 } }).find(
      (s) => s.function === 'daily-summary',
    );
    expect(daily && toScheduleExpression(daily)).toBe('cron(30 21 * * ? *)');
    const monthly = SCHEDULES.find((s) => s.function === 'monthly-report');
    expect(monthly && toScheduleExpression(monthly)).toBe('cron(0 9 1-10 * ? *)');
  });
});

describe('startScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('runs each catalog schedule when the (virtual) clock passes it, with its scheduled time', async () => {
    vi.useFakeTimers();
    const clock = fixedClock('2026-11-23T09:50:00Z'); // 17:50 in Shanghai
    const runs: { schedule: string; scheduledTime?: string }[] = [];
    const scheduler = startScheduler({
      clock,
      calendar,
      tickMs: 1000,
      run: async (e) => {
        runs.push(e);
      },
    });
    clock.set('2026-11-23T10:01:00Z');
    await vi.advanceTimersByTimeAsync(1000);
    scheduler.stop();
    const names = runs.map((r) => r.schedule).sort();
    expect(names).toEqual(['daily-summary', 'escalate', 'sync-sheet']);
    expect(runs.find((r) => r.schedule === 'daily-summary')?.scheduledTime).toBe('2026-11-23T10:00:00.000Z');
    expect(
      scheduler
        .upcoming()
        .map((u) => u.function)
        .sort(),
    ).toEqual(SCHEDULES.map((s) => s.function).sort());
  });

  it('does not overlap a slow run of the same function', async () => {
    vi.useFakeTimers();
    const clock = fixedClock('2026-11-23T02:00:30Z');
    let running = 0;
    let maxRunning = 0;
    let release: () => void = () => undefined;
    const scheduler = startScheduler({
      clock,
      calendar,
      schedules: [{ function: 'escalate', every: { minutes: 1 } }],
      run: () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        return new Promise<void>((ok) => {
          release = () => {
            running -= 1;
            ok();
          };
        });
      },
    });
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await vi.advanceTimersByTimeAsync(1000);
    }
    release();
    scheduler.stop();
    expect(maxRunning).toBe(1);
  });
});
