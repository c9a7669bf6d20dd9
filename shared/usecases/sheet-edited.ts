/**
 * The on-edit entry: a manager changed cells of the sheet (the Apps Script's ping says where, and who).
 * Edited Cases rows get a pass of their own and the Staff tab is re-read, under the sync's lease; when
 * another sync holds the lease the work is left with it and the answer is "queued". Edits elsewhere
 * (History, a manager's own tabs) need nothing.
 */
import { validationError } from '../domain/errors.js';
import type { Budget } from '../ports/clock.js';
import { CASES_TAB } from '../sheet/columns.js';
import type { EditPing } from '../sheet/edit-ping.js';
import { STAFF_TAB } from '../sheet/staff.js';
import { MAX_EDITED_ROWS } from './sheet-edit-pass.js';
import type { SyncSheet } from './sync-sheet.js';

export type EditOutcome = 'synced' | 'queued' | 'ignored';

export function makeSheetEdited(deps: { syncSheet: SyncSheet; spreadsheetId: string }) {
  return async function sheetEdited(ping: EditPing, budget: Budget): Promise<{ outcome: EditOutcome }> {
    if (ping.spreadsheetId !== deps.spreadsheetId) {
      throw validationError('This endpoint syncs another spreadsheet', [
        { field: 'spreadsheetId', code: 'unknown_spreadsheet', message: 'unknown_spreadsheet' },
      ]);
    }
    let work: Parameters<SyncSheet>[0];
    if (ping.sheetName === STAFF_TAB) work = { staff: true };
    else if (ping.sheetName !== CASES_TAB) return { outcome: 'ignored' };
    else if (ping.numRows > MAX_EDITED_ROWS) work = { full: true };
    else {
      const user = ping.user || undefined;
      work = {
        rows: Array.from({ length: ping.numRows }, (_, i) => ({
          row: ping.row + i,
          ...(user ? { user } : {}),
        })).filter((r) => r.row > 1),
      };
      if (!work.rows?.length) return { outcome: 'ignored' };
    }
    const { ran } = await deps.syncSheet(work, budget);
    return { outcome: ran ? 'synced' : 'queued' };
  };
}
