/**
 * The AWS path of secrets, whole: the HTTP functions read APP_SECRET and the staff access code from
 * Secrets Manager (a stand-in, through the real SDK client) with only their ARNs in the environment, and a
 * rotated staff code takes over within its cache time — no redeploy — signing every phone out.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import { SECRETS } from '../../../shared/secrets.js';
import { setupLocalEnv, startTestGateway } from '../../support/local-env.js';
import {
  type SecretsManagerStandIn,
  secretArn,
  startSecretsManagerStandIn,
} from '../../support/secrets-manager.js';

let gw: Gateway;
let standIn: SecretsManagerStandIn;
const STAFF_CODE_ARN = secretArn('StaffAccessCode');
const APP_SECRET_ARN = secretArn('AppSecret');

beforeAll(async () => {
  standIn = await startSecretsManagerStandIn();
  standIn.put(APP_SECRET_ARN, 'a'.repeat(48));
  standIn.put(STAFF_CODE_ARN, 'first-code-2026');
  await setupLocalEnv({
    APP_SECRET_SECRET_ARN: APP_SECRET_ARN,
    STAFF_ACCESS_CODE_SECRET_ARN: STAFF_CODE_ARN,
    SECRETS_MANAGER_ENDPOINT: standIn.url,
  });
  // As in AWS: the values are not in the environment, only where to find them.
  delete process.env.APP_SECRET;
  delete process.env.STAFF_ACCESS_CODE;
  gw = await startTestGateway();
});
afterAll(async () => {
  vi.useRealTimers();
  // Leave no ARN behind for a later file in this worker, whose environment gives the values.
  for (const name of ['APP_SECRET_SECRET_ARN', 'STAFF_ACCESS_CODE_SECRET_ARN', 'SECRETS_MANAGER_ENDPOINT']) {
    delete process.env[name];
  }
  await gw.close();
  await standIn.close();
});

const submit = (headers: Record<string, string>) =>
  fetch(`${gw.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      name: '王女士',
      phone: '13912345678',
      description: '取件延误',
      category: 'delay',
    }),
  });
const cookieOf = (res: Response) => res.headers.getSetCookie()[0]?.split(';')[0] ?? '';

describe('secrets from Secrets Manager', () => {
  it('the form takes the staff code read from Secrets Manager', async () => {
    expect((await submit({ 'x-staff-code': 'first-code-2026' })).status).toBe(201);
    expect((await submit({ 'x-staff-code': 'not-the-code' })).status).toBe(401);
    expect(standIn.reads(APP_SECRET_ARN)).toBeGreaterThan(0);
  });

  it('a rotated staff code applies within its cache time, without a redeploy, and signs phones out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date());
    const signedIn = await submit({ 'x-staff-code': 'first-code-2026' });
    expect(signedIn.status).toBe(201);
    const session = cookieOf(signedIn);

    standIn.put(STAFF_CODE_ARN, 'second-code-2026');
    // Still cached: the old code works until the cache time has passed.
    expect((await submit({ 'x-staff-code': 'first-code-2026' })).status).toBe(201);

    vi.setSystemTime(new Date(Date.now() + SECRETS.STAFF_ACCESS_CODE.maxAgeSeconds * 1000 + 1000));
    expect((await submit({ 'x-staff-code': 'first-code-2026' })).status).toBe(401);
    expect((await submit({ cookie: session })).status).toBe(401);
    expect((await submit({ 'x-staff-code': 'second-code-2026' })).status).toBe(201);
  });
});
