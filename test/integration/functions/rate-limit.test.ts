/** Per-client rate limits on the two public endpoints, counted in DynamoDB so every instance shares them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import { caseRepository, type LocalEnv, setupLocalEnv, startTestGateway } from '../../support/local-env.js';

let env: LocalEnv;
let gw: Gateway;
beforeAll(async () => {
  env = await setupLocalEnv({ RATE_LIMIT_SUBMIT_PER_HOUR: '3', RATE_LIMIT_STATUS_PER_HOUR: '2' });
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('rate limits', () => {
  it('allows the configured number of submissions per hour from one address, then answers 429 and stores nothing', async () => {
    const code = { 'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '' };
    const body = (i: number) => ({
      name: `客${i}`,
      phone: '13900000000',
      description: '等待太久',
      category: 'delay',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await send('/complaints', body(i), code)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await caseRepository().listReceivedOn(day)).items).toHaveLength(3);
  });

  it('limits status lookups, so case numbers cannot be guessed at speed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await send('/status', { caseNo: '990101-001', last4: '0000' })).status);
    expect(statuses).toEqual([404, 404, 429]);
  });
});
