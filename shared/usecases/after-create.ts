/**
 * What follows a new case: the executive manager hears of critical cases at once; the customer gets an
 * apology. The keys of these emails are recorded with the case (the outbox) in its create transaction;
 * the request that made the case sends them and clears the entry, and `send-owed-emails` sends whatever
 * an SES outage or a crash left owed. The send ledger makes each go out once, whoever sends it.
 */
import type { Case } from '../domain/case.js';
import { criticalAlert, customerAcknowledgment, type MailContext } from '../mail/templates.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { MailMessage } from '../ports/mailer.js';
import type { Outbox } from '../ports/outbox.js';
import type { SendOnce } from './send-once.js';

export interface NewCaseEmailDeps {
  sendOnce: SendOnce;
  execManagers: string[];
  mail: MailContext;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
}

export function makeAfterCreate(deps: NewCaseEmailDeps) {
  /** Every email a new case owes, under its send-ledger key. */
  function emailsOf(c: Case): { key: string; message: MailMessage }[] {
    const emails: { key: string; message: MailMessage }[] = [];
    if (c.severity === 'critical' && deps.execManagers.length) {
      emails.push({ key: `critical#${c.caseNo}`, message: criticalAlert(c, deps.execManagers, deps.mail) });
    }
    const ack = customerAcknowledgment(c, deps.mail);
    if (ack) emails.push({ key: `ack#${c.caseNo}`, message: ack });
    return emails;
  }

  /** The keys the create transaction records in the outbox. */
  const emailsOwed = (c: Case): string[] => emailsOf(c).map((e) => e.key);

  /** Sends one email once; true when it is out (now or before), false when it failed or another run holds it. */
  async function isOut(key: string, message: MailMessage): Promise<boolean> {
    const outcome = await deps.sendOnce(key, message);
    return outcome === 'sent' || outcome === 'duplicate';
  }

  /**
   * Sends the emails of `keys` that `c` still owes, each once, and clears its outbox entry when none is
   * left owed (each sent now or before; a key the case no longer yields, e.g. no executive manager
   * configured any more, has nothing to send). True when the entry is cleared.
   */
  async function sendOwed(c: Case, keys: readonly string[]): Promise<boolean> {
    const wanted = new Set(keys);
    const emails = emailsOf(c).filter((e) => wanted.has(e.key));
    const settled = await Promise.all(emails.map((e) => isOut(e.key, e.message)));
    if (!settled.every(Boolean)) return false;
    try {
      await deps.outbox.clear({ caseNo: c.caseNo, since: c.createdAt });
      return true;
    } catch (e) {
      // The emails are out; the drain finds them sent (the ledger) and clears the entry then.
      deps.logger.error('owed emails sent but not cleared', { caseNo: c.caseNo, error: e });
      return false;
    }
  }

  /** Right after the case is written (or replayed): its emails, once each. */
  async function afterCreate(c: Case): Promise<void> {
    const keys = emailsOwed(c);
    if (keys.length) await sendOwed(c, keys);
  }

  return { emailsOwed, sendOwed, afterCreate };
}
export type NewCaseEmails = ReturnType<typeof makeAfterCreate>;
