/** Guards against scripted abuse: a honeypot field and per-client limits. */
import { createHmac } from 'node:crypto';
import { DomainError, RateLimitedError } from '../domain/errors.js';
import type { Logger } from '../ports/logger.js';
import type { RateLimiter } from '../ports/rate-limiter.js';
import { bodyField } from './body.js';
import type { HttpEvent, HttpMiddleware } from './types.js';

/** A field hidden from people; only bots fill it. */
export const HONEYPOT_FIELD = 'homepage_url';

export function honeypot(logger: Logger): HttpMiddleware {
  return {
    before: async ({ event }) => {
      if (bodyField(event.body, HONEYPOT_FIELD)) {
        logger.warn('honeypot tripped', { path: event.rawPath });
        throw new DomainError('validation', 'The submission was rejected');
      }
    },
  };
}

/** Limits count per hour; a refused client is told how much of the hour is left. */
export const RATE_LIMIT_WINDOW_SECONDS = 3600;

/** The client a limit counts: its address, hashed first, because an IP address is personal data too. */
export function clientSubject(event: Pick<HttpEvent, 'requestContext'>, secret: string): string {
  const ip = event.requestContext?.http?.sourceIp ?? 'unknown';
  return createHmac('sha256', secret).update(`ip:${ip}`).digest('base64url').slice(0, 22);
}

export interface FailureLimit {
  limiter: RateLimiter;
  scope: string;
  perHour: number;
  secret: string;
}

/** Refuses a client that already failed `perHour` times this hour (reads the count, adds nothing). */
export async function refuseIfLockedOut(limit: FailureLimit, event: HttpEvent): Promise<void> {
  const subject = clientSubject(event, limit.secret);
  const d = await limit.limiter.check(limit.scope, subject, limit.perHour, RATE_LIMIT_WINDOW_SECONDS);
  if (!d.allowed) throw new RateLimitedError(d.retryAfterSeconds);
}

/** Counts one failure of the client's; refuses it (429) when the limit was already reached. */
export async function countFailure(limit: FailureLimit, event: HttpEvent): Promise<void> {
  const subject = clientSubject(event, limit.secret);
  const d = await limit.limiter.hit(limit.scope, subject, limit.perHour, RATE_LIMIT_WINDOW_SECONDS);
  if (!d.allowed) throw new RateLimitedError(d.retryAfterSeconds);
}

/**
 * Limits the failures of one kind per client address (status lookups that find no case): only failures
 * count, so a customer checking their own case, or mistyping it, is never locked out, while guessing
 * case numbers stops after `perHour` misses.
 */
export function failureLimit(limit: FailureLimit & { counts: (e: Error) => boolean }): HttpMiddleware {
  return {
    before: async ({ event }) => refuseIfLockedOut(limit, event),
    // Runs before the error mapper (middy runs onError last-registered first); the error stays as it is.
    onError: async ({ event, error }) => {
      if (error && limit.counts(error)) await countFailure(limit, event).catch(() => undefined);
    },
  };
}
