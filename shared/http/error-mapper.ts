/**
 * The one place where errors become HTTP answers. Domain errors carry a kind; each kind has one status.
 * Anything else is a 500 with no detail (the log has it, redacted).
 */
import type { DomainError, ErrorKind } from '../domain/errors.js';
import { isDomainError } from '../domain/errors.js';
import type { Logger } from '../ports/logger.js';
import { type HttpEvent, type HttpMiddleware, type HttpResult, json, wantsHtml } from './types.js';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 422,
  transition: 409,
  conflict: 409,
  idempotency: 422,
  not_found: 404,
  unauthorized: 401,
  rate_limited: 429,
  too_large: 413,
};

/** Renders an error as a page for plain-form browsers (so nothing typed is lost); JSON otherwise. */
export type HtmlErrorRenderer = (
  error: DomainError,
  event: HttpEvent,
  status: number,
) => HttpResult | undefined;

export function errorMapper(opts: { logger: Logger; html?: HtmlErrorRenderer }): HttpMiddleware {
  return {
    onError: async (request) => {
      const error = request.error;
      // middy's own parsers throw http errors with a statusCode (415 malformed body, …)
      const httpStatus = (error as unknown as { statusCode?: unknown } | null)?.statusCode;
      const status = isDomainError(error)
        ? STATUS_BY_KIND[error.kind]
        : typeof httpStatus === 'number' && httpStatus < 500
          ? httpStatus
          : 500;
      if (status >= 500) {
        request.context.callbackWaitsForEmptyEventLoop = false;
        opts.logger.error('request failed', { error, path: request.event.rawPath });
      } else {
        opts.logger.info('request refused', { status, kind: isDomainError(error) ? error.kind : 'http' });
      }
      if (isDomainError(error) && opts.html && wantsHtml(request.event)) {
        const page = opts.html(error, request.event, status);
        if (page) {
          request.response = page;
          return;
        }
      }
      const body = isDomainError(error)
        ? {
            error: error.kind,
            message: error.message,
            ...(error.issues.length ? { issues: error.issues } : {}),
          }
        : status < 500
          ? { error: 'bad_request', message: error?.message ?? 'Bad request' }
          : { error: 'internal', message: 'Something went wrong; the request was not completed' };
      request.response = json(status, body, status === 429 ? { 'retry-after': '3600' } : {});
    },
  };
}
