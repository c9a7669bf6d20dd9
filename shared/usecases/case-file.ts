/**
 * The case file on request: the whole case with every audit event and each deadline's outcome, as
 * printable HTML. The operator gets it back (`npm run invoke -- case-file`); a manager asking from the
 * sheet gets it by email at their own roster address, and only a manager on the roster may ask. The file
 * is complete — contacts included — so it never goes anywhere else, and it is never logged.
 */
import { DomainError, notFoundError } from '../domain/errors.js';
import type { Roster } from '../domain/roster.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { RosterStore } from '../ports/roster-store.js';
import { caseFileHtml } from '../report/case-file.js';
import { type ReportContext, sayer } from '../report/say.js';
import type { SendOnce, SendOutcome } from './send-once.js';

export function makeCaseFile(deps: {
  cases: CaseRepository;
  roster: RosterStore;
  sendOnce: SendOnce;
  clock: Clock;
  logger: Logger;
  report: ReportContext;
}) {
  const say = sayer(deps.report);

  async function render(caseNo: string) {
    const c = await deps.cases.get(caseNo);
    if (!c) throw notFoundError(`There is no case ${caseNo}`);
    const events = await deps.cases.listEvents(caseNo);
    return { caseNo, html: caseFileHtml(c, events, deps.clock.now(), say), events: events.length };
  }

  /** A manager on the roster (any role beyond handler) with this email, else undefined. */
  const managerWith = (roster: Roster | undefined, email: string) =>
    roster?.members.find(
      (m) => m.email?.toLowerCase() === email.toLowerCase() && m.roles.some((r) => r !== 'handler'),
    );

  return {
    render,

    /** Emails the file to `requester`, a manager's address on the roster (403 otherwise). */
    async send(caseNo: string, requester: string): Promise<{ caseNo: string; outcome: SendOutcome }> {
      const manager = managerWith(await deps.roster.get(), requester);
      if (!manager?.email) {
        throw new DomainError(
          'forbidden',
          'Case files go only to managers on the Staff tab, at their own address',
        );
      }
      const file = await render(caseNo);
      const minute = deps.clock.now().toISOString().slice(0, 16);
      const subject = `[${say.say('caseFileTitle')}] ${caseNo}`;
      const outcome = await deps.sendOnce(`casefile#${caseNo}#${manager.email.toLowerCase()}#${minute}`, {
        to: [manager.email],
        subject,
        text: `${say.say('caseFileFor')}\n${say.say('caseFileContacts')}\n`,
        html: file.html,
        attachments: [
          {
            filename: `case-${caseNo}.html`,
            contentType: 'text/html; charset=utf-8',
            content: Buffer.from(file.html, 'utf8'),
          },
        ],
      });
      // The case number and the outcome only: never the file, never the address.
      deps.logger.info('case file sent', { caseNo, outcome, events: file.events });
      return { caseNo, outcome };
    },
  };
}
export type CaseFile = ReturnType<typeof makeCaseFile>;
