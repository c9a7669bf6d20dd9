/** Whether a client may go on, and when the current window ends (what `Retry-After` says). */
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** A fixed window: its start (seconds since the epoch) and the seconds left in it. */
export interface RateWindow {
  start: number;
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit for `subject` in the current window; not allowed when the limit was already reached. */
  hit(scope: string, subject: string, limit: number, windowSeconds: number): Promise<RateDecision>;
  /** Whether `subject` is still under the limit in the current window, counting nothing. */
  check(scope: string, subject: string, limit: number, windowSeconds: number): Promise<RateDecision>;
}
