import { makeDynamoRosterStore } from '../adapters/dynamodb/roster.js';
import { makeDynamoSheetSyncStore } from '../adapters/dynamodb/sheet-sync.js';
import { makeSyncSheet, type SyncSheetDeps } from '../usecases/sync-sheet.js';
import { makeUpdateCase } from '../usecases/update-case.js';
import type { Core } from './core.js';
import { wireMail } from './mail.js';
import { wireSheets } from './sheets.js';
import { wireSubmitComplaint } from './submit-complaint.js';

/**
 * The sheet sync, for the scheduled function and the on-edit endpoint alike: the sheet, its state and
 * lease in the table, the roster, and the doors it changes cases through (updates, and new cases with
 * their emails). `run.timeoutSeconds` is how long the function may run: the lease lasts that long. The
 * parts (`deps`) are answered too, for the bench that fills a sheet as the sync would have.
 */
export async function wireSheetSync(core: Core, run: { timeoutSeconds: number }) {
  const { sheetsConfig, sheet } = await wireSheets(core);
  const mail = wireMail(core, run);
  const deps: SyncSheetDeps = {
    ...core,
    sheet,
    store: makeDynamoSheetSyncStore(core.db, core.config.tableName),
    roster: makeDynamoRosterStore(core.db, core.config.tableName),
    updateCase: makeUpdateCase(core),
    submitComplaint: wireSubmitComplaint(core, mail),
    fallback: { execManagers: mail.mail.execManagers, supervisors: mail.mail.supervisors },
    settings: {
      spreadsheetId: sheetsConfig.spreadsheetId,
      maskContacts: sheetsConfig.maskContacts,
      backfillDays: sheetsConfig.backfillDays,
      leaseSeconds: run.timeoutSeconds,
    },
  };
  return { sheetsConfig, syncSheet: makeSyncSheet(deps), deps };
}
