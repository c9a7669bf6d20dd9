import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { toEvent } from '../../../local/gateway.js';

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
