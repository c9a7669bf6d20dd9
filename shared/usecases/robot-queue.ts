/**
 * One robot's outbound queue for one sweep: its digest parts posted one after another, paced under the
 * robot's per-minute (and per-second) limit, within the run's time. A refusal stops the queue when the
 * robot says "too many" (DingTalk then bans for 10 minutes; the next sweep is 15 minutes away).
 */
import type { Budget } from '../ports/clock.js';
import { type Robot, RobotError, type RobotMessage } from '../ports/robot.js';

export type PostOutcome = 'posted' | 'failed' | 'not_posted';

export interface Pacing {
  /** Real time in ms (robots count in real time, whatever the business clock says). */
  now(): number;
  sleep(ms: number): Promise<void>;
  budget: Budget;
  /** Time to keep for what follows the queue (recording, the next queue). */
  reserveMs: number;
}

/** How long to wait before the next post, given the times of the posts so far. */
export function waitBeforeNext(robot: Pick<Robot, 'limits'>, posted: readonly number[], now: number): number {
  const { perMinute, perSecond } = robot.limits;
  let wait = 0;
  const inMinute = posted.filter((t) => now - t < 60_000);
  if (inMinute.length >= perMinute) wait = Math.max(wait, (inMinute.at(-perMinute) ?? now) + 60_000 - now);
  if (perSecond) {
    const inSecond = posted.filter((t) => now - t < 1000);
    if (inSecond.length >= perSecond) wait = Math.max(wait, (inSecond.at(-perSecond) ?? now) + 1000 - now);
  }
  return wait;
}

/** Posts each message in turn; the outcome of each, in order. */
export async function postPaced(
  robot: Robot,
  messages: readonly RobotMessage[],
  pacing: Pacing,
  onError: (e: unknown) => void,
): Promise<PostOutcome[]> {
  const posted: number[] = [];
  const out: PostOutcome[] = [];
  let stopped = false;
  for (const message of messages) {
    const wait = stopped ? Number.POSITIVE_INFINITY : waitBeforeNext(robot, posted, pacing.now());
    if (wait > pacing.budget.remainingMs() - pacing.reserveMs) {
      stopped = true;
      out.push('not_posted');
      continue;
    }
    if (wait > 0) await pacing.sleep(wait);
    try {
      await robot.post(message);
      posted.push(pacing.now());
      out.push('posted');
    } catch (e) {
      onError(e);
      out.push('failed');
      if (e instanceof RobotError && e.rateLimited) stopped = true;
    }
  }
  return out;
}
