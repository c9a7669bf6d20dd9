export interface RateLimiter {
  /** Counts one hit for `subject` in the current window; false when the limit is already reached. */
  hit(scope: string, subject: string, limit: number, windowSeconds: number): Promise<boolean>;
}
