import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import type { DomainError } from '../../../shared/domain/errors.js';
import { signBody, signedBody } from '../../../shared/http/signed-body.js';
import type { HttpRequest } from '../../../shared/http/types.js';

const secret = 'a-secret-of-at-least-32-characters!!';
const clock = fixedClock('2026-11-20T02:00:00Z');
const mw = signedBody({ secret: async () => secret, clock, windowSeconds: 120, maxBytes: 2048 });

async function run(body: string, headers: Record<string, string>) {
  const request = { event: { body, headers, isBase64Encoded: false } } as unknown as HttpRequest;
  try {
    await mw.before?.(request);
    return request.event.body;
  } catch (e) {
    return (e as DomainError).kind;
  }
}
const now = String(clock.now().getTime());
const signed = (body: string, ts = now, key = secret) => ({
  'x-sheet-timestamp': ts,
  'x-sheet-signature': signBody(key, ts, body),
});

describe('signed bodies', () => {
  it('accepts a fresh signature over timestamp and body, and parses the JSON', async () => {
    expect(await run('{"row":2}', signed('{"row":2}'))).toEqual({ row: 2 });
  });

  it('refuses stale, early, forged, unsigned or tampered requests as unauthorized', async () => {
    const body = '{"row":2}';
    expect(await run(body, signed(body, String(clock.now().getTime() - 121_000)))).toBe('unauthorized');
    expect(await run(body, signed(body, String(clock.now().getTime() + 121_000)))).toBe('unauthorized');
    expect(await run(body, signed(body, now, 'another-secret-of-32-characters-long'))).toBe('unauthorized');
    expect(await run(body, {})).toBe('unauthorized');
    expect(await run('{"row":3}', signed(body))).toBe('unauthorized');
    expect(await run(body, { ...signed(body), 'x-sheet-signature': 'zz' })).toBe('unauthorized');
  });

  it('refuses large bodies before checking anything, and malformed JSON after', async () => {
    const big = 'x'.repeat(3000);
    expect(await run(big, signed(big))).toBe('too_large');
    expect(await run('{nope', signed('{nope'))).toBe('malformed');
  });
});
