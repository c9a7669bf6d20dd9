import { makeDynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.js';
import { loadHttpConfig } from '../config.js';
import type { Core } from './core.js';

/** What the HTTP functions add: their settings and the rate limiter. */
export function wireHttp(core: Core) {
  const http = loadHttpConfig();
  const limiter = makeDynamoRateLimiter(core.db, core.config.tableName, core.clock);
  return { http, limiter };
}
