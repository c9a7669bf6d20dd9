/** The middleware stacks every HTTP function shares; handlers pick one and add their own guards. */
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { bodyLimit, parseBody } from './body.js';
import { CORS_HEADERS, CORS_METHODS } from './cors.js';
import { errorMapper, type HtmlErrorRenderer } from './error-mapper.js';
import { signedBody } from './signed-body.js';
import { type HttpMiddleware, header } from './types.js';

export interface PagePolicy {
  /** sha256 hashes ('sha256-…') of inline scripts and styles the page uses. */
  scriptHashes?: string[];
  styleHashes?: string[];
}

/** A strict CSP: nothing loads from elsewhere, forms post only to this origin. */
function securityHeaders(page: PagePolicy = {}): HttpMiddleware {
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

/**
 * HSTS only on answers to https requests (API Gateway says so in X-Forwarded-Proto; the local gateway
 * says http): over plain http it means nothing, and a browser told it for 127.0.0.1 would be misled.
 */
function hstsOverHttpsOnly(): HttpMiddleware {
  const drop: NonNullable<HttpMiddleware['after']> = ({ event, response }) => {
    if (!response?.headers || header(event, 'x-forwarded-proto') === 'https') return;
    for (const k of Object.keys(response.headers))
      if (k.toLowerCase() === 'strict-transport-security') delete response.headers[k];
  };
  return { after: drop, onError: drop };
}

export interface HttpBaseOptions {
  logger: Logger;
  origin: string;
  page?: PagePolicy;
  html?: HtmlErrorRenderer;
}

/** Every HTTP function: normalised headers, security headers, CORS for the form's origin, error mapping. */
export function httpBase(opts: HttpBaseOptions): HttpMiddleware[] {
  return [
    // First in, so its `after` runs last: once the security headers are set.
    hstsOverHttpsOnly(),
    httpHeaderNormalizer() as unknown as HttpMiddleware,
    securityHeaders(opts.page),
    httpCors({
      origins: [opts.origin],
      headers: CORS_HEADERS.join(','),
      methods: CORS_METHODS.join(','),
      credentials: true,
    }) as unknown as HttpMiddleware,
    errorMapper({ logger: opts.logger, ...(opts.html ? { html: opts.html } : {}) }),
  ];
}

/**
 * Every POST endpoint, on top of the base: a body size limit, then the body parsed — before the
 * endpoint's own guards and limits (what counts against a client differs per endpoint) and validation.
 */
export function httpPost(opts: HttpBaseOptions & { maxBodyBytes: number }): HttpMiddleware[] {
  return [...httpBase(opts), bodyLimit(opts.maxBodyBytes), parseBody()];
}

/** How old (or early) a signed ping may be, and how large. */
const SIGNED_WINDOW_SECONDS = 120;
const SIGNED_MAX_BYTES = 2048;

/**
 * A machine-to-machine endpoint (the sheet's Apps Script): no pages, no CORS; the raw body must carry a
 * fresh HMAC signature and be small, before it is parsed.
 */
export function httpSigned(opts: {
  logger: Logger;
  clock: Clock;
  secret: () => Promise<string>;
}): HttpMiddleware[] {
  return [
    httpHeaderNormalizer() as unknown as HttpMiddleware,
    errorMapper({ logger: opts.logger }),
    signedBody({
      secret: opts.secret,
      clock: opts.clock,
      windowSeconds: SIGNED_WINDOW_SECONDS,
      maxBytes: SIGNED_MAX_BYTES,
    }),
  ];
}
