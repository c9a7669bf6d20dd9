/** Scheduled each evening: the day's complaints, counted for the daily review. */
import middy from '@middy/core';
import { makeSummarizeDays } from '../../shared/usecases/summarize-days.js';
import { wireCore } from '../../shared/wiring/core.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const core = await wireCore('daily-summary');
const summarizeDays = makeSummarizeDays({ cases: core.cases, addDays: core.calendar.addDays });

export async function lambdaHandler(event: ScheduledEvent) {
  const day = core.calendar.localDate(runTime(event, core.clock.now()));
  const summary = await summarizeDays(day, day);
  core.logger.info('daily summary', { day, total: summary.total, open: summary.open });
  return summary;
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
