/**
 * The input every scheduled function receives. EventBridge Scheduler fills `scheduledTime` from
 * <aws.scheduler.scheduled-time>; the local scheduler and `npm run invoke` fill it the same way, so a
 * retried run works on the time it was scheduled for, not the time it happened to run.
 */
export interface ScheduledEvent {
  schedule: string;
  scheduledTime?: string;
}

export function runTime(event: Partial<ScheduledEvent> | undefined, fallback: Date): Date {
  const t = event?.scheduledTime ? Date.parse(event.scheduledTime) : Number.NaN;
  return Number.isNaN(t) ? fallback : new Date(t);
}
