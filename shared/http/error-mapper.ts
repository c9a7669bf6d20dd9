/**
 * The one place where errors become HTTP answers. Domain errors carry a kind; each kind has one status.
 * Anything else is a 500 with no detail (the log has it, redacted).
 */
import { DomainError, type ErrorKind, isDomainError, RateLimitedError } from '../domain/errors.js';
import type { Logger } from '../ports/logger.js';
import { type HttpEvent, type HttpMiddleware, type HttpResult, json, wantsHtml } from './types.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  malformed: 400,
  unsupported_type: 415,
  validation: 422,
  transition: 409,
  conflict: 409,
  idempotency: 422,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  too_large: 413,
  internal: 500,
};

const INTERNAL_MESSAGE = 'Something went wrong; the request was not completed';

/** Headers an error itself calls for, on JSON and page answers alike: when to come back after a 429. */
const headersFor = (error: DomainError): Record<string, string> =>
  error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};

/** Renders an error as a page for plain-form browsers (so nothing typed is lost); JSON otherwise. */
export type HtmlErrorRenderer = (error: DomainError, event: HttpEvent, status: number) => HttpResult;

export function errorMapper(opts: { logger: Logger; html?: HtmlErrorRenderer }): HttpMiddleware {
  return {
    onError: async (request) => {
      const thrown = request.error;
      if (!isDomainError(thrown)) {
        request.context.callbackWaitsForEmptyEventLoop = false;
        opts.logger.error('request failed', { error: thrown, path: request.event.rawPath });
      }
      // Anything unexpected says nothing about itself; a plain-form page still comes back with what was typed.
      const error = isDomainError(thrown)
        ? thrown
        : new DomainError('internal', INTERNAL_MESSAGE, [], { cause: thrown });
      const status = STATUS_BY_KIND[error.kind];
      if (error.kind !== 'internal') opts.logger.info('request refused', { status, kind: error.kind });
      const answer =
        opts.html && wantsHtml(request.event)
          ? opts.html(error, request.event, status)
          : json(status, {
              error: error.kind,
              message: error.message,
              ...(error.issues.length ? { issues: error.issues } : {}),
            });
      request.response = { ...answer, headers: { ...answer.headers, ...headersFor(error) } };
    },
  };
}
