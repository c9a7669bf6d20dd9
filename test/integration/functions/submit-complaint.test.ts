/** POST /complaints and POST /status through the local gateway, on DynamoDB Local and the SES stand-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import {
  caseRepository,
  type LocalEnv,
  sesEmails,
  setupLocalEnv,
  startTestGateway,
} from '../../support/local-env.js';
import { type CollectedLogs, collectLogs } from '../../support/logs.js';

let env: LocalEnv;
let gw: Gateway;
let logs: CollectedLogs;

beforeAll(async () => {
  // Rate limits have their own test file; here many submissions come from one address. Info logs are
  // on, so the privacy test below sees everything a request logs.
  env = await setupLocalEnv({ RATE_LIMIT_SUBMIT_PER_HOUR: '1000', LOG_LEVEL: 'info' });
  gw = await startTestGateway();
  logs = collectLogs();
});
afterAll(async () => {
  logs.restore();
  await gw.close();
});

const complaint = (over: Record<string, unknown> = {}) => ({
  name: '刘女士',
  phone: '13912345678',
  description: '婚纱照修图后脸型变形，要求重修。',
  category: 'quality',
  ...over,
});

/** The JSON answers these tests read (created case, error, or status). */
interface Answer {
  caseNo: string;
  status: string;
  severity: string;
  repeat: boolean;
  deadlines: { kind: string }[];
  error: string;
  issues: { field: string; code: string }[];
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : {}) as Answer,
  };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const storedToday = async () => (await caseRepository().listReceivedOn(today())).items;

describe('POST /complaints', () => {
  it('records a complaint: 201 with the case number, deadlines, and the case in DynamoDB', async () => {
    const email = `customer-${env.tag}-1@example.com`;
    const res = await post(
      '/complaints',
      complaint({ email, channel: 'phone', staffInvolved: '小王, 小李' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.caseNo).toMatch(/^\d{6}-\d{3}$/);
    expect(res.body.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['investigate', 'reply']);
    const stored = await caseRepository().get(res.body.caseNo);
    expect(stored).toMatchObject({
      status: 'received',
      channel: 'phone',
      staffInvolved: ['小王', '小李'],
      complainant: { name: '刘女士', phone: '13912345678', email },
      source: 'form',
    });
    expect(await caseRepository().listEvents(res.body.caseNo)).toHaveLength(1);
    const ack = await sesEmails(email);
    expect(ack).toHaveLength(1);
    expect(ack[0]?.subject).toContain(res.body.caseNo);
    expect(ack[0]?.body.text).toContain('抱歉');
  });

  it('answers security headers and CORS only for the form origin', async () => {
    const ok = await post('/complaints', complaint(), { origin: 'http://127.0.0.1:3000' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    // The local gateway serves plain http: HSTS would mean nothing (see the unit test for https).
    expect(ok.headers.has('strict-transport-security')).toBe(false);
    const other = await post(
      '/complaints',
      { ...complaint(), name: '跨域' },
      { origin: 'https://evil.example' },
    );
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('refuses without the staff code (401) and stores nothing', async () => {
    const before = (await storedToday()).length;
    const missing = await post('/complaints', complaint({ name: '无码' }), { 'x-staff-code': '' });
    const wrong = await post('/complaints', complaint({ name: '错码' }), { 'x-staff-code': 'not-the-code' });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(wrong.body.error).toBe('unauthorized');
    expect((await storedToday()).length).toBe(before);
  });

  it('remembers staff with a signed session cookie after the code was given once', async () => {
    const first = await post('/complaints', complaint({ name: '甲' }));
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/staff_session=.+HttpOnly; SameSite=Strict/);
    const second = await post('/complaints', complaint({ name: '乙' }), {
      'x-staff-code': '',
      cookie: cookie.split(';')[0] ?? '',
    });
    expect(second.status).toBe(201);
    const forged = await post('/complaints', complaint({ name: '丙' }), {
      'x-staff-code': '',
      cookie: 'staff_session=staff.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(forged.status).toBe(401);
  });

  it('gives clear field errors and stores nothing for bad input', async () => {
    const before = (await storedToday()).length;
    const res = await post('/complaints', { name: '', description: 'x\u0000y', category: 'nope', extra: 1 });
    expect(res.status).toBe(422);
    const fields = (res.body.issues as { field: string; code: string }[]).map((i) => `${i.field}:${i.code}`);
    expect(fields).toContain('extra:unknown_field');
    const single = await post('/complaints', {
      ...complaint(),
      description: 'a\u202Eb',
      receivedAt: '2026-13-45T99:00',
    });
    expect(single.status).toBe(422);
    const codes = (single.body.issues as { field: string; code: string }[]).map(
      (i) => `${i.field}:${i.code}`,
    );
    expect(codes).toEqual(expect.arrayContaining(['description:control_chars', 'receivedAt:invalid_date']));
    const noContact = await post('/complaints', { ...complaint(), phone: undefined });
    expect(noContact.body.issues).toEqual([
      expect.objectContaining({ field: 'phone', code: 'contact_required' }),
    ]);
    expect((await storedToday()).length).toBe(before);
  });

  it('refuses invalid UTF-8 and lone surrogates instead of storing garbage', async () => {
    const before = (await storedToday()).length;
    const json = Buffer.from(JSON.stringify(complaint({ name: 'NAME' })));
    const bytes = Buffer.concat([
      json.subarray(0, json.indexOf('NAME')),
      Buffer.from([0xe5, 0x88, 0xff, 0xfe]),
      json.subarray(json.indexOf('NAME') + 4),
    ]);
    const res = await fetch(`${gw.url}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '' },
      body: bytes,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Answer).issues).toEqual([
      expect.objectContaining({ field: 'name', code: 'invalid_text' }),
    ]);
    const lone = await post('/complaints', JSON.stringify(complaint()).replace('刘女士', '刘\\ud800'));
    expect(lone.body.issues).toEqual([expect.objectContaining({ field: 'name', code: 'invalid_text' })]);
    expect((await storedToday()).length).toBe(before);
  });

  it('refuses oversize, malformed and non-form bodies before doing anything', async () => {
    const before = (await storedToday()).length;
    const big = await post('/complaints', complaint({ description: '长'.repeat(40_000) }));
    expect(big.status).toBe(413);
    expect((await post('/complaints', '{"name":')).status).toBe(400);
    const text = await fetch(`${gw.url}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-staff-code': env.env.STAFF_ACCESS_CODE ?? '' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    expect((await post('/complaints', [complaint()])).status).toBe(400);
    expect((await storedToday()).length).toBe(before);
  });

  it('drops honeypot submissions', async () => {
    const before = (await storedToday()).length;
    const res = await post('/complaints', { ...complaint(), homepage_url: 'http://spam.example' });
    expect(res.status).toBe(422);
    expect((await storedToday()).length).toBe(before);
  });

  it('makes one case and one email per idempotency key, however often and however concurrently it arrives', async () => {
    const email = `customer-${env.tag}-idem@example.com`;
    const body = complaint({ email, name: '重复提交' });
    const key = `key-${env.tag}-0001`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('/complaints', body, { 'idempotency-key': key })),
    );
    const numbers = new Set(answers.map((a) => a.body.caseNo));
    expect(numbers.size).toBe(1);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const retry = await post('/complaints', { ...body, idempotencyKey: key });
    expect(retry.body.caseNo).toEqual([...numbers][0]);
    expect(await sesEmails(email)).toHaveLength(1);
    const reused = await post(
      '/complaints',
      { ...body, description: '另一件事' },
      { 'idempotency-key': key },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error).toBe('idempotency');
  });

  it('alerts the executive manager at once for a critical case, without the customer contact data', async () => {
    const res = await post(
      '/complaints',
      complaint({
        category: 'privacy',
        email: `vip-${env.tag}@example.com`,
        description: '客户照片被发到朋友圈，客户电话 13912345678 已联系',
      }),
    );
    expect(res.body.severity).toBe('critical');
    const alerts = await sesEmails(env.env.EXEC_MANAGER_EMAILS);
    const alert = alerts.find((m) => m.subject.includes(res.body.caseNo));
    expect(alert).toBeDefined();
    const text = `${alert?.subject}\n${alert?.body.text}`;
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain(`vip-${env.tag}@example.com`);
    expect(text).not.toContain('刘女士');
    expect(text).toContain('[phone]');
  });

  it('links a returning complainant to their earlier cases and raises the severity', async () => {
    const phone = '13800009999';
    const first = await post('/complaints', complaint({ phone, name: '回头客' }));
    const again = await post('/complaints', complaint({ phone: `+86 138-0000-9999`, name: '回头客' }));
    expect(again.body.repeat).toBe(true);
    expect(again.body.severity).toBe('high');
    expect((await caseRepository().get(again.body.caseNo))?.relatedCases).toContain(first.body.caseNo);
  });

  it('never writes contact data to the logs', async () => {
    logs.clear();
    const phone = '13912340000';
    const email = `customer-${env.tag}-logs@example.com`;
    const name = '记录女士';
    const typed = complaint({
      name,
      phone,
      email,
      description: `客户电话 ${phone}，邮箱 ${email}，要求重修`,
    });
    expect((await post('/complaints', typed)).status).toBe(201);
    expect((await post('/complaints', { ...typed, phone: 'abc' })).status).toBe(422);
    expect((await post('/status', { caseNo: '990101-001', last4: phone.slice(-4) })).status).toBe(404);
    const all = logs.text();
    expect(all).toContain('case created');
    expect(all).toContain('request refused');
    for (const secret of [phone, email, name]) expect(all).not.toContain(secret);
  });
});

describe('POST /status', () => {
  it('shows the stage and dates with no personal data, and one answer for every failure', async () => {
    const created = await post(
      '/complaints',
      complaint({ phone: '13655554321', staffInvolved: '摄影师老周' }),
    );
    const ok = await post('/status', { caseNo: created.body.caseNo, last4: '4321' }, { 'x-staff-code': '' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ caseNo: created.body.caseNo, status: 'received' });
    const text = JSON.stringify(ok.body);
    for (const personal of ['刘女士', '13655554321', '老周', 'complainant', 'staff'])
      expect(text).not.toContain(personal);

    const wrongDigits = await post('/status', { caseNo: created.body.caseNo, last4: '0000' });
    const noCase = await post('/status', { caseNo: '990101-001', last4: '4321' });
    expect(wrongDigits.status).toBe(404);
    expect(noCase.status).toBe(404);
    expect(wrongDigits.body).toEqual(noCase.body);
  });
});
