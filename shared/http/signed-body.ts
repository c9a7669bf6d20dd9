/**
 * Requests signed with a shared secret (the sheet's Apps Script): HMAC-SHA256 over `<timestamp>.<body>`,
 * hex, in `X-Sheet-Signature`, the timestamp (milliseconds since the epoch) in `X-Sheet-Timestamp`. A
 * stale or future timestamp, a missing or wrong signature is 401 before the body is even parsed; the
 * signature is compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { bodyLimit } from './body.js';
import { type HttpMiddleware, header } from './types.js';

export const SIGNATURE_HEADER = 'x-sheet-signature';
export const TIMESTAMP_HEADER = 'x-sheet-timestamp';

export function signBody(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

const unauthorized = () =>
  new DomainError('unauthorized', 'The request is not signed, or its signature is stale');

export interface SignedBodyOptions {
  /** The current secret (read per request, so a changed secret applies without a redeploy). */
  secret: () => Promise<string>;
  clock: Clock;
  /** How far a timestamp may be from now, either way. */
  windowSeconds: number;
  maxBytes: number;
}

/** Checks size and signature of the raw body, then parses it as JSON into `event.body`. */
export function signedBody(opts: SignedBodyOptions): HttpMiddleware {
  const limit = bodyLimit(opts.maxBytes);
  return {
    before: async (request) => {
      await limit.before?.(request);
      const { event } = request;
      const raw = typeof event.body === 'string' ? event.body : '';
      const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      const timestamp = header(event, TIMESTAMP_HEADER) ?? '';
      const given = header(event, SIGNATURE_HEADER) ?? '';
      const ms = /^\d{10,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
      if (!(Math.abs(opts.clock.now().getTime() - ms) <= opts.windowSeconds * 1000)) throw unauthorized();
      const expected = Buffer.from(signBody(await opts.secret(), timestamp, body), 'hex');
      const actual = /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw unauthorized();
      try {
        event.body = JSON.parse(body) as unknown;
      } catch (e) {
        throw new DomainError('malformed', 'The body is not valid JSON', [], { cause: e });
      }
    },
  };
}
