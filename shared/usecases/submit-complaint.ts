/** Registering a new complaint from any door: one case per submission, however often it arrives. */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolveDateTime } from '../domain/calendar.js';
import type { Actor, Case } from '../domain/case.js';
import { formatCaseNumber } from '../domain/case-number.js';
import { createCase } from '../domain/create-case.js';
import { DomainError } from '../domain/errors.js';
import type { CaseRules } from '../domain/rules.js';
import type { Submission } from '../domain/submission.js';
import {
  type CaseRepository,
  type ClientLimit,
  type ContactHistory,
  ContactsChanged,
  IdempotencyClash,
  type IdempotencyRecord,
  type NewCaseWrite,
} from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { ContactHasher } from '../ports/contact-hasher.js';
import type { Logger } from '../ports/logger.js';

export interface SubmitComplaintDeps {
  cases: CaseRepository;
  clock: Clock;
  rules: CaseRules;
  hashContacts: ContactHasher;
  logger: Logger;
  /** Emails that follow a new case (critical alert, acknowledgment); idempotent per case. */
  afterCreate: (c: Case) => Promise<void>;
  /** The keys of those emails, recorded with the case (the outbox) so an SES outage cannot lose them. */
  emailsOwed?: (c: Case) => string[];
}

export interface SubmitResult {
  case: Case;
  created: boolean;
}

const IDEMPOTENCY_DAYS = 7;
/**
 * Tries of one submission while its complainant's other submissions keep landing first: every round of
 * tries registers one of them at least, so a burst of up to this many at once from one contact
 * (different keys) registers every case; beyond it the excess fail, to be retried with their own keys.
 */
const CONTACT_ATTEMPTS = 8;

/**
 * Checked in the new case's own transaction, at no extra round trip: `quota`, what the case counts
 * against (the client's hourly creations); `lockout`, a limit the client must not have reached (the
 * failed sign-ins of a phone that signed in with the code on this very request).
 */
export interface SubmitOptions {
  quota?: ClientLimit;
  lockout?: ClientLimit;
}

/** A hash of what was submitted (not who sent it or when), to tell a retry from a reused key. */
export function fingerprint(s: Submission): string {
  const { idempotencyKey: _ignored, ...rest } = s;
  const canonical = JSON.stringify(rest, Object.keys(rest).sort());
  return createHash('sha256').update(canonical).digest('base64url');
}

export function makeSubmitComplaint(deps: SubmitComplaintDeps) {
  const { cases, clock, rules } = deps;

  const resolveTime = (t: string | undefined) => (t ? resolveDateTime(t, rules.calendar) : undefined);

  /** Answers a repeated submission with the case its key already made (the record was just read). */
  async function replay(stored: IdempotencyRecord, fp: string, cause?: unknown): Promise<SubmitResult> {
    if (stored.fingerprint !== fp) {
      throw new DomainError(
        'idempotency',
        'This idempotency key was already used for a different complaint',
        [],
        cause === undefined ? {} : { cause },
      );
    }
    const existing = await cases.get(stored.caseNo);
    if (!existing) throw new Error(`idempotency record points at missing case ${stored.caseNo}`);
    // A retry after a crash between the write and the emails sends what is still unsent, once.
    await deps.afterCreate(existing);
    return { case: existing, created: false };
  }

  /**
   * Registers `s` as a new case, or answers with the case its idempotency key already made. No read
   * comes before the case's one transaction: the key is checked, the number taken, the quota counted and
   * the complainant taken as new inside it. Only a returning complainant costs more: the refused
   * transaction, one read of their contacts' summaries, and the transaction again.
   */
  return async function submitComplaint(
    s: Submission,
    actor: Actor,
    opts: SubmitOptions = {},
  ): Promise<SubmitResult> {
    const now = clock.now();
    const key = s.idempotencyKey;
    const fp = fingerprint(s);

    const contactKeys = deps.hashContacts({
      name: s.name,
      ...(s.phone ? { phone: s.phone } : {}),
      ...(s.email ? { email: s.email } : {}),
      ...(s.wechat ? { wechat: s.wechat } : {}),
    });
    // Optimistic: most complainants are new, so the first try takes none of the contacts as known and
    // the transaction checks that (no read before it); a returning one makes it fail, and the retry is
    // built on the contacts' summaries as read then.
    let seen: ReadonlyMap<string, ContactHistory> = new Map();

    const today = rules.calendar.localDate(now);
    const receivedAt = resolveTime(s.receivedAt) ?? now.toISOString();
    const promisedReplyAt = resolveTime(s.promisedReplyAt);
    const build = (sequence: number): NewCaseWrite => {
      const histories = [...seen.values()];
      const earlierCases = [...new Set(histories.flatMap((h) => h.latest))].sort();
      // Contacts usually come together, so the largest count is the complainant's (a lower bound if not).
      const earlierCount = Math.max(earlierCases.length, ...histories.map((h) => h.count));
      const created = createCase(s, {
        caseNo: formatCaseNumber(today, sequence),
        actor,
        now,
        rules,
        earlierCases,
        earlierCount,
        receivedAt,
        ...(promisedReplyAt ? { promisedReplyAt } : {}),
      });
      const emailsOwed = deps.emailsOwed?.(created.case) ?? [];
      return {
        case: created.case,
        event: created.event,
        contactKeys,
        contactsSeen: seen,
        ...(emailsOwed.length ? { emailsOwed } : {}),
        ...(key
          ? {
              idempotency: {
                key,
                fingerprint: fp,
                expiresAt: new Date(now.getTime() + IDEMPOTENCY_DAYS * 86_400_000),
              },
            }
          : {}),
        ...(opts.quota ? { quota: opts.quota } : {}),
        ...(opts.lockout ? { lockout: opts.lockout } : {}),
      };
    };

    let written: NewCaseWrite | undefined;
    for (let attempt = 1; !written; attempt++) {
      try {
        written = await cases.createNumbered(today, build);
      } catch (e) {
        // A retry, or two copies of one submission racing: the key's case exists; answer with it.
        if (e instanceof IdempotencyClash) return replay(e.existing, fp, e);
        if (!(e instanceof ContactsChanged) || attempt >= CONTACT_ATTEMPTS) throw e;
        seen = await cases.contactSummaries(contactKeys);
        // Another instance may be writing this complainant's case too: part ways a little.
        if (attempt > 1) await sleep(Math.random() * 20 * attempt);
      }
    }
    const created = written.case;
    deps.logger.info('case created', {
      caseNo: created.caseNo,
      category: created.category,
      severity: created.severity,
      repeat: created.repeat,
      door: actor.door,
    });
    await deps.afterCreate(created);
    return { case: created, created: true };
  };
}
export type SubmitComplaint = ReturnType<typeof makeSubmitComplaint>;

/** What the endpoint answers about a new (or replayed) case: enough for the page, no contact data. */
export function createdView({ case: c, created }: SubmitResult) {
  const { caseNo, status, severity, repeat, relatedCases, relatedCount, promisedReplyAt, deadlines } = c;
  return {
    caseNo,
    status,
    severity,
    repeat,
    relatedCases,
    relatedCount,
    promisedReplyAt,
    deadlines,
    created,
  };
}
