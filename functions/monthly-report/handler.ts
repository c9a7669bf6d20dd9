/** Scheduled on the 1st: statistics of the month that just ended (投诉记录与统计). */
import middy from '@middy/core';
import { makeSummarizeDays } from '../../shared/usecases/summarize-days.js';
import { wireCore } from '../../shared/wiring/core.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const core = await wireCore('monthly-report');
const summarizeDays = makeSummarizeDays({ cases: core.cases, addDays: core.calendar.addDays });

export async function lambdaHandler(event: ScheduledEvent) {
  const today = core.calendar.localDate(runTime(event, core.clock.now()));
  const lastOfPrevious = core.calendar.addDays(`${today.slice(0, 8)}01`, -1);
  const summary = await summarizeDays(`${lastOfPrevious.slice(0, 8)}01`, lastOfPrevious);
  core.logger.info('monthly report', { from: summary.from, to: summary.to, total: summary.total });
  return summary;
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
