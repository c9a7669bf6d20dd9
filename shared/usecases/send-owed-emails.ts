/**
 * The outbox's drain, scheduled: sends the emails new cases still owe — those their own request could not
 * send (SES down or slow, a crash between the case and its emails) — and clears each case's entry once
 * nothing is owed. Every email goes through the send ledger, so two overlapping runs, a run delivered
 * twice, or a run racing the case's own request still send each email once.
 */
import type { CaseRepository } from '../ports/case-repository.js';
import type { Budget } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Outbox } from '../ports/outbox.js';
import type { NewCaseEmails } from './after-create.js';

/**
 * Entries younger than this belong to the request that made the case, which is sending them now (a
 * function that creates cases runs at most 60 s, the sheet sync's timeout). Only a courtesy: the ledger
 * keeps each email single either way.
 */
export const SETTLE_SECONDS = 60;
/** Stop taking new cases when less than this is left of the run; the next run goes on. */
const RESERVE_MS = 10_000;
const PAGE = 25;

export interface OwedEmailsReport {
  /** Cases whose emails were owed at `before`. */
  owed: number;
  /** Cases whose emails are now all sent (their entries cleared). */
  cleared: number;
  /** Cases still owed (a send failed, another run holds one, or the run ran out of time). */
  left: string[];
}

export function makeSendOwedEmails(deps: {
  outbox: Outbox;
  cases: Pick<CaseRepository, 'get'>;
  emails: Pick<NewCaseEmails, 'sendOwed'>;
  logger: Logger;
}) {
  return async function sendOwedEmails(at: Date, budget: Budget): Promise<OwedEmailsReport> {
    const before = new Date(at.getTime() - SETTLE_SECONDS * 1000).toISOString();
    const report: OwedEmailsReport = { owed: 0, cleared: 0, left: [] };
    let cursor: string | undefined;
    do {
      const page = await deps.outbox.listOwed(before, { limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const entry of page.items) {
        report.owed += 1;
        const c = budget.remainingMs() > RESERVE_MS ? await deps.cases.get(entry.caseNo) : undefined;
        if (c && (await deps.emails.sendOwed(c, entry.keys))) report.cleared += 1;
        else report.left.push(entry.caseNo);
      }
      cursor = page.cursor;
    } while (cursor && budget.remainingMs() > RESERVE_MS);
    // Left owed is worth a warning: SES is still failing, or the cases outgrew one run.
    (report.left.length ? deps.logger.warn : deps.logger.info).call(deps.logger, 'owed emails', {
      ...report,
    });
    return report;
  };
}
export type SendOwedEmails = ReturnType<typeof makeSendOwedEmails>;
