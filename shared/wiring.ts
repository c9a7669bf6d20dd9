/**
 * Builds the adapters a function needs, once per cold start. Handlers call these at module scope;
 * tests and the local runtime set the environment first and get the same wiring.
 */
import { makeClock } from './adapters/clock.js';
import { makeContactHasher } from './adapters/contact-hasher.js';
import { makeDynamoCaseRepository } from './adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from './adapters/dynamodb/client.js';
import { makeDynamoRateLimiter } from './adapters/dynamodb/rate-limiter.js';
import { makeDynamoSendLedger } from './adapters/dynamodb/send-ledger.js';
import { makeLogger } from './adapters/logger.js';
import { loadOfficialHolidays } from './adapters/official-holidays.js';
import { makeSesClient, makeSesMailer } from './adapters/ses/mailer.js';
import { makeGoogleSheetGateway } from './adapters/sheets/google-sheet-gateway.js';
import { googleAuthFromJson } from './adapters/sheets/google-auth.js';
import { loadCoreConfig, loadHttpConfig, loadMailConfig, loadSheetsConfig } from './config.js';
import { createBusinessCalendar } from './domain/calendar.js';
import type { CaseRules } from './domain/lifecycle.js';
import { makeSendOnce } from './usecases/send-once.js';

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

export function wireMail(core: Core) {
  const mail = loadMailConfig();
  const ses = makeSesClient({ region: core.config.region, ...(mail.sesEndpoint ? { endpoint: mail.sesEndpoint } : {}) });
  const mailer = makeSesMailer(ses, mail.from);
  const ledger = makeDynamoSendLedger(core.db, core.config.tableName);
  const sendOnce = makeSendOnce({ ledger, mailer, clock: core.clock, logger: core.logger });
  return { mail, mailer, sendOnce };
}

export function wireHttp(core: Core) {
  const http = loadHttpConfig();
  const limiter = makeDynamoRateLimiter(core.db, core.config.tableName, core.clock);
  const hashContacts = makeContactHasher(core.config.appSecret);
  return { http, limiter, hashContacts };
}

export function wireSheets() {
  const config = loadSheetsConfig();
  const sheet = makeGoogleSheetGateway({
    spreadsheetId: config.spreadsheetId,
    ...(config.rootUrl ? { rootUrl: config.rootUrl } : {}),
    ...(config.credentialsJson ? { auth: googleAuthFromJson(config.credentialsJson) } : {}),
  });
  return { sheetsConfig: config, sheet };
}
