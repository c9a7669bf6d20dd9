/** The one error channel: body problems become domain errors, and the mapper answers every kind one way. */
import middy from '@middy/core';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/lambda-context.js';
import { DomainError, isDomainError, RateLimitedError } from '../../../shared/domain/errors.js';
import { bodyLimit, parseBody } from '../../../shared/http/body.js';
import { errorMapper } from '../../../shared/http/error-mapper.js';
import { type HttpEvent, type HttpResult, html, json } from '../../../shared/http/types.js';
import { silentLogger } from '../../support/builders.js';

const event = (headers: Record<string, string>, body?: string) =>
  ({ headers, rawPath: '/complaints', ...(body === undefined ? {} : { body }) }) as unknown as HttpEvent;

/** The error the body middleware throws for this request, or undefined when it accepts it. */
async function bodyError(e: HttpEvent): Promise<DomainError | undefined> {
  try {
    await bodyLimit(64).before?.({ event: e } as never);
    await parseBody().before?.({ event: e } as never);
    return undefined;
  } catch (err) {
    if (isDomainError(err)) return err;
    throw err;
  }
}

describe('body errors', () => {
  it('refuses a body that is neither JSON nor a form as unsupported_type', async () => {
    expect((await bodyError(event({ 'content-type': 'text/plain' }, 'hi')))?.kind).toBe('unsupported_type');
  });

  it('calls unparseable JSON malformed and keeps the parser error as its cause', async () => {
    const e = await bodyError(event({ 'content-type': 'application/json' }, '{"name":'));
    expect(e?.kind).toBe('malformed');
    expect(e?.cause).toBeInstanceOf(Error);
  });

  it('calls an array or a scalar body malformed, and an oversize one too_large', async () => {
    expect((await bodyError(event({ 'content-type': 'application/json' }, '[1]')))?.kind).toBe('malformed');
    expect((await bodyError(event({ 'content-type': 'application/json' }, '7')))?.kind).toBe('malformed');
    const big = JSON.stringify({ text: 'x'.repeat(100) });
    expect((await bodyError(event({ 'content-type': 'application/json' }, big)))?.kind).toBe('too_large');
  });

  it('parses JSON and forms into an object, an empty body included', async () => {
    const form = event({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=2');
    expect(await bodyError(form)).toBeUndefined();
    expect(form.body).toEqual({ a: '1', b: '2' });
    const empty = event({ 'content-type': 'application/json' });
    expect(await bodyError(empty)).toBeUndefined();
    expect(empty.body).toEqual({});
  });
});

describe('errorMapper', () => {
  const answer = async (error: unknown, headers: Record<string, string> = {}) => {
    const handler = middy(async (): Promise<HttpResult> => {
      throw error;
    }).use(
      errorMapper({
        logger: silentLogger,
        html: (e, _ev, status) => html(status, `<p>${e.kind}</p>`),
      }),
    );
    return handler(event(headers), lambdaContext('test', 3));
  };

  it.each([
    ['malformed', 400],
    ['unsupported_type', 415],
    ['validation', 422],
    ['transition', 409],
    ['conflict', 409],
    ['idempotency', 422],
    ['not_found', 404],
    ['unauthorized', 401],
    ['rate_limited', 429],
    ['too_large', 413],
  ] as const)('answers %s with %i and the kind', async (kind, status) => {
    const res = await answer(new DomainError(kind, 'because'));
    expect(res).toMatchObject({ statusCode: status });
    expect(JSON.parse(String(res.body))).toEqual({ error: kind, message: 'because' });
  });

  it('tells a rate-limited client the time actually left, as JSON and as a page', async () => {
    const limited = new RateLimitedError(1234, 'slow down');
    const retry = '1234';
    expect((await answer(limited)).headers?.['retry-after']).toBe(retry);
    const page = await answer(limited, {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
    });
    expect(page).toMatchObject({ statusCode: 429, body: '<p>rate_limited</p>' });
    expect(page.headers?.['retry-after']).toBe(retry);
  });

  it('answers anything else with a 500 that says nothing about it', async () => {
    const res = await answer(Object.assign(new Error('secret detail'), { statusCode: 418 }));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret detail');
    expect(res).toEqual(
      json(500, { error: 'internal', message: 'Something went wrong; the request was not completed' }),
    );
  });
});
