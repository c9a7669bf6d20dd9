/** The results table: Markdown, with padded columns so it reads the same in a terminal and in the README. */
import type { Figure, Unit } from '../types.js';

const grouped = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Fewer decimals as numbers grow: 4.27 ms, 42.7 ms, 427 ms, 4,270 ms. */
function adaptive(n: number): string {
  const a = Math.abs(n);
  return grouped(n, a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

export function formatQuantity(value: number, unit: Unit): string {
  switch (unit) {
    case 'bytes':
      return value >= 2 ** 20 ? `${grouped(value / 2 ** 20, 1)} MB` : `${grouped(value / 1024, 1)} KB`;
    case 'items':
    case 'calls':
    case 'count':
      return `${grouped(value, Number.isInteger(value) ? 0 : 2)} ${unit === 'count' ? '' : unit}`.trim();
    default:
      return `${adaptive(value)} ${unit}`;
  }
}

export function formatRatio(r: number): string {
  return r < 0.01 ? r.toPrecision(2) : r.toFixed(2);
}

const spreadText = (s: number | undefined) => (s ? ` ±${Math.round(s * 100)}%` : '');

/** The ± goes with the ratio when there is one (rounds disagree on it), else with the value. */
export function tableRows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [
    f.bench,
    f.name,
    formatQuantity(f.value, f.unit) + (f.ratio === undefined ? spreadText(f.spread) : ''),
    f.baseline ? `${formatQuantity(f.baseline.value, f.unit)} (${f.baseline.name})` : '',
    f.ratio === undefined ? '' : formatRatio(f.ratio) + spreadText(f.spread),
    f.goal ? `${f.goal.text} ${f.goal.met ? '✓' : '✗'}` : '',
    f.note ?? '',
  ]);
}

const HEADER = ['bench', 'figure', 'value', 'baseline (same run)', 'ratio', 'goal', 'note'];
// Right-align the numeric columns (value, baseline, ratio).
const RIGHT = new Set([2, 3, 4]);

export function formatTable(figures: readonly Figure[]): string {
  const rows = [HEADER, ...tableRows(figures)];
  const widths = HEADER.map((_, i) => Math.max(3, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat((widths[i] ?? 0) - [...s].length);
    return RIGHT.has(i) ? fill + s : s + fill;
  };
  const line = (r: string[]) => `| ${r.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (RIGHT.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(HEADER), rule, ...rows.slice(1).map(line)].join('\n');
}
