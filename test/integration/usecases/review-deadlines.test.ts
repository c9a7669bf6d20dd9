/** The escalation sweep's read side: open cases overdue or due soon, from the openByDue index on DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.js';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import { makeReviewDeadlines } from '../../../shared/usecases/review-deadlines.js';
import { hoursAfter, newCaseWithEvent, rules } from '../../support/builders.js';
import { caseAt } from '../../support/lifecycle.js';
import { caseRepository, setupLocalEnv } from '../../support/local-env.js';

const R = rules(); // 24 h to investigate (critical: 4 h); warn 4 h before a deadline
const NOW = '2026-11-23T06:00:00.000Z'; // Mon 14:00 in Shanghai
let cases: CaseRepository;

/** A case received `hoursAgo` before NOW, stored as the form would have stored it. */
async function receivedAgo(caseNo: string, hoursAgo: number, submission: Record<string, unknown> = {}) {
  const made = newCaseWithEvent({ caseNo, receivedAt: hoursAfter(NOW, -hoursAgo), submission });
  await cases.create({ ...made, contactKeys: [] });
  return made.case;
}

let overdue: Case;
let criticalOverdue: Case;
let dueSoon: Case;

beforeAll(async () => {
  await setupLocalEnv();
  cases = caseRepository();
  overdue = await receivedAgo('261122-001', 30); // investigation due 6 h ago
  criticalOverdue = await receivedAgo('261123-001', 5, { category: 'privacy' }); // 4 h clock: due 1 h ago
  dueSoon = await receivedAgo('261122-002', 22); // due in 2 h
  await receivedAgo('261123-002', 10); // due in 14 h: not yet
  const closed = caseAt('closed', newCaseWithEvent({ caseNo: '261120-009' }).case);
  await cases.create({ case: closed, event: newCaseWithEvent().event, contactKeys: [] });
});

describe('reviewDeadlines', () => {
  it('finds the overdue and the soon-due open cases, earliest deadline first, and nothing else', async () => {
    const review = await makeReviewDeadlines({ cases, policy: R.policy })(new Date(NOW));
    expect(review.at).toBe(NOW);
    expect(review.overdue.map((c) => c.caseNo)).toEqual([overdue.caseNo, criticalOverdue.caseNo]);
    expect(review.dueSoon.map((c) => c.caseNo)).toEqual([dueSoon.caseNo]);
    expect(review.overdue[0]).toEqual(overdue);
  });

  it('moves with the clock: later, the soon-due case is overdue and the next one due soon', async () => {
    const review = await makeReviewDeadlines({ cases, policy: R.policy })(new Date(hoursAfter(NOW, 11)));
    expect(review.overdue.map((c) => c.caseNo)).toEqual(['261122-001', '261123-001', '261122-002']);
    expect(review.dueSoon.map((c) => c.caseNo)).toEqual(['261123-002']);
  });

  it('reads every page of the index up to the warning horizon', async () => {
    const paged: CaseRepository = {
      ...cases,
      listOpenByDue: (opts) => cases.listOpenByDue({ ...opts, limit: 1 }),
    };
    const review = await makeReviewDeadlines({ cases: paged, policy: R.policy })(new Date(NOW));
    expect([...review.overdue, ...review.dueSoon].map((c) => c.caseNo)).toEqual([
      '261122-001',
      '261123-001',
      '261122-002',
    ]);
  });
});
