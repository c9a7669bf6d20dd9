/**
 * Scheduled every 5 minutes. For now it makes sure the managers' sheet has its Cases tab with the
 * agreed header row; moving cases both ways builds on this.
 */
import middy from '@middy/core';
import { METRICS } from '../../shared/ports/metrics.js';
import { CASE_COLUMNS, CASES_TAB } from '../../shared/sheet/columns.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireSheets } from '../../shared/wiring/sheets.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const core = await wireCore('sync-sheet');
const { sheet } = await wireSheets(core);

export async function lambdaHandler(event: ScheduledEvent) {
  await sheet.ensureTab(CASES_TAB, [...CASE_COLUMNS]);
  const rows = await sheet.readRows(CASES_TAB);
  const result = { at: runTime(event, core.clock.now()).toISOString(), tab: CASES_TAB, rows: rows.length };
  core.logger.info('sheet checked', result);
  return result;
}

export const handler = middy(lambdaHandler)
  .use(core.logger.lambdaContext)
  .use(core.countRuns({ ok: METRICS.syncRuns, failed: METRICS.syncFailures }));
