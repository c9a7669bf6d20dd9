import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import { DomainError, RateLimitedError } from '../../../shared/domain/errors.js';
import { hasStaffSession, sameSecret, staffAuth } from '../../../shared/http/staff-auth.js';
import type { HttpEvent, HttpRequest } from '../../../shared/http/types.js';

const secret = 's'.repeat(40);
const clock = fixedClock('2026-11-23T02:00:00Z');
const codeIs = (code: string) => async () => code;
const opts = { accessCode: codeIs('studio-code-1'), secret, clock, sessionDays: 30, secureCookie: true };

const request = (event: Partial<HttpEvent>) =>
  ({
    event: { headers: {}, ...event },
    context: {},
    response: { statusCode: 201 },
  }) as unknown as HttpRequest;

async function signIn(accessCode: string) {
  const mw = staffAuth({ ...opts, accessCode: codeIs(accessCode) });
  const req = request({ headers: { 'x-staff-code': accessCode } });
  await mw.before?.(req);
  await mw.after?.(req);
  const cookie = (req.response?.cookies ?? [])[0] ?? '';
  return cookie.split(';')[0] ?? '';
}

describe('staff sessions', () => {
  it('sets a Secure, HttpOnly, SameSite=Strict cookie when the code is accepted', async () => {
    const mw = staffAuth(opts);
    const req = request({ headers: { 'x-staff-code': 'studio-code-1' } });
    await mw.before?.(req);
    await mw.after?.(req);
    expect(req.response?.cookies?.[0]).toMatch(
      /^staff_session=.+; Max-Age=2592000; HttpOnly; SameSite=Strict; Secure$/,
    );
  });

  it('accepts the session until it expires', async () => {
    const cookie = await signIn('studio-code-1');
    const keys = { secret, accessCode: 'studio-code-1' };
    expect(hasStaffSession({ cookies: [cookie] }, keys, clock.now())).toBe(true);
    expect(hasStaffSession({ cookies: [cookie] }, keys, new Date('2026-12-24T02:00:00Z'))).toBe(false);
  });

  it('signs every phone out when the access code changes', async () => {
    const cookie = await signIn('studio-code-1');
    expect(hasStaffSession({ cookies: [cookie] }, { secret, accessCode: 'studio-code-2' }, clock.now())).toBe(
      false,
    );
    const mw = staffAuth({ ...opts, accessCode: codeIs('studio-code-2') });
    await expect(mw.before?.(request({ cookies: [cookie] }))).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('reads the code on every request: a rotated code applies to the running middleware', async () => {
    let current = 'studio-code-1';
    const mw = staffAuth({ ...opts, accessCode: async () => current });
    const cookie = await signIn('studio-code-1');
    await expect(mw.before?.(request({ cookies: [cookie] }))).resolves.toBeUndefined();
    current = 'studio-code-2';
    await expect(mw.before?.(request({ cookies: [cookie] }))).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(
      mw.before?.(request({ headers: { 'x-staff-code': 'studio-code-1' } })),
    ).rejects.toMatchObject({ issues: [{ code: 'wrong_code' }] });
    const req = request({ headers: { 'x-staff-code': 'studio-code-2' } });
    await mw.before?.(req);
    expect(req.event.staff).toMatchObject({ via: 'code' });
  });

  it('refuses a wrong or missing code, naming the field', async () => {
    const mw = staffAuth(opts);
    await expect(mw.before?.(request({ headers: { 'x-staff-code': 'nope' } }))).rejects.toMatchObject({
      kind: 'unauthorized',
      issues: [{ field: 'accessCode', code: 'wrong_code' }],
    });
    await expect(mw.before?.(request({}))).rejects.toMatchObject({ issues: [{ code: 'required' }] });
  });

  it('compares codes of any length without failing on length', () => {
    expect(sameSecret('a', 'a-much-longer-code', secret)).toBe(false);
    expect(sameSecret('same', 'same', secret)).toBe(true);
  });
});

describe('failed sign-ins', () => {
  /** A limiter over counts in memory: `count` failures already this hour. */
  function limiter(count: number) {
    const hits: string[] = [];
    const decide = (limit: number, n: number) => ({ allowed: n < limit, retryAfterSeconds: 1800 });
    return {
      hits,
      limiter: {
        hit: async (scope: string, _s: string, limit: number) => {
          hits.push(scope);
          return decide(limit, count++);
        },
        check: async (_scope: string, _s: string, limit: number) => decide(limit, count),
      },
    };
  }
  const event = (code: string) =>
    ({
      headers: { 'x-staff-code': code },
      requestContext: { http: { sourceIp: '10.0.0.7' } },
    }) as unknown as Partial<HttpEvent>;

  it('passes a right code on with its limit for the write to check, reading nothing first', async () => {
    const l = limiter(0);
    const req = request(event('studio-code-1'));
    await staffAuth({ ...opts, failures: { limiter: l.limiter, perHour: 5 } }).before?.(req);
    expect(req.event.staff).toMatchObject({
      via: 'code',
      lockout: { scope: 'signin', limit: 5, windowSeconds: 3600 },
    });
    expect(l.hits).toEqual([]);
  });

  it('turns any other answer to a locked-out right code into a 429 with the time left', async () => {
    const mw = staffAuth({ ...opts, failures: { limiter: limiter(5).limiter, perHour: 5 } });
    const req = request(event('studio-code-1'));
    await mw.before?.(req);
    req.error = new DomainError('validation', 'bad form');
    await mw.onError?.(req);
    expect(req.error).toBeInstanceOf(RateLimitedError);
    expect((req.error as RateLimitedError).retryAfterSeconds).toBe(1800);
  });

  it('leaves the answer alone when the phone is not locked out', async () => {
    const mw = staffAuth({ ...opts, failures: { limiter: limiter(4).limiter, perHour: 5 } });
    const req = request(event('studio-code-1'));
    await mw.before?.(req);
    const refused = new DomainError('validation', 'bad form');
    req.error = refused;
    await mw.onError?.(req);
    expect(req.error).toBe(refused);
  });

  it('counts a wrong code, and answers 429 once the hour is used up', async () => {
    const l = limiter(4);
    const mw = staffAuth({ ...opts, failures: { limiter: l.limiter, perHour: 5 } });
    await expect(mw.before?.(request(event('nope-nope-1')))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    await expect(mw.before?.(request(event('nope-nope-2')))).rejects.toBeInstanceOf(RateLimitedError);
    expect(l.hits).toEqual(['signin', 'signin']);
  });
});
