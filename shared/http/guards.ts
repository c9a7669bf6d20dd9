/** Guards against scripted abuse: a honeypot field and per-client rate limits. */
import { createHmac } from 'node:crypto';
import { DomainError, RateLimitedError } from '../domain/errors.js';
import type { Logger } from '../ports/logger.js';
import type { RateLimiter } from '../ports/rate-limiter.js';
import { bodyField } from './body.js';
import type { HttpMiddleware } from './types.js';

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

/** Rate limits count per hour; a refused client is told to come back after one window. */
export const RATE_LIMIT_WINDOW_SECONDS = 3600;

/** Client addresses are hashed before they become keys: an IP address is personal data too. */
export function rateLimit(opts: {
  limiter: RateLimiter;
  scope: string;
  perHour: number;
  secret: string;
}): HttpMiddleware {
  return {
    before: async ({ event }) => {
      const ip = event.requestContext?.http?.sourceIp ?? 'unknown';
      const subject = createHmac('sha256', opts.secret).update(`ip:${ip}`).digest('base64url').slice(0, 22);
      const decision = await opts.limiter.hit(opts.scope, subject, opts.perHour, RATE_LIMIT_WINDOW_SECONDS);
      if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
    },
  };
}
