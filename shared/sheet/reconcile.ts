/**
 * Who changed which cell of a Cases row since the last sync. The row state (./row-state.ts) holds a hash
 * of each editable cell as the sync last wrote it; the sheet differing from it means a manager typed
 * there, the case differing from it means the store changed. Per editable column:
 *
 *   sheet = case                 nothing to do
 *   only the sheet changed       the manager's edit, applied through the case core
 *   only the case changed        the case's value is written
 *   both changed, differently    a conflict: the manager's value is applied (it is the newest deliberate
 *                                act we can see, and the case's value stays in the audit trail as "from")
 *
 * A row without a state (pasted or typed with a case number) holds the manager's values: every cell that
 * differs from the case is an edit. A state the sync cannot read (an older format) or a column the sync
 * has just added gives the case's values. Also here: the row index that finds duplicates and copies.
 */
import type { Case } from '../domain/case.js';
import { parseCaseNumber } from '../domain/case-number.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { type RowContext, renderCase } from './case-row.js';
import { cellHash, cellText } from './cells.js';
import { CASE_COLUMNS, type CaseColumnKey, columnIndex, TRACKED_COLUMNS } from './columns.js';
import { decodeRowState, encodeRowState, type RowState } from './row-state.js';

const TRACKED_AT = TRACKED_COLUMNS.map((c) => columnIndex(c.key as CaseColumnKey));

export interface RowChanges {
  /** Columns whose sheet value is the manager's edit. */
  edits: Set<CaseColumnKey>;
  /** Edits the case also changed since the last sync (to something else). */
  conflicts: CaseColumnKey[];
}

export function rowChanges(
  cells: readonly CellValue[],
  state: RowState | undefined | 'foreign',
  current: Case,
  ctx: RowContext,
  fresh: ReadonlySet<CaseColumnKey> = new Set(),
): RowChanges {
  const rendered = renderCase(current, ctx);
  const edits = new Set<CaseColumnKey>();
  const conflicts: CaseColumnKey[] = [];
  TRACKED_AT.forEach((at, i) => {
    const key = CASE_COLUMNS[at]?.key as CaseColumnKey;
    const sheet = cellHash(cells[at] ?? null);
    const store = cellHash(rendered[at] ?? null);
    if (sheet === store || fresh.has(key) || state === 'foreign') return;
    if (state === undefined) {
      edits.add(key);
      return;
    }
    if (state.kind !== 'case') return;
    const last = state.hashes[i];
    if (sheet === last) return; // only the case changed
    edits.add(key);
    if (store !== last) conflicts.push(key);
  });
  return { edits, conflicts };
}

/** The state a row gets once it shows `c`: every editable cell hashed as the case renders it. */
export function stateFor(c: Case, ctx: RowContext): string {
  const rendered = renderCase(c, ctx);
  return encodeRowState({
    kind: 'case',
    caseNo: c.caseNo,
    version: c.version,
    hashes: TRACKED_AT.map((at) => cellHash(rendered[at] ?? null)),
  });
}

/** A Cases row's identity: the case number it shows (normalised) and the state the sync left in it. */
export interface RowKey {
  row: number;
  /** '' when empty; the typed text when it is not a case number. */
  caseNo: string;
  validNumber: boolean;
  state: RowState | undefined | 'foreign';
}

export function rowKey(
  row: number,
  caseCell: CellValue | undefined,
  stateCell: CellValue | undefined,
): RowKey {
  const typed = cellText(caseCell ?? null).trim();
  const parsed = typed ? parseCaseNumber(typed) : undefined;
  return { row, caseNo: parsed ?? typed, validNumber: !!parsed, state: decodeRowState(stateCell) };
}

/** Every row's key at once: which rows show a case number, and which hold a pending row id. */
export class RowIndex {
  readonly byCaseNo = new Map<string, number[]>();
  readonly byRowId = new Map<string, number[]>();
  constructor(keys: Iterable<RowKey>) {
    for (const k of keys) {
      if (k.caseNo) this.byCaseNo.set(k.caseNo, [...(this.byCaseNo.get(k.caseNo) ?? []), k.row]);
      if (k.state && k.state !== 'foreign' && k.state.kind === 'pending') {
        this.byRowId.set(k.state.rowId, [...(this.byRowId.get(k.state.rowId) ?? []), k.row]);
      }
    }
  }
  rowsShowing(caseNo: string): number[] {
    return this.byCaseNo.get(caseNo) ?? [];
  }
}
