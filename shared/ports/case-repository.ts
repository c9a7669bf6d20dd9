import type { AuditEvent, Case } from '../domain/case.js';
import { DomainError } from '../domain/errors.js';

export interface IdempotencyRecord {
  key: string;
  /** A hash of the submission, so the same key reused for different content is refused. */
  fingerprint: string;
  caseNo: string;
}

export interface NewCaseWrite {
  case: Case;
  event: AuditEvent;
  /** Keyed hashes of the complainant's contacts (never the contacts themselves). */
  contactKeys: string[];
  idempotency?: { key: string; fingerprint: string; expiresAt: Date };
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface CaseRepository {
  /** The next number in a day's sequence; atomic, so concurrent submissions never share a number. */
  nextSequence(day: string): Promise<number>;
  /**
   * Writes the case, its first event, its contact links and its idempotency record in one transaction.
   * Throws `IdempotencyClash` with the existing record when the key was already used.
   */
  create(write: NewCaseWrite): Promise<void>;
  findIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  get(caseNo: string): Promise<Case | undefined>;
  /** Optimistic concurrency: throws a `conflict` DomainError when the stored version is not `expectedVersion`. */
  update(next: Case, expectedVersion: number, event: AuditEvent): Promise<void>;
  /** Open cases, earliest next deadline first; `dueBefore` (ISO) stops at that instant. */
  listOpenByDue(opts?: { dueBefore?: string; limit?: number; cursor?: string }): Promise<Page<Case>>;
  /** Cases received on a local business day ('YYYY-MM-DD'), in order of receipt. */
  listReceivedOn(day: string, opts?: { limit?: number; cursor?: string }): Promise<Page<Case>>;
  /** How many cases were received on a local business day (a count, no items returned). */
  countReceivedOn(day: string): Promise<number>;
  /** Case numbers linked to a contact key, oldest first. */
  listByContactKey(contactKey: string): Promise<string[]>;
  listEvents(caseNo: string): Promise<AuditEvent[]>;
  /** Every case's events with `from <= at < to` (ISO instants), oldest first, a page at a time. */
  listEventsBetween(
    from: string,
    to: string,
    opts?: { limit?: number; cursor?: string },
  ): Promise<Page<AuditEvent>>;
}

/** The key of a new case's idempotency record is taken; `existing` says by which case. */
export class IdempotencyClash extends DomainError {
  constructor(
    readonly existing: IdempotencyRecord,
    cause?: unknown,
  ) {
    super('idempotency', 'This idempotency key was already used', [], cause === undefined ? {} : { cause });
    this.name = 'IdempotencyClash';
  }
}
