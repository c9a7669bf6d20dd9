import { makeContactHasher } from '../adapters/contact-hasher.js';
import { makeDynamoRateLimiter } from '../adapters/dynamodb/rate-limiter.js';
import { loadHttpConfig } from '../config.js';
import type { Core } from './core.js';

export function wireHttp(core: Core) {
  const http = loadHttpConfig();
  const limiter = makeDynamoRateLimiter(core.db, core.config.tableName, core.clock);
  const hashContacts = makeContactHasher(core.config.appSecret);
  return { http, limiter, hashContacts };
}
