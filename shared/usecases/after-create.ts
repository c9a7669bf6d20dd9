/** What follows a new case: the executive manager hears of critical cases at once; the customer gets an apology. */
import type { Case } from '../domain/case.js';
import { criticalAlert, customerAcknowledgment, type MailContext } from '../mail/templates.js';
import type { SendOnce } from './send-once.js';

export function makeAfterCreate(deps: { sendOnce: SendOnce; execManagers: string[]; mail: MailContext }) {
  return async function afterCreate(c: Case): Promise<void> {
    const jobs: Promise<unknown>[] = [];
    if (c.severity === 'critical' && deps.execManagers.length) {
      jobs.push(deps.sendOnce(`critical#${c.caseNo}`, criticalAlert(c, deps.execManagers, deps.mail)));
    }
    const ack = customerAcknowledgment(c, deps.mail);
    if (ack) jobs.push(deps.sendOnce(`ack#${c.caseNo}`, ack));
    await Promise.all(jobs);
  };
}
