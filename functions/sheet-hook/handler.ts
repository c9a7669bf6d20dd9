/**
 * POST /sheet-hook — the sheet's Apps Script says "these rows changed" (signed with the shared secret);
 * the edited rows are synced at once, or left with the sync already running (then 202).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { loadSheetHookConfig } from '../../shared/config.js';
import { httpSigned } from '../../shared/http/middleware.js';
import { json, type ValidatedEvent } from '../../shared/http/types.js';
import { validateInput } from '../../shared/http/validate.js';
import { type EditPing, parseEditPing } from '../../shared/sheet/edit-ping.js';
import { makeSheetEdited } from '../../shared/usecases/sheet-edited.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireSheetSync } from '../../shared/wiring/sheet-sync.js';
import { budgetOf } from '../budget.js';
import { functionSpec } from '../catalog.js';

const spec = functionSpec('sheet-hook');
const core = wireCore(spec.name);
const hook = loadSheetHookConfig();
const { syncSheet, sheetsConfig } = wireSheetSync(core, spec);
const sheetEdited = makeSheetEdited({ syncSheet, spreadsheetId: sheetsConfig.spreadsheetId });

export async function lambdaHandler(event: ValidatedEvent<EditPing>, context: Context) {
  const { outcome } = await sheetEdited(event.input, budgetOf(context));
  return json(outcome === 'queued' ? 202 : 200, { outcome });
}

export const handler = middy(lambdaHandler)
  .use(httpSigned({ logger: core.logger, clock: core.clock, secret: hook.secret }))
  .use(validateInput((event) => parseEditPing(event.body)));
