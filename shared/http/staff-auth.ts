/**
 * Only staff may record complaints. Staff type the shop's access code once; the answer sets a signed,
 * HttpOnly, SameSite=Strict session cookie so the phone remembers them. API clients send the code in
 * the `x-staff-code` header. Codes are compared in constant time; a wrong code stores nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, isDomainError, RateLimitedError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { RateLimiter } from '../ports/rate-limiter.js';
import { bodyField } from './body.js';
import { clientSubject, countFailure, RATE_LIMIT_WINDOW_SECONDS, refuseIfLockedOut } from './guards.js';
import { type HttpEvent, type HttpMiddleware, header } from './types.js';

export const SESSION_COOKIE = 'staff_session';
export const ACCESS_CODE_FIELD = 'accessCode';

const digest = (secret: string, s: string) => createHmac('sha256', secret).update(s).digest();

/** Constant-time comparison of two strings of any length (both are hashed first). */
export function sameSecret(a: string, b: string, key: string): boolean {
  return timingSafeEqual(digest(key, a), digest(key, b));
}

function signSession(secret: string, expiresAt: Date): string {
  const payload = `staff.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${digest(secret, `session:${payload}`).toString('base64url')}`;
}

function verifySession(secret: string, token: string | undefined, now: Date): boolean {
  const m = token ? /^staff\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!m?.[1] || !m[2]) return false;
  if (Number(m[1]) * 1000 <= now.getTime()) return false;
  const expected = digest(secret, `session:staff.${m[1]}`);
  const given = Buffer.from(m[2], 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function readCookie(cookies: string[] | undefined, cookieHeader: string | undefined, name: string) {
  const all = [...(cookies ?? []), ...(cookieHeader ? cookieHeader.split(';') : [])];
  for (const c of all) {
    const [k, ...v] = c.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** Sessions are keyed by the access code too: changing the code signs every phone out. */
const sessionKey = (secret: string, accessCode: string) =>
  digest(secret, `staff-session:${accessCode}`).toString('base64url');

/**
 * Wrong codes are counted per client address (`failures`); once a phone has used up the hour, its code
 * attempts are refused (429) — even a right one, so guessing stops — while phones already signed in
 * (a valid session cookie) go on working: one stale phone on the shop's Wi-Fi locks out no one else.
 * A right code costs no read before the work: the limit rides on the request as `staff.lockout`, for
 * the case's transaction to check, and any other answer is held back until it is checked (onError).
 */
export function staffAuth(opts: {
  /** The current code, read on every request: a rotated code applies without a redeploy. */
  accessCode: () => Promise<string>;
  secret: string;
  clock: Clock;
  sessionDays: number;
  /** Mark the cookie Secure (the form is served over https). */
  secureCookie: boolean;
  failures?: { limiter: RateLimiter; perHour: number };
}): HttpMiddleware {
  const failures = opts.failures && { ...opts.failures, scope: 'signin', secret: opts.secret };
  const lockoutOf = (event: HttpEvent) =>
    failures && {
      scope: failures.scope,
      subject: clientSubject(event, opts.secret),
      limit: failures.perHour,
      windowSeconds: RATE_LIMIT_WINDOW_SECONDS,
    };
  return {
    before: async ({ event }) => {
      const accessCode = await opts.accessCode();
      const sessionSecret = sessionKey(opts.secret, accessCode);
      const now = opts.clock.now();
      const token = readCookie(event.cookies, header(event, 'cookie'), SESSION_COOKIE);
      if (verifySession(sessionSecret, token, now)) {
        event.staff = { via: 'session' };
        return;
      }
      const given = header(event, 'x-staff-code') ?? bodyField(event.body, ACCESS_CODE_FIELD);
      if (given && sameSecret(given.trim(), accessCode, sessionSecret)) {
        const expires = new Date(now.getTime() + opts.sessionDays * 86_400_000);
        const lockout = lockoutOf(event);
        event.staff = {
          via: 'code',
          newSession: signSession(sessionSecret, expires),
          ...(lockout ? { lockout } : {}),
        };
        return;
      }
      // Counted; the hit past the limit is answered like every attempt after it.
      if (given && failures) await countFailure(failures, event);
      throw new DomainError(
        'unauthorized',
        given ? 'The staff access code is wrong' : 'A staff access code is required',
        [{ field: ACCESS_CODE_FIELD, code: given ? 'wrong_code' : 'required', message: 'access code' }],
      );
    },
    // Any other answer to a code sign-in (a refused form, a replay's error) waits for the lockout check:
    // it must not tell a locked-out guesser that the code was right.
    onError: async (request) => {
      const { event, error } = request;
      // A failure of ours (a store down) says nothing about the code, and another read would only wait too.
      if (
        !failures ||
        event.staff?.via !== 'code' ||
        !isDomainError(error) ||
        error instanceof RateLimitedError
      )
        return;
      await refuseIfLockedOut(failures, event).catch((e: unknown) => {
        if (e instanceof RateLimitedError) request.error = e;
      });
    },
    // A code accepted on a successful request signs the phone in for the next ones.
    after: async ({ event, response }) => {
      if (!event.staff?.newSession || !response) return;
      const cookie = sessionCookie(event.staff.newSession, opts.sessionDays * 86_400, opts.secureCookie);
      response.cookies = [...(response.cookies ?? []), cookie];
    },
  };
}

/** True when the request already carries a valid staff session (to decide whether the form asks for the code). */
export function hasStaffSession(
  event: { cookies?: string[]; headers?: Record<string, string | undefined> },
  keys: { secret: string; accessCode: string },
  now: Date,
) {
  const sessionSecret = sessionKey(keys.secret, keys.accessCode);
  return verifySession(sessionSecret, readCookie(event.cookies, event.headers?.cookie, SESSION_COOKIE), now);
}
