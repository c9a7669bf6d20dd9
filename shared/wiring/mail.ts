import { makeDynamoSendLedger } from '../adapters/dynamodb/send-ledger.js';
import { makeSesClient, makeSesMailer } from '../adapters/ses/mailer.js';
import { loadMailConfig } from '../config.js';
import { makeSendOnce } from '../usecases/send-once.js';
import type { Core } from './core.js';

export function wireMail(core: Core) {
  const mail = loadMailConfig();
  const ses = makeSesClient({
    region: core.config.region,
    ...(mail.sesEndpoint ? { endpoint: mail.sesEndpoint } : {}),
  });
  const mailer = makeSesMailer(ses, mail.from);
  const ledger = makeDynamoSendLedger(core.db, core.config.tableName);
  const sendOnce = makeSendOnce({ ledger, mailer, clock: core.clock, logger: core.logger });
  return { mail, mailer, sendOnce };
}
