import type { AuditEvent, Case, Escalation } from '../domain/case.js';
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
  /** Counts the new case against a client's quota in the same transaction; over it, nothing is written. */
  quota?: ClientLimit;
  /** A limit the client must not have reached (failed sign-ins): checked in the transaction, nothing counted. */
  lockout?: ClientLimit;
}

/** How many times a client (a keyed hash of its address) may do something per fixed window. */
export interface ClientLimit {
  scope: string;
  subject: string;
  limit: number;
  windowSeconds: number;
}

export interface ContactHistory {
  /** Case numbers, oldest first. */
  latest: string[];
  count: number;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface CaseRepository {
  /**
   * Numbers a new case with its day's next sequence number and writes it (see `create`) in the same
   * transaction as the day's counter, so a number is taken exactly when its case is written: a refused
   * or failed request leaves no gap. `build` makes the write for a number; it may be called again with
   * the next number when another writer took that one first. Returns what was written.
   */
  createNumbered(day: string, build: (sequence: number) => NewCaseWrite): Promise<NewCaseWrite>;
  /**
   * Writes the case, its first event, its contact links and its idempotency record in one transaction.
   * Throws `IdempotencyClash` with the existing record when the key was already used, and a
   * `RateLimitedError` when the quota is used up (unless the write was a replay) or the client is locked out.
   */
  create(write: NewCaseWrite): Promise<void>;
  findIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  get(caseNo: string): Promise<Case | undefined>;
  /** Optimistic concurrency: throws a `conflict` DomainError when the stored version is not `expectedVersion`. */
  update(next: Case, expectedVersion: number, event: AuditEvent): Promise<void>;
  /**
   * The escalation sweep's record of a case (steps delivered, when to look again), written without a new
   * version or event; false, and nothing written, when the case is no longer at `expectedVersion` or closed.
   */
  setEscalation(caseNo: string, expectedVersion: number, escalation: Escalation): Promise<boolean>;
  /**
   * Open cases by when the escalation sweep must next look at them (`sweepKey`), earliest first;
   * `dueBefore` (ISO) stops at that instant.
   */
  listOpenByDue(opts?: { dueBefore?: string; limit?: number; cursor?: string }): Promise<Page<Case>>;
  /** Cases received on a local business day ('YYYY-MM-DD'), in order of receipt. */
  listReceivedOn(day: string, opts?: { limit?: number; cursor?: string }): Promise<Page<Case>>;
  /** How many cases were received on a local business day (a count, no items returned). */
  countReceivedOn(day: string): Promise<number>;
  /** Case numbers linked to a contact key, oldest first. */
  listByContactKey(contactKey: string): Promise<string[]>;
  /** The latest `keep` cases linked to a contact key and how many there are in all, in one bounded read. */
  contactHistory(contactKey: string, keep: number): Promise<ContactHistory>;
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
