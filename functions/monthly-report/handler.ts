/** Scheduled on days 1–10 at 09:00: last month's statistics, acted on the month's first working day. */
import middy from '@middy/core';
import { makeMonthlyStatistics } from '../../shared/usecases/monthly-statistics.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireReports } from '../../shared/wiring/reports.js';
import { functionSpec } from '../catalog.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const spec = functionSpec('monthly-report');
const core = await wireCore(spec.name);
const { deps, reports } = await wireReports(core, spec);
const monthlyStatistics = makeMonthlyStatistics({ ...deps, csvContacts: reports.csvContacts });

export async function lambdaHandler(event: ScheduledEvent) {
  return monthlyStatistics(runTime(event, core.clock.now()));
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
