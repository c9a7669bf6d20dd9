/** A closed-loop load: `concurrency` workers each run `op` back to back until the time is up. */
export interface LoadResult {
  ops: number;
  seconds: number;
  perSecond: number;
}

export async function closedLoop(
  concurrency: number,
  durationMs: number,
  op: () => Promise<void>,
): Promise<LoadResult> {
  const started = performance.now();
  const until = started + durationMs;
  let ops = 0;
  const worker = async () => {
    while (performance.now() < until) {
      await op();
      ops += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Ops still in flight at the deadline finish and count; so does the time they took.
  const seconds = (performance.now() - started) / 1000;
  return { ops, seconds, perSecond: ops / seconds };
}

/** Wall time of one call, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

export interface Rounds {
  baseline: number[];
  value: number[];
  /** value ÷ baseline, round by round. */
  ratios: number[];
}

/**
 * Measures baseline and subject alternately, round after round, so a burst of load from elsewhere on
 * the machine falls on both; the per-round ratios are what the figures report.
 */
export async function alternate(
  rounds: number,
  baseline: () => Promise<number>,
  subject: () => Promise<number>,
  onRound?: (round: number) => void,
): Promise<Rounds> {
  const out: Rounds = { baseline: [], value: [], ratios: [] };
  for (let r = 1; r <= rounds; r += 1) {
    onRound?.(r);
    const b = await baseline();
    const v = await subject();
    out.baseline.push(b);
    out.value.push(v);
    out.ratios.push(v / b);
  }
  return out;
}
