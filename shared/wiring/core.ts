/**
 * Builds the adapters a function needs, once per cold start. Handlers call these at module scope;
 * tests and the local runtime set the environment first and get the same wiring.
 */
import { makeClock } from '../adapters/clock.js';
import { makeContactHasher } from '../adapters/contact-hasher.js';
import { makeDynamoCaseRepository } from '../adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../adapters/dynamodb/client.js';
import { makeLogger } from '../adapters/logger.js';
import { loadOfficialHolidays } from '../adapters/official-holidays.js';
import { makeStatusKeys } from '../adapters/status-keys.js';
import { loadCoreConfig } from '../config.js';
import { type BusinessCalendar, createBusinessCalendar } from '../domain/calendar.js';
import type { CaseRules } from '../domain/rules.js';
import type { Logger } from '../ports/logger.js';

/** What every function has: the core settings, the clock, logs, the calendar and rules, and the cases table. */
export function wireCore(service: string) {
  const config = loadCoreConfig();
  const clock = makeClock(config.clock);
  const logger = makeLogger({ service, level: config.logLevel });
  const calendar = createBusinessCalendar({
    ...config.calendar,
    ...(config.usePrcHolidays ? { official: loadOfficialHolidays() } : {}),
  });
  warnIfHolidayDataEnds(calendar, clock.now(), logger);
  const rules: CaseRules = { lists: config.lists, policy: config.policy, calendar };
  const db = makeDocumentClient({
    region: config.region,
    ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  });
  const cases = makeDynamoCaseRepository(db, config.tableName);
  // Keyed by the app secret alone: any door that creates cases links returning complainants the same way.
  const hashContacts = makeContactHasher(config.appSecret);
  const statusKeys = makeStatusKeys(config.appSecret);
  return { config, clock, logger, calendar, rules, db, cases, hashContacts, statusKeys };
}
export type Core = ReturnType<typeof wireCore>;

/** Deadlines reach weeks ahead: say so before the official holiday data runs out, not after. */
function warnIfHolidayDataEnds(calendar: BusinessCalendar, now: Date, logger: Logger) {
  const through = calendar.settings.official?.coveredThrough;
  const horizon = calendar.addDays(calendar.localDate(now), 60);
  if (through && horizon > through) {
    logger.warn('official holiday data ends soon', {
      coveredThrough: through,
      action:
        'update the chinese-days package, or list the coming holidays in CLOSURES and make-up days in EXTRA_WORKING_DAYS',
    });
  }
}
