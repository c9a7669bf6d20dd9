import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/domain/case.js';
import { historyProgress, MAX_EVENTS } from '../../../shared/usecases/sheet-events.js';

const ev = (caseNo: string, seq: number, at: string): AuditEvent => ({
  caseNo,
  seq,
  at,
  actor: { id: 'x', door: 'form' },
  action: 'updated',
  changes: [],
});
const T = (m: number) => new Date(Date.UTC(2026, 10, 20, 2, m)).toISOString();

describe('History progress', () => {
  it('takes each event once: those already in History within the overlap are skipped', () => {
    const first = historyProgress(
      { events: [ev('a', 1, T(1)), ev('b', 1, T(2))], complete: true },
      { eventsFrom: T(0), recentEvents: [] },
      T(3),
      true,
    );
    expect(first.append.map((e) => e.caseNo)).toEqual(['a', 'b']);
    expect(first.eventsFrom).toBe(T(3));
    // The next window starts 5 minutes earlier: a and b are read again, and a late event too.
    const next = historyProgress(
      { events: [ev('a', 1, T(1)), ev('late', 1, T(2)), ev('b', 1, T(2)), ev('c', 1, T(4))], complete: true },
      first,
      T(5),
      true,
    );
    expect(next.append.map((e) => e.caseNo)).toEqual(['late', 'c']);
  });

  it('keeps its window where it was when the rows were not all looked at', () => {
    const p = historyProgress(
      { events: [ev('a', 1, T(1))], complete: true },
      { eventsFrom: T(0), recentEvents: [] },
      T(3),
      false,
    );
    expect(p.eventsFrom).toBe(T(0));
    expect(p.recentEvents).toEqual([`a#1@${T(1)}`]);
  });

  it('takes at most MAX_EVENTS and moves its window only as far as it got', () => {
    const events = Array.from({ length: MAX_EVENTS + 1 }, (_, i) =>
      ev(`c${i}`, 1, T(1 + Math.floor(i / 1000))),
    );
    const p = historyProgress(
      { events, complete: true },
      { eventsFrom: T(0), recentEvents: [] },
      T(30),
      true,
    );
    expect(p.append).toHaveLength(MAX_EVENTS);
    expect(p.eventsFrom).toBe(events[MAX_EVENTS - 1]?.at);
  });
});
