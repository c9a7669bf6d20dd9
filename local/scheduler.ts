/**
 * Fires the scheduled functions on the catalog's schedules (the ones the CDK stack deploys), in the
 * business time zone, on the runtime's clock — which may run faster than real time.
 */
import { SCHEDULES, type Schedule } from '../functions/catalog.js';
import type { ScheduledEvent } from '../functions/scheduled.js';
import type { BusinessCalendar } from '../shared/domain/calendar.js';
import type { Clock } from '../shared/ports/clock.js';

const MINUTE = 60_000;

/** The first fire time of a schedule strictly after `after`. */
export function nextFire(s: Schedule, after: Date, calendar: BusinessCalendar): Date {
  if ('every' in s) {
    const step = s.every.minutes * MINUTE;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  let day = calendar.localDate(after);
  for (let i = 0; i < 400; i++, day = calendar.addDays(day, 1)) {
    const { hour, minute } = 'daily' in s ? s.daily : s.monthly;
    const dom = Number(day.slice(8, 10));
    if ('monthly' in s && (dom < s.monthly.days[0] || dom > s.monthly.days[1])) continue;
    const at = calendar.at(day, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
    if (at > after) return at;
  }
  throw new Error(`schedule for ${s.function} never fires`);
}

export interface LocalScheduler {
  stop(): void;
  upcoming(): { function: string; at: string }[];
}

export function startScheduler(opts: {
  clock: Clock;
  calendar: BusinessCalendar;
  run: (event: ScheduledEvent & { schedule: Schedule['function'] }) => Promise<void>;
  schedules?: readonly Schedule[];
  /** How often to look at the (possibly fast) clock, in real milliseconds. */
  tickMs?: number;
}): LocalScheduler {
  const schedules = opts.schedules ?? SCHEDULES;
  const next = new Map(schedules.map((s) => [s, nextFire(s, opts.clock.now(), opts.calendar)]));
  const running = new Set<string>();
  const timer = setInterval(() => {
    const now = opts.clock.now();
    for (const s of schedules) {
      const due = next.get(s);
      if (!due || due > now) continue;
      next.set(s, nextFire(s, now, opts.calendar));
      // Like a Lambda with reserved concurrency 1: a slow run is not overlapped by the next one.
      if (running.has(s.function)) continue;
      running.add(s.function);
      opts
        .run({ schedule: s.function, scheduledTime: due.toISOString() })
        .finally(() => running.delete(s.function));
    }
  }, opts.tickMs ?? 1000);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    upcoming: () => schedules.map((s) => ({ function: s.function, at: next.get(s)?.toISOString() ?? '' })),
  };
}
