/**
 * The passes an edit in the sheet asks for, cheaper than a full one: the edited Cases rows (one
 * `values.batchGet` of the header, the case-number and state columns and those rows; one
 * `values.batchUpdate` if anything changed), or the Staff tab (one read, and a write only for notes).
 * Both need what the last full pass learned (the time zone, where the key columns are); without it, or
 * when the columns moved since, they answer undefined and the caller runs a full pass instead.
 */
import type { Budget } from '../ports/clock.js';
import { CASES_TAB, columnIndex } from '../sheet/columns.js';
import { alignRow, changedCells, isBlankRow } from '../sheet/grid.js';
import { RowIndex, type RowKey, rowKey } from '../sheet/reconcile.js';
import { STAFF_TAB } from '../sheet/staff.js';
import { locateColumns } from '../sheet/tab-spec.js';
import { emptyReport, type Kit, type PassReport } from './sheet-kit.js';
import type { SheetRow } from './sheet-rows.js';
import { syncStaff } from './sheet-staff.js';

/** Rows one edit pass looks at; a larger paste is left to the full pass. */
export const MAX_EDITED_ROWS = 50;

export async function rowsPass(
  kit: Kit,
  edited: readonly { row: number; user?: string }[],
  budget: Budget,
): Promise<PassReport | undefined> {
  const { deps, specs } = kit;
  const state = await deps.store.loadState();
  if (!state || state.spreadsheetId !== deps.settings.spreadsheetId || edited.length > MAX_EDITED_ROWS)
    return undefined;
  const { hasTime, deadline } = kit.timing(budget);
  const users = new Map(edited.filter((e) => e.row > 1).map((e) => [e.row, e.user]));
  const numbers = [...users.keys()].sort((a, b) => a - b);
  const key = state.casesColumns;
  const [header = [], caseNos = [], states = [], ...lines] = await deps.sheet.read(
    [
      { tab: CASES_TAB, fromRow: 1, toRow: 1 },
      { tab: CASES_TAB, fromColumn: key.caseNo, toColumn: key.caseNo },
      { tab: CASES_TAB, fromColumn: key.state, toColumn: key.state },
      ...numbers.map((row) => ({ tab: CASES_TAB, fromRow: row, toRow: row })),
    ],
    { deadline },
  );
  const { positions, missing } = locateColumns(specs.cases, header[0]);
  const moved =
    missing.length > 0 ||
    positions[columnIndex('caseNo')] !== key.caseNo - 1 ||
    positions[columnIndex('state')] !== key.state - 1;
  if (moved) return undefined;

  const keys: RowKey[] = [];
  for (let i = 1; i < Math.max(caseNos.length, states.length); i++) {
    keys.push(rowKey(i + 1, caseNos[i]?.[0], states[i]?.[0]));
  }
  const rows: SheetRow[] = numbers.flatMap((row, i) => {
    const line = lines[i]?.[0];
    const user = users.get(row);
    return isBlankRow(line) && !keys.some((k) => k.row === row)
      ? []
      : [{ row, cells: alignRow(line, positions), ...(user ? { user } : {}) }];
  });
  const now = deps.clock.now();
  const result = await kit.rows.passRows(rows, {
    ctx: kit.rowContext(state.timeZone),
    index: new RowIndex(keys),
    fresh: new Set(),
    changed: new Set(),
    now,
    hasTime,
  });
  const before = new Map(rows.map((r) => [r.row, r.cells]));
  const writes = result.rows.flatMap((r) =>
    changedCells(CASES_TAB, r.row, before.get(r.row) ?? [], r.cells, positions),
  );
  if (writes.length) await deps.sheet.write(writes, { deadline });
  return {
    ...emptyReport('rows'),
    rowsWritten: result.rows.length,
    created: result.created,
    applied: result.applied,
    refused: result.refused,
    newRefusals: result.newRefusals,
    conflicts: result.conflicts,
    incomplete: result.incomplete,
    again: result.claimed > 0,
  };
}

export async function staffPass(kit: Kit, budget: Budget): Promise<PassReport> {
  const { deadline } = kit.timing(budget);
  const [raw = []] = await kit.deps.sheet.read([{ tab: STAFF_TAB }], { deadline });
  const { writes } = await syncStaff(kit.deps, raw, kit.deps.clock.now());
  if (writes.length) await kit.deps.sheet.write(writes, { deadline });
  return { ...emptyReport('staff'), rowsWritten: writes.length };
}
