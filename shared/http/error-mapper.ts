/**
 * The one place where errors become HTTP answers. Domain errors carry a kind; each kind has one status.
 * Anything else is a 500 with no detail (the log has it, redacted).
 */
import { type DomainError, type ErrorKind, isDomainError } from '../domain/errors.js';
import type { Logger } from '../ports/logger.js';
import { RATE_LIMIT_WINDOW_SECONDS } from './guards.js';
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
};

/** Headers a status itself calls for, on JSON and page answers alike. */
const headersFor = (status: number): Record<string, string> =>
  status === 429 ? { 'retry-after': String(RATE_LIMIT_WINDOW_SECONDS) } : {};

/** Renders an error as a page for plain-form browsers (so nothing typed is lost); JSON otherwise. */
export type HtmlErrorRenderer = (error: DomainError, event: HttpEvent, status: number) => HttpResult;

export function errorMapper(opts: { logger: Logger; html?: HtmlErrorRenderer }): HttpMiddleware {
  return {
    onError: async (request) => {
      const error = request.error;
      if (!isDomainError(error)) {
        request.context.callbackWaitsForEmptyEventLoop = false;
        opts.logger.error('request failed', { error, path: request.event.rawPath });
        request.response = json(500, {
          error: 'internal',
          message: 'Something went wrong; the request was not completed',
        });
        return;
      }
      const status = STATUS_BY_KIND[error.kind];
      opts.logger.info('request refused', { status, kind: error.kind });
      const answer =
        opts.html && wantsHtml(request.event)
          ? opts.html(error, request.event, status)
          : json(status, {
              error: error.kind,
              message: error.message,
              ...(error.issues.length ? { issues: error.issues } : {}),
            });
      request.response = { ...answer, headers: { ...answer.headers, ...headersFor(status) } };
    },
  };
}
