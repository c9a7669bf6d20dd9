import { describe, expect, it } from 'vitest';
import { retryable, withRetries } from '../../../shared/adapters/sheets/retry.js';

const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`status ${status}`), { response: { status, headers: new Headers(headers) } });

function policy(over = {}) {
  const waits: number[] = [];
  let now = 0;
  return {
    waits,
    p: {
      baseMs: 500,
      maxMs: 16_000,
      maxAttempts: 6,
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
      random: () => 0.5,
      ...over,
    },
  };
}

describe('Sheets retries', () => {
  it('retries 429 and 5xx and dropped connections, not 400 or 403', () => {
    expect([429, 500, 502, 503, 504].map((s) => retryable(httpError(s), 0).retry)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 403, 404].map((s) => retryable(httpError(s), 0).retry)).toEqual([false, false, false]);
    expect(retryable(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 0).retry).toBe(true);
  });

  it('honours Retry-After in seconds or as a date', () => {
    expect(retryable(httpError(429, { 'retry-after': '7' }), 0).afterMs).toBe(7000);
    expect(retryable(httpError(503, { 'retry-after': new Date(60_000).toUTCString() }), 0).afterMs).toBe(
      60_000,
    );
  });

  it('backs off exponentially with jitter, at least as long as the server asked', async () => {
    const { waits, p } = policy();
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls === 1) throw httpError(429, { 'retry-after': '3' });
        if (calls < 4) throw httpError(503);
        return 'ok';
      },
      p,
      undefined,
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([3000, 500, 1000]);
  });

  it('gives up after the last attempt, and rather than sleep past the deadline', async () => {
    const { p } = policy({ maxAttempts: 3 });
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw httpError(500);
        },
        p,
        undefined,
      ),
    ).rejects.toThrow('status 500');
    expect(calls).toBe(3);
    const { waits, p: q } = policy();
    await expect(
      withRetries(
        async () => {
          throw httpError(429, { 'retry-after': '30' });
        },
        q,
        10_000,
      ),
    ).rejects.toThrow('status 429');
    expect(waits).toEqual([]);
  });
});
