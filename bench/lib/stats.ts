/** Pure helpers for turning repeated measurements into the figures the bench reports. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** value ÷ baseline; undefined when the baseline is zero, so a table never shows Infinity. */
export function ratio(value: number, baseline: number): number | undefined {
  return baseline === 0 ? undefined : value / baseline;
}

/** Half the range as a fraction of the median: how much repeated measurements of one figure disagree. */
export function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = median(values);
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / 2 / Math.abs(m);
}

/** A goal the bench reports against (it measures; it never fails a run for a missed goal). */
export function goal(value: number, op: '≥' | '≤' | '<', limit: number, text = `${op} ${limit}`) {
  const met = op === '≥' ? value >= limit : op === '≤' ? value <= limit : value < limit;
  return { text, met };
}
