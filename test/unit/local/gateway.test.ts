import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../../functions/catalog.js';
import { type Invoke, startGateway, toEvent } from '../../../local/gateway.js';
import { SDK_CALL_WORST_MS } from '../../../shared/adapters/aws-client.js';

const req = (headers: Record<string, string>, method = 'POST', url = '/complaints?lang=en') =>
  ({
    headers,
    method,
    url,
    httpVersion: '1.1',
    socket: { remoteAddress: '::ffff:127.0.0.1' },
  }) as unknown as IncomingMessage;

describe('local gateway event (API Gateway HTTP API, payload 2.0)', () => {
  it('passes JSON bodies as text and form posts base64-encoded, like API Gateway', () => {
    const json = toEvent(
      req({ 'content-type': 'application/json' }),
      Buffer.from('{"a":1}'),
      '/complaints',
      'POST /complaints',
    );
    expect(json).toMatchObject({ body: '{"a":1}', isBase64Encoded: false, version: '2.0' });
    const form = toEvent(
      req({ 'content-type': 'application/x-www-form-urlencoded' }),
      Buffer.from('name=%E5%88%98'),
      '/complaints',
      'POST /complaints',
    );
    expect(form.isBase64Encoded).toBe(true);
    expect(Buffer.from(form.body ?? '', 'base64').toString()).toBe('name=%E5%88%98');
  });

  it('moves cookies out of the headers, parses the query and records the caller', () => {
    const e = toEvent(
      req({ cookie: 'a=1; staff_session=x', host: '127.0.0.1:3000' }, 'GET', '/?lang=en'),
      Buffer.alloc(0),
      '/',
      'GET /',
    );
    expect(e.cookies).toEqual(['a=1', 'staff_session=x']);
    expect(e.headers.cookie).toBeUndefined();
    expect(e.queryStringParameters).toEqual({ lang: 'en' });
    expect(e.requestContext.http).toMatchObject({ method: 'GET', path: '/', sourceIp: '127.0.0.1' });
    expect(e.body).toBeUndefined();
  });
});

describe('local gateway answers (API Gateway HTTP API)', () => {
  const origin = 'https://form.studio.example';
  async function withGateway(
    invoke: Invoke,
    run: (url: string) => Promise<void>,
    more: Partial<Parameters<typeof startGateway>[0]> = {},
  ) {
    const gw = await startGateway({ port: 0, invoke, cors: { origin }, ...more });
    try {
      await run(gw.url);
    } finally {
      await gw.close();
    }
  }
  const ok: Invoke = async () => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' });

  it('never sends a header the handler left undefined or empty', async () => {
    const sloppy: Invoke = async () => ({
      statusCode: 200,
      headers: { server: undefined, 'x-powered-by': undefined, 'reporting-endpoints': '', 'x-kept': 'yes' },
      body: 'ok',
    });
    await withGateway(sloppy, async (url) => {
      const res = await fetch(`${url}/`);
      expect(res.headers.get('x-kept')).toBe('yes');
      for (const [name, value] of res.headers) {
        expect(value, name).not.toBe('undefined');
        expect(value, name).not.toBe('');
      }
      expect(res.headers.has('server')).toBe(false);
      expect(res.headers.has('reporting-endpoints')).toBe(false);
    });
  });

  it('sends security headers on its own 404, 405 and 413 too', async () => {
    await withGateway(ok, async (url) => {
      const answers = [
        await fetch(`${url}/nowhere`),
        await fetch(`${url}/complaints`, { method: 'PUT' }),
        await fetch(`${url}/complaints`, { method: 'POST', body: 'x'.repeat(10 * 1024 * 1024 + 1) }),
      ];
      expect(answers.map((r) => r.status)).toEqual([404, 405, 413]);
      for (const r of answers) {
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
        expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(r.headers.get('x-frame-options')).toBe('DENY');
        expect(r.headers.has('strict-transport-security')).toBe(false);
      }
    });
  });

  it('answers a CORS preflight from the form origin like API Gateway, and gives another origin nothing', async () => {
    await withGateway(ok, async (url) => {
      const preflight = (from: string) =>
        fetch(`${url}/complaints`, {
          method: 'OPTIONS',
          headers: { origin: from, 'access-control-request-method': 'POST' },
        });
      const mine = await preflight(origin);
      expect(mine.status).toBe(204);
      expect(mine.headers.get('access-control-allow-origin')).toBe(origin);
      expect(mine.headers.get('access-control-allow-methods')).toContain('POST');
      expect(mine.headers.get('access-control-allow-headers')).toContain('idempotency-key');
      expect(mine.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await preflight('https://evil.example');
      expect(other.status).toBe(204);
      expect(other.headers.has('access-control-allow-origin')).toBe(false);
    });
  });

  it('tells handlers the request came over plain http, as API Gateway tells them https', () => {
    const e = toEvent(req({ 'content-type': 'application/json' }), Buffer.alloc(0), '/', 'GET /');
    expect(e.headers['x-forwarded-proto']).toBe('http');
    expect(e.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it("enforces each function's timeout as Lambda does: 503, and the server goes on serving", async () => {
    let calls = 0;
    const stuck: Invoke = async () => {
      calls++;
      if (calls === 1) return new Promise(() => undefined); // never answers
      return { statusCode: 200, body: 'ok' };
    };
    const seen: unknown[] = [];
    await withGateway(
      stuck,
      async (url) => {
        const hung = await fetch(`${url}/complaints`, { method: 'POST', body: '{}' });
        expect(hung.status).toBe(503);
        expect(await hung.json()).toEqual({ message: 'Service Unavailable' });
        expect(hung.headers.get('x-content-type-options')).toBe('nosniff');
        expect((await fetch(`${url}/`)).status).toBe(200);
      },
      { timeoutMs: () => 50, onError: (e) => seen.push(e) },
    );
    expect(String(seen[0])).toContain('submit-complaint timed out');
  });

  it('gives every function a timeout above the longest AWS SDK call', () => {
    for (const f of FUNCTIONS) expect(f.timeoutSeconds * 1000, f.name).toBeGreaterThan(SDK_CALL_WORST_MS);
  });
});
