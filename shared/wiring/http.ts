import { makeDynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.js';
import { loadHttpConfig } from '../config.js';
import { isDomainError } from '../domain/errors.js';
import type { HtmlErrorRenderer } from '../http/error-mapper.js';
import { clientSubject, failureLimit, RATE_LIMIT_WINDOW_SECONDS } from '../http/guards.js';
import { httpBase, httpPost } from '../http/middleware.js';
import type { HttpEvent } from '../http/types.js';
import type { ClientLimit } from '../ports/case-repository.js';
import { PAGE_POLICY } from '../web/assets.js';
import type { Core } from './core.js';

/**
 * What the HTTP functions add: their settings, the staff access code, the rate limiter, their middleware
 * stacks — the base every page-serving function starts with, and a POST endpoint's with its own body
 * limit, each starting by putting the invocation's Lambda context on the logs — and what counts against
 * a client: failed sign-ins, failed status lookups, cases created.
 */
export async function wireHttp(core: Core) {
  const http = loadHttpConfig();
  /** The current code: a rotated code is read again within its cache time, with no redeploy. */
  const staffAccessCode = () => core.secrets.get('STAFF_ACCESS_CODE');
  // A missing or short code fails the cold start, not the first phone that signs in.
  await staffAccessCode();
  const limiter = makeDynamoRateLimiter(core.db, core.config.tableName, core.clock);
  const secret = core.appSecret;
  const maxBodyBytes = { submit: http.maxBodyBytes, status: http.maxStatusBodyBytes };
  const common = { logger: core.logger, origin: http.formOrigin, page: PAGE_POLICY };
  const base = () => [core.logger.lambdaContext, ...httpBase(common)];
  /** `html` answers errors of plain-form posts with the page again. */
  const post = (endpoint: keyof typeof maxBodyBytes, html: HtmlErrorRenderer) => [
    core.logger.lambdaContext,
    ...httpPost({ ...common, html, maxBodyBytes: maxBodyBytes[endpoint] }),
  ];
  const limits = {
    /** Wrong staff codes per address (see staffAuth). */
    signinFailures: { limiter, perHour: http.signinFailuresPerHour },
    /** Status lookups that found no case, per address. */
    statusFailures: () =>
      failureLimit({
        limiter,
        scope: 'status',
        perHour: http.statusPerHour,
        secret,
        counts: (e) => isDomainError(e) && e.kind === 'not_found',
      }),
    /** Cases created per address, counted in each case's own transaction. */
    submitQuota: (event: HttpEvent): ClientLimit => ({
      scope: 'submit',
      subject: clientSubject(event, secret),
      limit: http.submitPerHour,
      windowSeconds: RATE_LIMIT_WINDOW_SECONDS,
    }),
  };
  return { http, staffAccessCode, limiter, base, post, limits };
}
