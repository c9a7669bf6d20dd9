import { makeDynamoSendLedger } from '../adapters/dynamodb/send-ledger.js';
import { makeSesClient, makeSesMailer } from '../adapters/ses/mailer.js';
import { loadMailConfig } from '../config.js';
import type { MailContext } from '../mail/templates.js';
import type { Mailer } from '../ports/mailer.js';
import { METRICS, type Metrics } from '../ports/metrics.js';
import { makeSendOnce } from '../usecases/send-once.js';
import type { Core } from './core.js';

/**
 * What the functions that send mail add: the mail settings, SES, the send-once ledger, and the context
 * every email is written in (value lists, time zone, the status page's address) — no HTTP settings.
 * `run.timeoutSeconds` is how long this function may run; a claim to send lasts exactly that long, so a
 * run that died between claiming and sending leaves the message to the next run.
 */
export function wireMail(core: Core, run: { timeoutSeconds: number }) {
  const mail = loadMailConfig();
  const ses = makeSesClient({
    region: core.config.region,
    ...(mail.sesEndpoint ? { endpoint: mail.sesEndpoint } : {}),
  });
  const mailer = counted(makeSesMailer(ses, mail.from), core.metrics);
  const ledger = makeDynamoSendLedger(core.db, core.config.tableName);
  const sendOnce = makeSendOnce({
    ledger,
    mailer,
    clock: core.clock,
    logger: core.logger,
    claimSeconds: run.timeoutSeconds,
  });
  const context: MailContext = {
    lists: core.rules.lists,
    timeZone: core.calendar.settings.timeZone,
    ...(mail.publicUrl
      ? {
          statusUrl: `${mail.publicUrl}/status`,
          statusLink: (caseNo: string, lang: string) =>
            `${mail.publicUrl}/status?case=${encodeURIComponent(caseNo)}&key=${core.statusKeys.keyFor(caseNo)}&lang=${lang}`,
        }
      : {}),
  };
  return { mail, mailer, ledger, sendOnce, context };
}
export type Mail = ReturnType<typeof wireMail>;

/** Every email that goes out, and every one SES refuses, counted (failures are alarmed). */
function counted(mailer: Mailer, metrics: Metrics): Mailer {
  return {
    async send(message) {
      try {
        const sent = await mailer.send(message);
        metrics.count(METRICS.emailsSent);
        return sent;
      } catch (e) {
        metrics.count(METRICS.sendFailures);
        throw e;
      }
    },
  };
}
