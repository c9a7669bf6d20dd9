/**
 * Google asks clients to retry 429 and 5xx answers with exponential backoff. Its Node client retries only
 * GET and PUT, and not within a caller's time budget, so every Sheets call goes through this instead:
 * full-jitter exponential backoff, Retry-After honoured, no retry that would end past the deadline.
 */

export interface RetryPolicy {
  /** First wait, doubled each attempt, capped at `maxMs`; the actual wait is random up to it (full jitter). */
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 500,
  maxMs: 16_000,
  maxAttempts: 6,
  now: () => Date.now(),
  sleep: (ms) => new Promise((ok) => setTimeout(ok, ms)),
  random: Math.random,
};

interface HttpishError {
  status?: number;
  code?: string | number;
  response?: { status?: number; headers?: unknown };
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

function header(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** Whether an error is worth another attempt, and how long the server asked us to wait (ms). */
export function retryable(e: unknown, now: number): { retry: boolean; afterMs?: number } {
  const err = e as HttpishError;
  const status = err?.response?.status ?? (typeof err?.status === 'number' ? err.status : undefined);
  if (status === undefined) {
    // No answer at all (connection reset or dropped): the request may or may not have arrived.
    return { retry: true };
  }
  if (!RETRY_STATUSES.has(status)) return { retry: false };
  const after = header(err.response?.headers, 'retry-after');
  if (!after) return { retry: true };
  const seconds = Number(after);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(after) - now;
  return { retry: true, ...(Number.isFinite(ms) && ms > 0 ? { afterMs: ms } : {}) };
}

/**
 * Runs `call`, retrying what `retryable` allows, at most `maxAttempts` times, never sleeping past
 * `deadline` (epoch ms): then the last error is thrown. `onAttempt` sees every attempt (for counting).
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  deadline: number | undefined,
  onAttempt: () => void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    onAttempt();
    try {
      return await call();
    } catch (e) {
      const now = policy.now();
      const { retry, afterMs } = retryable(e, now);
      if (!retry || attempt >= policy.maxAttempts) throw e;
      const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      const wait = Math.max(afterMs ?? 0, Math.floor(policy.random() * cap));
      if (deadline !== undefined && now + wait >= deadline) throw e;
      await policy.sleep(wait);
    }
  }
}
