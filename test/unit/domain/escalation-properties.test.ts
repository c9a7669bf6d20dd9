/**
 * The escalation rules under arbitrary sweeps: whatever the gaps between sweeps (a 15-minute schedule, a
 * double firing, two days of downtime), each step of a chain is taken at most once, never before it may go
 * out, never outside opening hours unless critical, and the highest step due is never lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Case, isOpen, STEP_LEVEL } from '../../../shared/domain/case.js';
import { unmetDeadlines } from '../../../shared/domain/deadlines.js';
import {
  chainOf,
  type EscalationPolicy,
  planEscalation,
  settleEscalation,
} from '../../../shared/domain/escalation.js';
import { applyEscalation } from '../../../shared/domain/lifecycle.js';
import { isOpenAt, nextOpening } from '../../../shared/domain/open-hours.js';
import { calendar, newCase } from '../../support/builders.js';

const cal = calendar();
const MINUTE = 60_000;
const START = Date.parse('2026-11-02T00:00:00+08:00');

const policies = fc.record<EscalationPolicy>({
  warnShare: fc.constantFrom(0.5, 0.75, 0.9),
  executiveDelay: fc.constantFrom({ workingDays: 1 }, { workingDays: 2 }, { hours: 4 }),
  hours: fc.constantFrom('open', 'any'),
});
const cases = fc
  .record({
    minutes: fc.integer({ min: 0, max: 60 * 24 * 60 }),
    category: fc.constantFrom('quality', 'privacy'),
    channel: fc.constantFrom('web_form', 'phone'),
  })
  .map(({ minutes, category, channel }) =>
    newCase({
      receivedAt: new Date(START + minutes * MINUTE).toISOString(),
      submission: { category, channel },
    }),
  );

interface Taken {
  key: string;
  step: string;
  at: number;
  sendAt: number;
}

/** Sweeps at the given instants, every message delivered; what each sweep took and how often a step was delivered. */
function run(start: Case, times: number[], policy: EscalationPolicy) {
  let c = start;
  const taken: Taken[] = [];
  const delivered = new Map<string, number>();
  for (const t of times) {
    const now = new Date(t);
    const p = planEscalation(c, now, policy, cal);
    for (const s of p.take) {
      taken.push({ key: `${s.deadline}#${s.dueAt}`, step: s.step, at: t, sendAt: Date.parse(s.sendAt) });
    }
    for (const r of p.deliver) {
      const key = `${r.deadline}#${r.dueAt}#${r.step}`;
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
    }
    if (p.take.length || p.skip.length) c = applyEscalation(c, p, now, p.next).next;
    c = { ...c, escalation: settleEscalation(c.escalation, p.deliver, p.next) };
  }
  return { c, taken, delivered };
}

describe('escalation under arbitrary sweeps', () => {
  it('takes each step at most once, not before it may go out, and only in opening hours unless critical', () => {
    fc.assert(
      fc.property(
        cases,
        policies,
        fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 25 }),
        (c, policy, gaps) => {
          const times: number[] = [];
          let t = Date.parse(c.receivedAt);
          for (const gap of gaps) {
            t += gap * MINUTE;
            times.push(t);
          }
          // A last sweep long after everything, on an open morning: the highest step must be there.
          times.push(nextOpening(cal, new Date(t + 20 * 24 * 60 * MINUTE)).getTime());
          const { c: after, taken, delivered } = run(c, times, policy);
          const waits = c.severity !== 'critical' && policy.hours === 'open';
          for (const x of taken) {
            expect(x.at).toBeGreaterThanOrEqual(x.sendAt);
            if (waits) expect(isOpenAt(cal, new Date(x.at))).toBe(true);
          }
          const keys = taken.map((x) => `${x.key}#${x.step}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const count of delivered.values()) expect(count).toBe(1);
          // Levels only rise within a chain, and its highest step is taken, not skipped.
          for (const d of unmetDeadlines(c)) {
            const mine = taken.filter((x) => x.key === `${d.kind}#${d.dueAt}`);
            const levels = mine.map((x) => STEP_LEVEL[x.step as 'warn']);
            expect([...levels].sort()).toEqual(levels);
            const top = chainOf(c, d, policy, cal).at(-1);
            expect(mine.at(-1)?.step).toBe(top?.step);
          }
          expect(isOpen(after)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('skips nothing when the sweep runs every 15 minutes and the steps are far enough apart', () => {
    const STEP = 15 * MINUTE;
    fc.assert(
      fc.property(cases, policies, (c, policy) => {
        const received = Date.parse(c.receivedAt);
        const chains = unmetDeadlines(c).map((d) =>
          chainOf(c, d, policy, cal).map((s) => Date.parse(s.sendAt)),
        );
        const apart = chains.every((chain) =>
          chain.every((x, i) => i === 0 || x - (chain[i - 1] ?? 0) >= STEP),
        );
        if (!apart) return;
        // The 15-minute schedule's runs around each step; the runs between them find nothing new.
        const grid = new Set<number>();
        for (const x of chains.flat()) {
          const first = received + Math.floor((x - received) / STEP) * STEP;
          for (let k = -1; k <= 2; k += 1) if (first + k * STEP > received) grid.add(first + k * STEP);
        }
        const { c: after } = run(
          c,
          [...grid].sort((a, b) => a - b),
          policy,
        );
        expect(after.escalation.steps?.filter((r) => r.skipped) ?? []).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
