/**
 * DynamoDB paused (connections accepted, nothing answered) and then back: no request hangs — the SDK's
 * timeouts end each call well inside the function's own — and what staff or a customer typed comes back
 * on the page with "not saved, try again"; sending it again makes exactly one case.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy.js';
import { caseRepository, type LocalEnv, setupLocalEnv, startTestGateway } from '../../support/local-env.js';

let env: LocalEnv;
let gw: Gateway;
let dynamo: FaultProxy;
beforeAll(async () => {
  dynamo = await startFaultProxy(inject('dynamoEndpoint'));
  env = await setupLocalEnv({ DYNAMODB_ENDPOINT: dynamo.url, RATE_LIMIT_SUBMIT_PER_HOUR: '1000' });
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
  await dynamo.close();
});

const key = () => `paused-${env.tag}-${Math.random().toString(36).slice(2, 10)}`;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html',
    'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '',
  },
  body: new URLSearchParams(fields).toString(),
});
const complaint = (idempotencyKey: string, language = 'en') => ({
  name: 'Ms Outage',
  phone: '13912340001',
  description: 'The album arrived <b>late</b> & damaged',
  category: 'delay',
  language,
  idempotencyKey,
});

describe('DynamoDB paused', () => {
  it('answers a JSON submission with a 500 instead of hanging', async () => {
    dynamo.set('hang');
    const res = await fetch(`${gw.url}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '' },
      body: JSON.stringify(complaint(key())),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal', message: expect.any(String) });
    dynamo.set('pass');
  }, 20_000);

  it.each([
    ['en', 'nothing was saved'],
    ['zh-CN', '本次未能保存'],
  ])(
    'gives a plain form post (%s) its page back with everything typed and the same key; sent again, one case',
    async (lang, notSaved) => {
      const k = key();
      dynamo.set('hang');
      const failed = await fetch(`${gw.url}/complaints`, form(complaint(k, lang)));
      expect(failed.status).toBe(500);
      expect(failed.headers.get('content-type')).toContain('text/html');
      const page = await failed.text();
      expect(page).toContain(notSaved);
      expect(page).toContain('value="Ms Outage"');
      expect(page).toContain('The album arrived &lt;b&gt;late&lt;/b&gt; &amp; damaged');
      expect(page).toContain(`name="idempotencyKey" value="${k}"`);

      dynamo.set('pass');
      const again = await fetch(`${gw.url}/complaints`, form(complaint(k, lang)));
      expect(again.status).toBe(201);
      const twice = await fetch(`${gw.url}/complaints`, form(complaint(k, lang)));
      expect(twice.status).toBe(200);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const mine = (await caseRepository().listReceivedOn(day)).items.filter(
        (c) => c.language === lang && c.complainant.name === 'Ms Outage',
      );
      expect(mine).toHaveLength(1);
    },
    30_000,
  );

  it("gives the customer's status form its page back with the case number typed", async () => {
    dynamo.set('hang');
    const res = await fetch(`${gw.url}/status`, {
      ...form({ caseNo: '261122-001', last4: '0001', language: 'zh-CN' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    dynamo.set('pass');
    expect(res.status).toBe(500);
    const page = await res.text();
    expect(page).toContain('本次未能保存');
    expect(page).toContain('value="261122-001"');
  }, 20_000);
});
