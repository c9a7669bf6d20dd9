import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { ClientLimit } from '../ports/case-repository.js';

/** The API Gateway HTTP API (payload 2.0) event after our middleware: body parsed, caller known. */
export type HttpEvent = Omit<APIGatewayProxyEventV2, 'body'> & {
  body?: unknown;
  /**
   * Set by the staff-auth middleware; `lockout`: a code sign-in's limit of failed sign-ins, which the
   * request's own write (or, when it fails, the middleware) checks.
   */
  staff?: { via: 'session' | 'code'; newSession?: string; lockout?: ClientLimit };
};
/** The event a handler behind `validateInput` receives: the request's typed, validated input. */
export type ValidatedEvent<T> = HttpEvent & { input: T };
export type HttpResult = Exclude<APIGatewayProxyResultV2, string>;
export type HttpRequest = Request<HttpEvent, HttpResult, Error, Context>;
export type HttpMiddleware = MiddlewareObj<HttpEvent, HttpResult, Error, Context>;

export function header(event: Pick<HttpEvent, 'headers'>, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()] ?? undefined;
}

/** Browsers posting a plain form (no JavaScript) want HTML back; everything else gets JSON. */
export function wantsHtml(event: Pick<HttpEvent, 'headers'>): boolean {
  const type = header(event, 'content-type') ?? '';
  const accept = header(event, 'accept') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') && accept.includes('text/html');
}

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

export const html = (statusCode: number, body: string, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});
