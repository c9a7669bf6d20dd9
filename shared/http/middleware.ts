/** The middleware stacks every HTTP function shares; handlers pick one and add their own guards. */
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { Logger } from '../ports/logger.js';
import { errorMapper, type HtmlErrorRenderer } from './error-mapper.js';
import type { HttpMiddleware } from './types.js';

export interface PagePolicy {
  /** sha256 hashes ('sha256-…') of inline scripts and styles the page uses. */
  scriptHashes?: string[];
  styleHashes?: string[];
}

/** A strict CSP: nothing loads from elsewhere, forms post only to this origin. */
export function securityHeaders(page: PagePolicy = {}): HttpMiddleware {
  const list = (xs: string[] | undefined) => (xs?.length ? xs.map((h) => `'${h}'`).join(' ') : "'none'");
  return httpSecurityHeaders({
    contentSecurityPolicy: {
      'default-src': "'none'",
      'script-src': list(page.scriptHashes),
      'style-src': list(page.styleHashes),
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'form-action': "'self'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      // The defaults' sandbox would block the form itself; upgrade-insecure-requests breaks http://127.0.0.1.
      sandbox: null,
      'upgrade-insecure-requests': null,
      'navigate-to': null,
      'report-to': null,
      'require-trusted-types-for': "'script'",
      'trusted-types': "'none'",
    },
    reportTo: null,
    xssProtection: null,
    crossOriginEmbedderPolicy: null,
  } as never) as unknown as HttpMiddleware;
}

export function httpBase(opts: {
  logger: Logger;
  origin: string;
  page?: PagePolicy;
  html?: HtmlErrorRenderer;
}): HttpMiddleware[] {
  return [
    httpHeaderNormalizer() as unknown as HttpMiddleware,
    securityHeaders(opts.page),
    httpCors({
      origins: [opts.origin],
      headers: 'content-type,idempotency-key,x-staff-code',
      methods: 'GET,POST',
      credentials: true,
    }) as unknown as HttpMiddleware,
    errorMapper({ logger: opts.logger, ...(opts.html ? { html: opts.html } : {}) }),
  ];
}
