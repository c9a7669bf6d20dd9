/** Counting the days' complaints for the daily review and the monthly statistics, on DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.js';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import { makeSummarizeDays } from '../../../shared/usecases/summarize-days.js';
import { hoursAfter, newCaseWithEvent, RECEIVED_AT, rules } from '../../support/builders.js';
import { caseAt } from '../../support/lifecycle.js';
import { caseRepository, setupLocalEnv } from '../../support/local-env.js';

const R = rules();
let cases: CaseRepository;
const store = (c: Case) => cases.create({ case: c, event: newCaseWithEvent().event, contactKeys: [] });

beforeAll(async () => {
  await setupLocalEnv();
  cases = caseRepository();
  // Fri 2026-11-20 (RECEIVED_AT is 10:00 in Shanghai): three cases, one of them closed, one a repeat.
  const closed = caseAt('closed', newCaseWithEvent({ caseNo: '261120-001' }).case);
  await store(closed);
  await store(
    newCaseWithEvent({
      caseNo: '261120-002',
      receivedAt: hoursAfter(RECEIVED_AT, 1),
      submission: { category: 'attitude', stage: 'selection', staffInvolved: '小王, 小李' },
    }).case,
  );
  await store(
    newCaseWithEvent({
      caseNo: '261120-003',
      receivedAt: hoursAfter(RECEIVED_AT, 2),
      submission: { stage: 'selection', staffInvolved: '小王' },
      earlierCases: ['261101-004'],
    }).case,
  );
  // Sat 21: one; Sun 22: none; outside the range: Thu 19 and Mon 23.
  await store(newCaseWithEvent({ caseNo: '261121-001', receivedAt: hoursAfter(RECEIVED_AT, 24) }).case);
  await store(newCaseWithEvent({ caseNo: '261119-001', receivedAt: hoursAfter(RECEIVED_AT, -24) }).case);
  await store(newCaseWithEvent({ caseNo: '261123-001', receivedAt: hoursAfter(RECEIVED_AT, 72) }).case);
});

describe('summarizeDays', () => {
  it('counts the cases received from the first day to the last, by category, stage, severity and staff', async () => {
    const summarize = makeSummarizeDays({ cases, addDays: R.calendar.addDays });
    expect(await summarize('2026-11-20', '2026-11-22')).toEqual({
      from: '2026-11-20',
      to: '2026-11-22',
      total: 4,
      open: 3,
      repeat: 1,
      byCategory: { quality: 3, attitude: 1 },
      byStage: { unspecified: 2, selection: 2 },
      bySeverity: { normal: 3, high: 1 },
      byStaff: { 小王: 2, 小李: 1 },
      caseNos: ['261120-001', '261120-002', '261120-003', '261121-001'],
    });
  });

  it('counts one day, and nothing on a day without complaints', async () => {
    const summarize = makeSummarizeDays({ cases, addDays: R.calendar.addDays });
    expect(await summarize('2026-11-21', '2026-11-21')).toMatchObject({ total: 1, open: 1 });
    expect(await summarize('2026-11-22', '2026-11-22')).toMatchObject({
      total: 0,
      open: 0,
      byCategory: {},
      caseNos: [],
    });
  });

  it('reads every page of a busy day', async () => {
    // One case per page: the summary must follow the cursor through the index.
    const paged: CaseRepository = {
      ...cases,
      listReceivedOn: (day, opts) => cases.listReceivedOn(day, { ...opts, limit: 1 }),
    };
    const summarize = makeSummarizeDays({ cases: paged, addDays: R.calendar.addDays });
    expect((await summarize('2026-11-20', '2026-11-20')).caseNos).toEqual([
      '261120-001',
      '261120-002',
      '261120-003',
    ]);
  });
});
