/**
 * Scheduled every 5 minutes: the full two-way sync of the managers' sheet (new and changed cases to
 * rows, managers' edits and typed rows to cases, the Staff tab to the roster, new events to History).
 * The on-edit endpoint (sheet-hook) makes edits arrive within seconds; this is the safety net.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { METRICS } from '../../shared/ports/metrics.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireSheetSync } from '../../shared/wiring/sheet-sync.js';
import { budgetOf } from '../budget.js';
import { functionSpec } from '../catalog.js';
import type { ScheduledEvent } from '../scheduled.js';

const spec = functionSpec('sync-sheet');
const core = await wireCore(spec.name);
const { syncSheet } = await wireSheetSync(core, spec);

export async function lambdaHandler(_event: ScheduledEvent, context: Context) {
  return syncSheet({ full: true }, budgetOf(context));
}

export const handler = middy(lambdaHandler)
  .use(core.logger.lambdaContext)
  .use(core.countRuns({ ok: METRICS.syncRuns, failed: METRICS.syncFailures }));
