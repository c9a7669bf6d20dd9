/**
 * The scheduled pass's one read of the sheet, with the Cases tab folded row by row as it arrives
 * (`SheetGateway.foldRows`): every row's key is kept, for the index that finds duplicates and copies, but
 * the cells only of rows that may need work. A row that shows its case as the sync last wrote it
 * (`settledRow`) is dropped at once, so a tab of 50,000 settled rows is never held whole.
 */
import type { Area, CellValue, RowFold, SheetGateway } from '../ports/sheet-gateway.js';
import { CASE_COLUMNS, CASES_TAB, type CaseColumnKey, columnIndex } from '../sheet/columns.js';
import { alignRow, isBlankRow } from '../sheet/grid.js';
import { RowIndex, type RowKey, rowKey } from '../sheet/reconcile.js';
import { locateColumns, type TabSpec } from '../sheet/tab-spec.js';
import { type SheetRow, settledRow } from './sheet-rows.js';

const CASE_NO = columnIndex('caseNo');
const STATE = columnIndex('state');

export interface CasesRead {
  /** The header row as read (undefined when the tab is empty). */
  header: CellValue[] | undefined;
  /** Where each CASE_COLUMNS column sits in the sheet (0-based). */
  positions: number[];
  /** Columns the tab lacks: the sync adds them, and their empty cells are not edits. */
  fresh: Set<CaseColumnKey>;
  /** Rows that may need work, in sheet order, their cells in CASE_COLUMNS order. */
  rows: SheetRow[];
  /** Case numbers of the settled rows (passed over: nothing to do). */
  settled: string[];
  index: RowIndex;
  /** Rows read, header and blank rows included (what the next appended row goes below). */
  length: number;
}

type FoldedCases = Omit<CasesRead, 'settled'> & { settled: { row: number; caseNo: string }[] };

/** The Cases tab's fold; `changed` are the cases the store changed since the last sync. */
function casesFold(spec: TabSpec, changed: ReadonlySet<string>) {
  let header: CellValue[] | undefined;
  let { positions, missing } = locateColumns(spec, undefined);
  let fresh = new Set<CaseColumnKey>(missing.map((i) => CASE_COLUMNS[i]?.key as CaseColumnKey));
  const rows: SheetRow[] = [];
  const settled: { row: number; caseNo: string }[] = [];
  const keys: RowKey[] = [];
  let length = 0;
  return {
    row(index: number, line: CellValue[]) {
      length = index + 1;
      if (index === 0) {
        header = line;
        ({ positions, missing } = locateColumns(spec, line));
        fresh = new Set(missing.map((i) => CASE_COLUMNS[i]?.key as CaseColumnKey));
        return;
      }
      if (isBlankRow(line)) return;
      const cells = alignRow(line, positions);
      const key = rowKey(index + 1, cells[CASE_NO], cells[STATE]);
      if (settledRow(cells, key, { changed, fresh })) {
        // Only its number is kept: the index needs it, and its state is a case's (no pending row id).
        keys.push({ row: key.row, caseNo: key.caseNo, validNumber: true, state: undefined });
        settled.push({ row: key.row, caseNo: key.caseNo });
        return;
      }
      keys.push(key);
      rows.push({ row: index + 1, cells });
    },
    result(): FoldedCases {
      return { header, positions, fresh, rows, settled, index: new RowIndex(keys), length };
    },
  };
}

/**
 * One `values.batchGet` of `areas`: the Cases tab's (at `casesAt`, if read) folded, the others'
 * rows whole. A settled row that another row shows the same case as is a duplicate after all: its
 * cells are read again (one more call, only when a manager copied a settled row).
 */
export async function readSheet(
  sheet: SheetGateway,
  spec: TabSpec,
  areas: Area[],
  changed: ReadonlySet<string>,
  deadline: number,
): Promise<{ cases: CasesRead; others: CellValue[][][] }> {
  const casesAt = areas.findIndex((a) => a.tab === CASES_TAB && a.fromRow === undefined);
  const fold = (): RowFold<{ cases: FoldedCases; others: CellValue[][][] }> => {
    const cases = casesFold(spec, changed);
    const others: CellValue[][][] = areas.map(() => []);
    return {
      row(area, index, cells) {
        if (area === casesAt) cases.row(index, cells);
        else (others[area] as CellValue[][])[index] = cells;
      },
      result: () => ({ cases: cases.result(), others }),
    };
  };
  const { cases, others } = await sheet.foldRows(areas, fold, { deadline });
  const copies = cases.settled.filter((s) => cases.index.rowsShowing(s.caseNo).length > 1);
  const rows = [...cases.rows];
  if (copies.length) {
    const again = await sheet.read(
      copies.map((s) => ({ tab: CASES_TAB, fromRow: s.row, toRow: s.row })),
      { deadline },
    );
    copies.forEach((s, i) => {
      rows.push({ row: s.row, cells: alignRow(again[i]?.[0], cases.positions) });
    });
    rows.sort((a, b) => a.row - b.row);
  }
  const copied = new Set(copies.map((s) => s.row));
  return {
    cases: {
      ...cases,
      rows,
      settled: cases.settled.filter((s) => !copied.has(s.row)).map((s) => s.caseNo),
    },
    others,
  };
}
