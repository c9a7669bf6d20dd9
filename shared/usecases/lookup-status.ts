/**
 * The customer's view of their case: stage and dates only — no personal data, no staff names. "No such
 * case" and "wrong digits" give the same answer so the page cannot be used to probe case numbers.
 */
import { timingSafeEqual } from 'node:crypto';
import type { CaseStatus } from '../domain/case.js';
import { parseCaseNumber } from '../domain/case-number.js';
import { phoneLast4 } from '../domain/contact.js';
import { DomainError } from '../domain/errors.js';
import type { CaseRepository } from '../ports/case-repository.js';

export interface PublicStatus {
  caseNo: string;
  status: CaseStatus;
  receivedAt: string;
  promisedReplyAt?: string;
  resolvedAt?: string;
  notifiedAt?: string;
  /** When the customer will hear the result at the latest, once handling is complete. */
  notifyBy?: string;
  closedAt?: string;
  reopened: boolean;
}

const NOT_FOUND = 'No case matches that number and those digits';

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(4, '\0').slice(0, 4));
  const y = Buffer.from(b.padEnd(4, '\0').slice(0, 4));
  return timingSafeEqual(x, y) && a.length === 4 && b.length === 4;
}

export function makeLookupStatus(deps: { cases: CaseRepository }) {
  return async function lookupStatus(input: { caseNo: string; last4: string }): Promise<PublicStatus> {
    const caseNo = parseCaseNumber(input.caseNo);
    const digits = input.last4.normalize('NFKC').replace(/\D/g, '');
    const c = caseNo && digits.length === 4 ? await deps.cases.get(caseNo) : undefined;
    const expected = c ? phoneLast4(c.complainant) : undefined;
    // Compare even when there is no case, so both failures take the same path.
    const ok = sameDigits(expected ?? '####', digits) && !!c && !!expected;
    if (!ok || !c) throw new DomainError('not_found', NOT_FOUND);
    const notifyBy = c.deadlines.find((d) => d.kind === 'notify')?.dueAt;
    return {
      caseNo: c.caseNo,
      status: c.status,
      receivedAt: c.receivedAt,
      ...(c.promisedReplyAt ? { promisedReplyAt: c.promisedReplyAt } : {}),
      ...(c.resolvedAt ? { resolvedAt: c.resolvedAt } : {}),
      ...(c.notifiedAt ? { notifiedAt: c.notifiedAt } : {}),
      ...(notifyBy ? { notifyBy } : {}),
      ...(c.closedAt ? { closedAt: c.closedAt } : {}),
      reopened: c.reopenCount > 0,
    };
  };
}
