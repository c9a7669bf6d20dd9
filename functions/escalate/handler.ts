/**
 * Scheduled every 15 minutes. For now it finds the cases that are overdue or about to be and logs the
 * counts; warning and escalating by email builds on this sweep.
 */
import middy from '@middy/core';
import { makeReviewDeadlines } from '../../shared/usecases/review-deadlines.js';
import { wireCore } from '../../shared/wiring/core.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const core = await wireCore('escalate');
const reviewDeadlines = makeReviewDeadlines({ cases: core.cases, policy: core.rules.policy });

export async function lambdaHandler(event: ScheduledEvent) {
  const review = await reviewDeadlines(runTime(event, core.clock.now()));
  const result = {
    at: review.at,
    overdue: review.overdue.map((c) => c.caseNo),
    dueSoon: review.dueSoon.map((c) => c.caseNo),
  };
  core.logger.info('deadline review', { overdue: result.overdue.length, dueSoon: result.dueSoon.length });
  return result;
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
