/**
 * Builds the adapters a function needs, once per cold start. Handlers call these at module scope;
 * tests and the local runtime set the environment first and get the same wiring.
 */
import { makeClock } from '../adapters/clock.js';
import { makeDynamoCaseRepository } from '../adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../adapters/dynamodb/client.js';
import { makeLogger } from '../adapters/logger.js';
import { loadOfficialHolidays } from '../adapters/official-holidays.js';
import { loadCoreConfig } from '../config.js';
import { createBusinessCalendar } from '../domain/calendar.js';
import type { CaseRules } from '../domain/lifecycle.js';
export function wireCore(service: string) {
  const config = loadCoreConfig();
  const clock = makeClock(config.clock);
  const logger = makeLogger({ service, level: config.logLevel });
  const calendar = createBusinessCalendar({
    ...config.calendar,
    ...(config.usePrcHolidays ? { official: loadOfficialHolidays() } : {}),
  });
  const rules: CaseRules = { lists: config.lists, policy: config.policy, calendar };
  const db = makeDocumentClient({
    region: config.region,
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  });
  const cases = makeDynamoCaseRepository(db, config.tableName);
  return { config, clock, logger, calendar, rules, db, cases };
}
export type Core = ReturnType<typeof wireCore>;
