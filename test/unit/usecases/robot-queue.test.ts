/** A robot's outbound queue: paced under its limits in real time, within the run's time, stopped by "too many". */
import { describe, expect, it } from 'vitest';
import { type Robot, RobotError, type RobotMessage } from '../../../shared/ports/robot.js';
import { postPaced, waitBeforeNext } from '../../../shared/usecases/robot-queue.js';

const msg = (n: number): RobotMessage => ({ title: `part ${n}`, text: 'x', mentions: [] });

/** A robot that records when each post arrived on a fake clock, failing as told. */
function robotAt(limits: Robot['limits'], fail: (n: number) => Error | undefined = () => undefined) {
  let now = 0;
  const posted: number[] = [];
  const robot: Robot = {
    kind: 'dingtalk',
    limits,
    size: () => 1,
    post: async () => {
      const e = fail(posted.length);
      posted.push(now);
      if (e) throw e;
    },
  };
  const pacing = {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
    reserveMs: 5000,
    budget: { remainingMs: () => 600_000 - now },
  };
  return { robot, posted, pacing };
}

describe('the robot queue', () => {
  it('posts at most 20 a minute to a 20-a-minute robot', async () => {
    const { robot, posted, pacing } = robotAt({ perMinute: 20, maxBytes: 4096 });
    const out = await postPaced(
      robot,
      Array.from({ length: 45 }, (_, i) => msg(i)),
      pacing,
      () => undefined,
    );
    expect(out.every((o) => o === 'posted')).toBe(true);
    for (const t of posted)
      expect(posted.filter((x) => x >= t && x < t + 60_000).length).toBeLessThanOrEqual(20);
    expect(posted.at(-1)).toBe(120_000);
  });

  it('keeps Feishu under 5 a second as well', () => {
    expect(
      waitBeforeNext({ limits: { perMinute: 100, perSecond: 5, maxBytes: 1 } }, [0, 10, 20, 30, 40], 50),
    ).toBe(950);
    expect(waitBeforeNext({ limits: { perMinute: 100, perSecond: 5, maxBytes: 1 } }, [0, 10], 50)).toBe(0);
  });

  it('stops when the wait would outlast the run, and after the robot says "too many"', async () => {
    const short = robotAt({ perMinute: 2, maxBytes: 1 });
    short.pacing.budget = { remainingMs: () => 30_000 };
    expect(await postPaced(short.robot, [msg(1), msg(2), msg(3)], short.pacing, () => undefined)).toEqual([
      'posted',
      'posted',
      'not_posted',
    ]);
    const errors: unknown[] = [];
    const banned = robotAt({ perMinute: 20, maxBytes: 1 }, (n) =>
      n === 1 ? new RobotError('send too fast', true) : undefined,
    );
    expect(
      await postPaced(banned.robot, [msg(1), msg(2), msg(3)], banned.pacing, (e) => errors.push(e)),
    ).toEqual(['posted', 'failed', 'not_posted']);
    expect(errors).toHaveLength(1);
  });
});
