import type { Page } from './case-repository.js';

/**
 * The emails a new case still owes (its acknowledgment, its critical alert), recorded in the case's own
 * create transaction, so an SES outage at that moment delays them instead of losing them.
 */
export interface OwedEmails {
  caseNo: string;
  /** When the case was created (ISO): the entry's place in the queue. */
  since: string;
  /** The send-ledger keys of the emails owed, e.g. `ack#261122-007`. */
  keys: string[];
}

export interface Outbox {
  /** Entries recorded before `before` (ISO), oldest first, a page at a time. */
  listOwed(before: string, opts?: { limit?: number; cursor?: string }): Promise<Page<OwedEmails>>;
  /** Nothing more is owed for this case (every email sent, or not sendable at all). */
  clear(entry: Pick<OwedEmails, 'caseNo' | 'since'>): Promise<void>;
}
