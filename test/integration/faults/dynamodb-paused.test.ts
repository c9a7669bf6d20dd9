/**
 * DynamoDB paused (connections accepted, nothing answered) and then back: no request hangs — the SDK's
 * timeouts end each call well inside the function's own — and what staff or a customer typed comes back
 * on the page with "not saved, try again"; sending it again makes exactly one case.
 */
import { describe, expect, it } from 'vitest';
import { useFaultProxy } from '../../support/fault-proxy.js';
import { caseRepository, useTestGateway } from '../../support/local-env.js';

const dynamo = useFaultProxy('dynamoEndpoint');
const local = useTestGateway(async () => ({
  DYNAMODB_ENDPOINT: dynamo.url(),
  RATE_LIMIT_SUBMIT_PER_HOUR: '1000',
}));

const key = () => `paused-${local.env.tag}-${Math.random().toString(36).slice(2, 10)}`;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html',
    ...local.staffCode,
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

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('DynamoDB paused', () => {
  it('no request hangs: JSON gets a 500, plain form posts their page back with everything typed, the same key and "not saved" in their language; sent again, one case each', async () => {
    const keys = { en: key(), 'zh-CN': key() };
    dynamo.set('hang');
    // All at once while it is paused: each ends when the SDK gives up, well inside the function's timeout.
    const [json, en, zh, status] = await Promise.all([
      fetch(`${local.url}/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...local.staffCode },
        body: JSON.stringify(complaint(key())),
      }),
      fetch(`${local.url}/complaints`, form(complaint(keys.en, 'en'))),
      fetch(`${local.url}/complaints`, form(complaint(keys['zh-CN'], 'zh-CN'))),
      fetch(`${local.url}/status`, {
        ...form({ caseNo: '261122-001', last4: '0001', language: 'zh-CN' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      }),
    ]);
    dynamo.set('pass');

    expect(json.status).toBe(500);
    expect(await json.json()).toEqual({ error: 'internal', message: expect.any(String) });
    for (const [res, k, notSaved] of [
      [en, keys.en, 'nothing was saved'],
      [zh, keys['zh-CN'], '本次未能保存'],
    ] as const) {
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('text/html');
      const page = await res.text();
      expect(page).toContain(notSaved);
      expect(page).toContain('value="Ms Outage"');
      expect(page).toContain('The album arrived &lt;b&gt;late&lt;/b&gt; &amp; damaged');
      expect(page).toContain(`name="idempotencyKey" value="${k}"`);
    }
    expect(status.status).toBe(500);
    const statusPage = await status.text();
    expect(statusPage).toContain('本次未能保存');
    expect(statusPage).toContain('value="261122-001"');

    for (const [lang, k] of Object.entries(keys)) {
      expect((await fetch(`${local.url}/complaints`, form(complaint(k, lang)))).status).toBe(201);
      expect((await fetch(`${local.url}/complaints`, form(complaint(k, lang)))).status).toBe(200);
    }
    const stored = (await caseRepository().listReceivedOn(today())).items;
    expect(stored.map((c) => c.language).sort()).toEqual(['en', 'zh-CN']);
  }, 30_000);
});
