import { makeDynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.js';
import { loadHttpConfig } from '../config.js';
import type { HtmlErrorRenderer } from '../http/error-mapper.js';
import { httpBase, httpPost } from '../http/middleware.js';
import { PAGE_POLICY } from '../web/assets.js';
import type { Core } from './core.js';

/**
 * What the HTTP functions add: their settings, the staff access code, the rate limiter, and their
 * middleware stacks — the base every page-serving function starts with, and a POST endpoint's with its
 * own body and rate limits. Each stack starts by putting the invocation's Lambda context on the logs.
 */
export async function wireHttp(core: Core) {
  const http = loadHttpConfig();
  /** The current code: a rotated code is read again within its cache time, with no redeploy. */
  const staffAccessCode = () => core.secrets.get('STAFF_ACCESS_CODE');
  // A missing or short code fails the cold start, not the first phone that signs in.
  await staffAccessCode();
  const limiter = makeDynamoRateLimiter(core.db, core.config.tableName, core.clock);
  const limits = {
    submit: { maxBodyBytes: http.maxBodyBytes, perHour: http.submitPerHour },
    status: { maxBodyBytes: http.maxStatusBodyBytes, perHour: http.statusPerHour },
  };
  const common = { logger: core.logger, origin: http.formOrigin, page: PAGE_POLICY };
  const base = () => [core.logger.lambdaContext, ...httpBase(common)];
  /** `html` answers errors of plain-form posts with the page again. */
  const post = (endpoint: keyof typeof limits, html: HtmlErrorRenderer) => [
    core.logger.lambdaContext,
    ...httpPost({
      ...common,
      html,
      maxBodyBytes: limits[endpoint].maxBodyBytes,
      rateLimit: {
        limiter,
        scope: endpoint,
        perHour: limits[endpoint].perHour,
        secret: core.appSecret,
      },
    }),
  ];
  return { http, staffAccessCode, limiter, base, post };
}
