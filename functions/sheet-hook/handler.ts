/**
 * POST /sheet-hook — the sheet's Apps Script says "these rows changed" (signed with the shared secret);
 * the edited rows are synced at once, or left with the sync already running (then 202).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
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
const core = await wireCore(spec.name);
/** The current secret: a changed one is read again within its cache time, with no redeploy. */
const hookSecret = () => core.secrets.get('SHEET_HOOK_SECRET');
// A missing or short secret fails the cold start, not the first edit.
await hookSecret();
const { syncSheet, sheetsConfig } = await wireSheetSync(core, spec);
const sheetEdited = makeSheetEdited({ syncSheet, spreadsheetId: sheetsConfig.spreadsheetId });

export async function lambdaHandler(event: ValidatedEvent<EditPing>, context: Context) {
  const { outcome } = await sheetEdited(event.input, budgetOf(context));
  return json(outcome === 'queued' ? 202 : 200, { outcome });
}

export const handler = middy(lambdaHandler)
  .use(core.logger.lambdaContext)
  .use(httpSigned({ logger: core.logger, clock: core.clock, secret: hookSecret }))
  .use(validateInput((event) => parseEditPing(event.body)));
