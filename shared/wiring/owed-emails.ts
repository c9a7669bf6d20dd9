import { makeDynamoOutbox } from '../adapters/dynamodb/outbox.js';
import { makeAfterCreate } from '../usecases/after-create.js';
import { makeSendOwedEmails } from '../usecases/send-owed-emails.js';
import type { Core } from './core.js';
import type { Mail } from './mail.js';

/** A new case's emails (critical alert, acknowledgment), recorded in the outbox and sent once each. */
export function wireNewCaseEmails(core: Core, mail: Mail) {
  return makeAfterCreate({
    sendOnce: mail.sendOnce,
    execManagers: mail.mail.execManagers,
    mail: mail.context,
    outbox: makeDynamoOutbox(core.db, core.config.tableName),
    clock: core.clock,
    logger: core.logger,
  });
}

/** The scheduled drain of the outbox: what new cases still owe. */
export function wireSendOwedEmails(core: Core, mail: Mail) {
  return makeSendOwedEmails({
    outbox: makeDynamoOutbox(core.db, core.config.tableName),
    cases: core.cases,
    emails: wireNewCaseEmails(core, mail),
    logger: core.logger,
  });
}
