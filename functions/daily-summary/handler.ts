/** Scheduled each evening (DAILY_SUMMARY_AT): the daily review into the sheet and the managers' inboxes. */
import middy from '@middy/core';
import { makeDailyReview } from '../../shared/usecases/daily-review.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireReports } from '../../shared/wiring/reports.js';
import { functionSpec } from '../catalog.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const spec = functionSpec('daily-summary');
const core = await wireCore(spec.name);
const { deps } = await wireReports(core, spec);
const dailyReview = makeDailyReview(deps);

export async function lambdaHandler(event: ScheduledEvent) {
  return dailyReview(runTime(event, core.clock.now()));
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
