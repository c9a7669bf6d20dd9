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
import type { StatusKeys } from '../ports/status-keys.js';

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

export function makeLookupStatus(deps: { cases: CaseRepository; statusKeys: StatusKeys }) {
  /** The case, when the key of its own link or the last 4 digits of its phone match; else nothing. */
  async function find(input: { caseNo: string; last4?: string | undefined; key?: string | undefined }) {
    const caseNo = parseCaseNumber(input.caseNo);
    if (caseNo && input.key) {
      return deps.statusKeys.matches(caseNo, input.key) ? deps.cases.get(caseNo) : undefined;
    }
    const digits = (input.last4 ?? '').normalize('NFKC').replace(/\D/g, '');
    const c = caseNo && digits.length === 4 ? await deps.cases.get(caseNo) : undefined;
    const expected = c ? phoneLast4(c.complainant) : undefined;
    // Compare even when there is no case, so both failures take the same path.
    return sameDigits(expected ?? '####', digits) && expected ? c : undefined;
  }

  return async function lookupStatus(input: {
    caseNo: string;
    last4?: string | undefined;
    key?: string | undefined;
  }): Promise<PublicStatus> {
    const c = await find(input);
    if (!c) throw new DomainError('not_found', NOT_FOUND);
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
