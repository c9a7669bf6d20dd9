/**
 * Builds the adapters a function needs, once per cold start. Handlers call these at module scope;
 * tests and the local runtime set the environment first and get the same wiring.
 */
import { makeClock } from '../adapters/clock.js';
import { makeContactHasher } from '../adapters/contact-hasher.js';
import { makeDynamoCaseRepository } from '../adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../adapters/dynamodb/client.js';
import { makeLogger } from '../adapters/logger.js';
import { countRuns, makeMetrics } from '../adapters/metrics.js';
import { loadOfficialHolidays } from '../adapters/official-holidays.js';
import { makeSecrets, makeSecretsManagerClient } from '../adapters/secrets.js';
import { makeStatusKeys } from '../adapters/status-keys.js';
import { loadCoreConfig, secretSources } from '../config.js';
import { type BusinessCalendar, createBusinessCalendar } from '../domain/calendar.js';
import type { CaseRules } from '../domain/rules.js';
import type { Logger } from '../ports/logger.js';
import type { MetricName } from '../ports/metrics.js';

/**
 * What every function has: the core settings, the clock, logs and business metrics, its secrets, the
 * calendar and rules, and the cases table. Async because APP_SECRET may come from Secrets Manager:
 * handlers `await` it at module scope, so it runs once per cold start and a bad secret fails the start.
 */
export async function wireCore(service: string) {
  const config = loadCoreConfig();
  const clock = makeClock(config.clock);
  const logger = makeLogger({ service, level: config.logLevel });
  const metrics = makeMetrics({ namespace: config.metricsNamespace });
  const secrets = makeSecrets({
    sources: secretSources(),
    client: () =>
      makeSecretsManagerClient({
        region: config.region,
        ...(config.secretsManagerEndpoint ? { endpoint: config.secretsManagerEndpoint } : {}),
      }),
  });
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
  // Read once: it keys the stored contact hashes, so it never changes while the table lives.
  const appSecret = await secrets.get('APP_SECRET');
  // Keyed by the app secret alone: any door that creates cases links returning complainants the same way.
  const hashContacts = makeContactHasher(appSecret);
  const statusKeys = makeStatusKeys(appSecret);
  /** Middleware counting this function's runs: `ok` when it returns, `failed` when it throws. */
  const runsCounted = (names: { ok: MetricName; failed: MetricName }) => countRuns(metrics, names);
  return {
    config,
    clock,
    logger,
    metrics,
    countRuns: runsCounted,
    secrets,
    appSecret,
    calendar,
    rules,
    db,
    cases,
    hashContacts,
    statusKeys,
  };
}
export type Core = Awaited<ReturnType<typeof wireCore>>;

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
