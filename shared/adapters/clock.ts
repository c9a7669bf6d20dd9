import type { Clock } from '../ports/clock.js';

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `startAt` at real time `anchor` (default: now) and runs `speed` times faster than
 * real time. The local runtime and `npm run invoke --now` use it; in the cloud none is configured and
 * the system clock is used. A shared anchor keeps every handler module on the same virtual time.
 */
export function makeClock(
  opts: { startAt?: string; speed?: number; anchor?: string },
  real: Clock = systemClock,
): Clock {
  if (!opts.startAt && !opts.speed) return real;
  const realStart = opts.anchor ? Date.parse(opts.anchor) : real.now().getTime();
  const virtualStart = opts.startAt ? Date.parse(opts.startAt) : realStart;
  const speed = opts.speed ?? 1;
  return { now: () => new Date(virtualStart + (real.now().getTime() - realStart) * speed) };
}

/** A clock tests set by hand. */
export function fixedClock(
  at: string | Date,
): Clock & { set(t: string | Date): void; advance(ms: number): void } {
  let t = new Date(at).getTime();
  return {
    now: () => new Date(t),
    set: (x) => {
      t = new Date(x).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
