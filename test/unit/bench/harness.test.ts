/** The bench harness's pure parts: statistics, the results table and the progress display. No timing. */
import { describe, expect, it } from 'vitest';
import { makeProgress } from '../../../bench/lib/progress.js';
import { goal, median, ratio, spread } from '../../../bench/lib/stats.js';
import { formatQuantity, formatRatio, formatTable } from '../../../bench/lib/table.js';
import type { Figure } from '../../../bench/types.js';

describe('statistics', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
  });

  it('gives no ratio against a zero baseline', () => {
    expect(ratio(35, 70)).toBe(0.5);
    expect(ratio(1, 0)).toBeUndefined();
  });

  it('measures spread as half the range over the median', () => {
    expect(spread([90, 100, 110])).toBeCloseTo(0.1);
    expect(spread([42])).toBe(0);
    expect(spread([0, 0])).toBe(0);
  });

  it('checks a goal and words it for the table', () => {
    expect(goal(0.7, '≥', 0.7)).toEqual({ text: '≥ 0.7', met: true });
    expect(goal(0.1, '<', 0.1)).toEqual({ text: '< 0.1', met: false });
    expect(goal(45, '≤', 44, '≤ 44 open cases due')).toEqual({ text: '≤ 44 open cases due', met: false });
  });
});

describe('results table', () => {
  it('formats each unit', () => {
    expect(formatQuantity(216_268, 'bytes')).toBe('211.2 KB');
    expect(formatQuantity(20_000, 'items')).toBe('20,000 items');
    expect(formatQuantity(5, 'calls')).toBe('5 calls');
    expect(formatQuantity(5.25, 'calls')).toBe('5.25 calls');
    expect(formatQuantity(4.256, 'ms')).toBe('4.26 ms');
    expect(formatQuantity(42.56, 'ms')).toBe('42.6 ms');
    expect(formatQuantity(9683.2, 'ms')).toBe('9,683 ms');
    expect(formatQuantity(35.5, 'req/s')).toBe('35.5 req/s');
  });

  it('keeps small ratios readable', () => {
    expect(formatRatio(0.5812)).toBe('0.58');
    expect(formatRatio(0.00219)).toBe('0.0022');
  });

  const figures: Figure[] = [
    {
      bench: 'intake',
      name: 'requests/s at concurrency 8',
      value: 70.3,
      unit: 'req/s',
      baseline: { name: 'TransactWriteItems/s', value: 150 },
      ratio: 0.4687,
      spread: 0.18,
      goal: { text: '≥ 0.7', met: false },
    },
    {
      bench: 'bundle pages',
      name: 'size',
      value: 216_268,
      unit: 'bytes',
      goal: { text: '< 600 KB', met: true },
    },
    { bench: 'bundle pages', name: 'load', value: 179, unit: 'ms', spread: 0.13, note: 'median of 9' },
  ];

  it('prints a Markdown table with a baseline, a ratio and a goal mark per row', () => {
    const lines = formatTable(figures).split('\n');
    expect(lines).toHaveLength(2 + figures.length);
    expect(lines[0]).toMatch(
      /^\| bench +\| figure +\| +value \| +baseline \(same run\) \| +ratio \| goal +\| note +\|$/,
    );
    expect(lines[1]).toMatch(/^\|-+\|-+\|-+:\|-+:\|-+:\|-+\|-+\|$/);
    expect(lines[2]).toMatch(/\| +150 req\/s \(TransactWriteItems\/s\) \|/);
    expect(lines[2]).toMatch(/\| +0\.47 ±18% \|/);
    expect(lines[2]).toContain('| ≥ 0.7 ✗ ');
    expect(lines[3]).toContain('| < 600 KB ✓ ');
  });

  it('puts the spread on the ratio when there is one, else on the value', () => {
    const [, , intake, , load] = formatTable(figures).split('\n');
    expect(intake).toMatch(/\| +70\.3 req\/s \|/);
    expect(load).toMatch(/\| +179 ms ±13% \|/);
  });

  it('pads every row to the same width', () => {
    const widths = new Set(
      formatTable(figures)
        .split('\n')
        .map((l) => [...l].length),
    );
    expect(widths.size).toBe(1);
  });
});

describe('progress display', () => {
  const stream = (isTTY: boolean) => {
    const out: string[] = [];
    return { out, write: (s: string) => out.push(s), isTTY };
  };

  it('redraws one line on a terminal', () => {
    const s = stream(true);
    const p = makeProgress(s, () => 0);
    p.step('seeding');
    p.tick('10 / 20');
    p.done('sweep in 3 s');
    expect(s.out).toEqual([
      '\r\x1b[K… seeding',
      '\r\x1b[K… seeding: 10 / 20 (0 s)',
      '\r\x1b[K✓ sweep in 3 s\n',
    ]);
  });

  it('writes plain lines in a log, and long steps at most every 15 s', () => {
    const s = stream(false);
    let t = 0;
    const p = makeProgress(s, () => t);
    p.step('seeding');
    p.tick('1 / 20'); // too soon after the step: not written
    t = 15_000;
    p.tick('10 / 20');
    t = 20_000;
    p.tick('15 / 20');
    p.done('sweep in 20 s');
    expect(s.out).toEqual(['… seeding\n', '… seeding: 10 / 20 (15 s)\n', '✓ sweep in 20 s\n']);
    expect(s.out.join('')).not.toContain('\x1b');
  });
});
