/**
 * Per-client limits on the two public endpoints, counted in DynamoDB so every instance shares them. One
 * phone on the shop's Wi-Fi must never lock out its signed-in colleagues: failed sign-ins are counted
 * apart from the work of signed-in staff, and only created cases count as work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import { caseRepository, type LocalEnv, setupLocalEnv, startTestGateway } from '../../support/local-env.js';

let env: LocalEnv;
let gw: Gateway;
beforeAll(async () => {
  env = await setupLocalEnv({
    RATE_LIMIT_SUBMIT_PER_HOUR: '3',
    RATE_LIMIT_STATUS_PER_HOUR: '2',
    RATE_LIMIT_SIGNIN_FAILURES_PER_HOUR: '5',
  });
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const body = (i: number) => ({
  name: `客${i}`,
  phone: '13900000000',
  description: '等待太久',
  category: 'delay',
});
const day = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Retry-After says the time left in the hour's window: never more than an hour, never nothing. */
function expectTimeLeft(res: Response) {
  const retry = Number(res.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(3600);
}

describe('rate limits', () => {
  it('never lets failed sign-ins, invalid forms or replays lock out signed-in staff; counts created cases only', async () => {
    const code = { 'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '' };
    const signIn = await send('/complaints', { ...body(0), idempotencyKey: `signin-${env.tag}-0` }, code);
    expect(signIn.status).toBe(201);
    const session = { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };

    // A phone with a stale code, five times over, then more: its sign-ins stop, the shop's work does not.
    const stale = [];
    for (let i = 0; i < 6; i++)
      stale.push((await send('/complaints', body(9), { 'x-staff-code': 'old-code-123' })).status);
    expect(stale).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await send('/complaints', body(8), code);
    expect(locked.status).toBe(429);
    expectTimeLeft(locked);
    // Nor does a locked-out phone learn the code was right from a refused form or a replay.
    expect((await send('/complaints', { ...body(8), phone: 'abc' }, code)).status).toBe(429);
    const replayKey = { ...body(0), idempotencyKey: `signin-${env.tag}-0` };
    expect((await send('/complaints', replayKey, code)).status).toBe(429);

    // A signed-in phone's invalid forms and replays take nothing from the quota.
    for (let i = 0; i < 5; i++)
      expect((await send('/complaints', { ...body(1), phone: 'abc' }, session)).status).toBe(422);
    for (let i = 0; i < 5; i++) {
      const replay = await send(
        '/complaints',
        { ...body(0), idempotencyKey: `signin-${env.tag}-0` },
        session,
      );
      expect(replay.status).toBe(200);
    }
    const created = [];
    for (let i = 2; i < 5; i++) created.push((await send('/complaints', body(i), session)).status);
    expect(created).toEqual([201, 201, 429]);
    const over = await send('/complaints', body(5), session);
    expect(over.status).toBe(429);
    expectTimeLeft(over);
    expect((await caseRepository().listReceivedOn(day())).items).toHaveLength(3);
  });

  it('limits failed status lookups, so case numbers cannot be guessed at speed; found cases and typos do not count', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await send('/status', { caseNo: '', last4: '' })).status);
    for (let i = 0; i < 3; i++)
      statuses.push((await send('/status', { caseNo: '990101-001', last4: '0000' })).status);
    expect(statuses).toEqual([422, 422, 422, 404, 404, 429]);
    const blocked = await send('/status', { caseNo: '990101-001', last4: '0000' });
    expectTimeLeft(blocked);
  });
});
