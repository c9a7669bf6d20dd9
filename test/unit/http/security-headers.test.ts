/** The headers every HTTP function answers with, on success and on error alike. */
import middy from '@middy/core';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/lambda-context.js';
import { DomainError } from '../../../shared/domain/errors.js';
import { httpBase } from '../../../shared/http/middleware.js';
import type { HttpEvent, HttpResult } from '../../../shared/http/types.js';
import { silentLogger } from '../../support/builders.js';

const handler = (fail: boolean) =>
  middy(async (): Promise<HttpResult> => {
    if (fail) throw new DomainError('validation', 'no');
    return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
  }).use(httpBase({ logger: silentLogger, origin: 'https://form.studio.example' }));

const over = (proto: string) =>
  ({
    headers: { 'x-forwarded-proto': proto, origin: 'https://form.studio.example' },
    rawPath: '/',
    requestContext: { http: { method: 'GET' } },
  }) as unknown as HttpEvent;

const headersOf = async (fail: boolean, proto: string) =>
  Object.fromEntries(
    Object.entries((await handler(fail)(over(proto), lambdaContext('t', 10)))?.headers ?? {}).map(
      ([k, v]) => [k.toLowerCase(), v],
    ),
  );

describe('security headers', () => {
  it.each([false, true])(
    'sends HSTS only over https (error: %s), and no empty or undefined header',
    async (fail) => {
      const https = await headersOf(fail, 'https');
      expect(https['strict-transport-security']).toContain('max-age');
      const http = await headersOf(fail, 'http');
      expect(http['strict-transport-security']).toBeUndefined();
      expect(http['x-content-type-options']).toBe('nosniff');
      for (const h of [https, http])
        for (const [name, value] of Object.entries(h)) {
          expect(value, name).not.toBe('');
          expect(value, name).not.toBeUndefined();
        }
      expect(http['reporting-endpoints']).toBeUndefined();
    },
  );
});
