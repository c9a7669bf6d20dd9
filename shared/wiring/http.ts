import { makeDynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.js';
import { loadHttpConfig } from '../config.js';
import type { HtmlErrorRenderer } from '../http/error-mapper.js';
import { httpBase, httpPost } from '../http/middleware.js';
import { PAGE_POLICY } from '../web/assets.js';
import type { Core } from './core.js';

/**
 * What the HTTP functions add: their settings, the rate limiter, and their middleware stacks — the base
 * every page-serving function starts with, and a POST endpoint's with its own body and rate limits.
 */
export function wireHttp(core: Core) {
  const http = loadHttpConfig();
  const limiter = makeDynamoRateLimiter(core.db, core.config.tableName, core.clock);
  const limits = {
    submit: { maxBodyBytes: http.maxBodyBytes, perHour: http.submitPerHour },
    status: { maxBodyBytes: http.maxStatusBodyBytes, perHour: http.statusPerHour },
  };
  const common = { logger: core.logger, origin: http.formOrigin, page: PAGE_POLICY };
  const base = () => httpBase(common);
  /** `html` answers errors of plain-form posts with the page again. */
  const post = (endpoint: keyof typeof limits, html: HtmlErrorRenderer) =>
    httpPost({
      ...common,
      html,
      maxBodyBytes: limits[endpoint].maxBodyBytes,
      rateLimit: {
        limiter,
        scope: endpoint,
        perHour: limits[endpoint].perHour,
        secret: core.config.appSecret,
      },
    });
  return { http, limiter, base, post };
}
