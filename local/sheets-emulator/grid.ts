/** Sparse-grid operations and A1 range resolution against a spreadsheet. */
import { A1ParseError, type A1Range, formatA1, formatA1Part, MAX_COLUMNS, parseA1 } from './a1.js';
import {
  type ApiError,
  type Cell,
  checkWorkbookLimit,
  findSheetByTitle,
  invalid,
  type SheetState,
  type SpreadsheetState,
} from './model.js';

export interface Resolved {
  sheet: SheetState;
  a1: A1Range;
  /** 0-based inclusive window, open ends clamped to the grid. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** A lone cell (`Tab!B2`): writes treat it as an anchor and may extend right and down. */
  anchor: boolean;
}

export function resolveRange(ss: SpreadsheetState, text: string): Resolved {
  let a1: A1Range;
  try {
    a1 = parseA1(text);
  } catch (e) {
    if (e instanceof A1ParseError) throw invalid(e.message);
    throw e;
  }
  const sheet = a1.sheetName === undefined ? ss.sheets[0] : findSheetByTitle(ss, a1.sheetName);
  if (!sheet) throw invalid(`Unable to parse range: ${text}`);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  return {
    sheet,
    a1,
    r0: a1.startRow ?? 0,
    c0: a1.startCol ?? 0,
    r1: a1.endRow ?? rowCount - 1,
    c1: a1.endCol ?? columnCount - 1,
    anchor: a1.startRow !== undefined && !text.slice(text.lastIndexOf('!') + 1).includes(':'),
  };
}

function gridLimitError(r: Resolved): ApiError {
  const { title, gridProperties: g } = r.sheet.properties;
  const part = formatA1Part(r.a1);
  const name = `'${title.replaceAll("'", "''")}'${part ? `!${part}` : ''}`;
  return invalid(
    `Range (${name}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`,
  );
}

/** Reads/clears: every bound that was written must lie inside the grid. */
export function checkInsideGrid(r: Resolved): void {
  const { rowCount, columnCount } = r.sheet.properties.gridProperties;
  if (r.r0 >= rowCount || r.c0 >= columnCount || r.r1 >= rowCount || r.c1 >= columnCount) {
    throw gridLimitError(r);
  }
}

/** Writes: the start must be inside the grid (the grid then grows to fit the data). */
export function checkStartInsideGrid(r: Resolved): void {
  const { rowCount, columnCount } = r.sheet.properties.gridProperties;
  if (r.r0 >= rowCount || r.c0 >= columnCount) throw gridLimitError(r);
}

export function rangeText(r: Resolved): string {
  return formatA1(r.sheet.properties.title, r.r0, r.c0, r.r1, r.c1);
}

export function getCell(sheet: SheetState, row: number, col: number): Cell | undefined {
  return sheet.rows.get(row)?.get(col);
}

export function setCell(sheet: SheetState, row: number, col: number, cell: Cell | undefined): void {
  let r = sheet.rows.get(row);
  if (cell === undefined) {
    if (!r) return;
    r.delete(col);
    if (r.size === 0) sheet.rows.delete(row);
    return;
  }
  if (!r) {
    r = new Map();
    sheet.rows.set(row, r);
  }
  r.set(col, cell);
}

/** Cells of the window, major dimension first, with trailing empties trimmed (holes stay undefined). */
export function readWindow(
  sheet: SheetState,
  r: { r0: number; c0: number; r1: number; c1: number },
  major: 'ROWS' | 'COLUMNS',
): (Cell | undefined)[][] {
  const grid: (Cell | undefined)[][] = [];
  for (const [row, cols] of sheet.rows) {
    if (row < r.r0 || row > r.r1) continue;
    for (const [col, cell] of cols) {
      if (col < r.c0 || col > r.c1) continue;
      const [i, j] = major === 'ROWS' ? [row - r.r0, col - r.c0] : [col - r.c0, row - r.r0];
      while (grid.length <= i) grid.push([]);
      const line = grid[i] as (Cell | undefined)[];
      while (line.length <= j) line.push(undefined);
      line[j] = cell;
    }
  }
  return grid;
}

export function clearWindow(sheet: SheetState, r: { r0: number; c0: number; r1: number; c1: number }): void {
  for (const [row, cols] of [...sheet.rows]) {
    if (row < r.r0 || row > r.r1) continue;
    for (const col of [...cols.keys()]) if (col >= r.c0 && col <= r.c1) cols.delete(col);
    if (cols.size === 0) sheet.rows.delete(row);
  }
}

/** Grows the grid so (row, col) fits; enforces Google's column and workbook-size limits. */
export function growToFit(ss: SpreadsheetState, sheet: SheetState, row: number, col: number): void {
  const g = sheet.properties.gridProperties;
  if (col >= MAX_COLUMNS) throw invalid(`Range exceeds the maximum of ${MAX_COLUMNS} columns.`);
  if (row >= g.rowCount) g.rowCount = row + 1;
  if (col >= g.columnCount) g.columnCount = col + 1;
  checkWorkbookLimit(ss);
}

/** Inserts `count` rows (or columns) before `at`, shifting cells down (or right). */
export function insertDimension(sheet: SheetState, dim: 'ROWS' | 'COLUMNS', at: number, count: number): void {
  const g = sheet.properties.gridProperties;
  if (dim === 'ROWS') {
    const moved = [...sheet.rows].filter(([row]) => row >= at);
    for (const [row] of moved) sheet.rows.delete(row);
    for (const [row, cols] of moved) sheet.rows.set(row + count, cols);
    g.rowCount += count;
  } else {
    for (const cols of sheet.rows.values()) {
      const moved = [...cols].filter(([col]) => col >= at);
      for (const [col] of moved) cols.delete(col);
      for (const [col, cell] of moved) cols.set(col + count, cell);
    }
    g.columnCount += count;
  }
}

/** Deletes rows (or columns) [start, end), shifting later cells up (or left). */
export function deleteDimension(
  sheet: SheetState,
  dim: 'ROWS' | 'COLUMNS',
  start: number,
  end: number,
): void {
  const g = sheet.properties.gridProperties;
  const count = end - start;
  if (dim === 'ROWS') {
    const rows = [...sheet.rows].sort(([a], [b]) => a - b);
    sheet.rows.clear();
    for (const [row, cols] of rows) {
      if (row < start) sheet.rows.set(row, cols);
      else if (row >= end) sheet.rows.set(row - count, cols);
    }
    g.rowCount -= count;
    if (g.frozenRowCount && g.frozenRowCount > g.rowCount) g.frozenRowCount = g.rowCount;
  } else {
    for (const [row, cols] of [...sheet.rows]) {
      const next = new Map<number, Cell>();
      for (const [col, cell] of cols) {
        if (col < start) next.set(col, cell);
        else if (col >= end) next.set(col - count, cell);
      }
      if (next.size) sheet.rows.set(row, next);
      else sheet.rows.delete(row);
    }
    g.columnCount -= count;
    if (g.frozenColumnCount && g.frozenColumnCount > g.columnCount) g.frozenColumnCount = g.columnCount;
  }
}

/**
 * The logical table `values.append` appends to. Its first row is the first non-empty row inside the
 * window; it then runs down through consecutive non-empty rows, past the window's last row as in
 * Google Sheets (so `Tab!A1` finds the whole table), and a fully blank row ends it. Rows count as
 * non-empty when they hold a cell from the window's first column up to `lastCol` (unbounded for a
 * single-column window such as `A1`).
 */
export function findTable(
  sheet: SheetState,
  r: { r0: number; c0: number; r1: number; c1: number },
  singleColumn: boolean,
): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const lastCol = singleColumn ? Number.POSITIVE_INFINITY : r.c1;
  const colsInRow = (row: number, upTo: number): number[] => {
    const cols = sheet.rows.get(row);
    return cols ? [...cols.keys()].filter((c) => c >= r.c0 && c <= upTo) : [];
  };
  const dataRows = [...sheet.rows.keys()].filter(
    (row) => row >= r.r0 && row <= r.r1 && colsInRow(row, r.c1).length,
  );
  if (dataRows.length === 0) return undefined;
  const first = dataRows.reduce((a, b) => Math.min(a, b));
  let last = first;
  let minCol = Number.POSITIVE_INFINITY;
  let maxCol = -1;
  for (let row = first; ; row += 1) {
    const cols = colsInRow(row, lastCol);
    if (cols.length === 0) break;
    last = row;
    for (const c of cols) {
      minCol = Math.min(minCol, c);
      maxCol = Math.max(maxCol, c);
    }
  }
  return { r0: first, c0: minCol, r1: last, c1: maxCol };
}
