/** Cell access with copy-on-write rows, and A1 range resolution (reads clamp, writes grow). */
import { A1ParseError, type A1Range, formatA1, formatA1Part, MAX_COLUMNS, parseA1 } from './a1.js';
import {
  type ApiError,
  type Cell,
  checkWorkbookLimit,
  findSheetByTitle,
  invalid,
  type Row,
  type SheetState,
  type SpreadsheetState,
} from './model.js';

/** Rows created or copied in the running transaction; other rows are shared with its snapshot. */
let owned: WeakSet<Row> | undefined;

export function beginWrites(): void {
  owned = new WeakSet();
}

export function endWrites(): void {
  owned = undefined;
}

/** The row at `r`, safe to change in place (copied first if the snapshot still shares it). */
export function rowForWrite(sheet: SheetState, r: number): Row {
  let row = sheet.rows[r];
  if (!row) {
    row = [];
    while (sheet.rows.length < r) sheet.rows.push(undefined);
    sheet.rows[r] = row;
    owned?.add(row);
  } else if (owned && !owned.has(row)) {
    row = row.slice();
    sheet.rows[r] = row;
    owned.add(row);
  }
  return row;
}

export function getCell(sheet: SheetState, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

export function setCell(sheet: SheetState, row: number, col: number, cell: Cell | undefined): void {
  if (cell === undefined && sheet.rows[row]?.[col] === undefined) return;
  const line = rowForWrite(sheet, row);
  if (cell === undefined) {
    line[col] = undefined;
    while (line.length && line[line.length - 1] === undefined) line.pop();
  } else {
    while (line.length < col) line.push(undefined);
    line[col] = cell;
  }
}

/** Drops trailing empty rows so `rows.length` is the data height. */
export function trimRows(sheet: SheetState): void {
  const rows = sheet.rows;
  while (rows.length && !rows[rows.length - 1]?.length) rows.pop();
}

export interface Window {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Resolved extends Window {
  sheet: SheetState;
  a1: A1Range;
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

/** Reads and clears: a start outside the grid is an error; an end past it is clamped (as Google does). */
export function clampToGrid(r: Resolved): Resolved {
  const { rowCount, columnCount } = r.sheet.properties.gridProperties;
  if (r.r0 >= rowCount || r.c0 >= columnCount) throw gridLimitError(r);
  return { ...r, r1: Math.min(r.r1, rowCount - 1), c1: Math.min(r.c1, columnCount - 1) };
}

/** Writes: the start must be inside the grid (the grid then grows to fit the data). */
export function checkStartInsideGrid(r: Resolved): void {
  const { rowCount, columnCount } = r.sheet.properties.gridProperties;
  if (r.r0 >= rowCount || r.c0 >= columnCount) throw gridLimitError(r);
}

export function rangeText(r: Resolved): string {
  return formatA1(r.sheet.properties.title, r.r0, r.c0, r.r1, r.c1);
}

/** Cells of the window, major dimension first, trailing empties trimmed (holes stay undefined). */
export function readWindow(sheet: SheetState, w: Window, major: 'ROWS' | 'COLUMNS'): (Cell | undefined)[][] {
  const out: (Cell | undefined)[][] = [];
  const last = Math.min(w.r1, sheet.rows.length - 1);
  if (major === 'ROWS') {
    for (let r = w.r0; r <= last; r += 1) {
      const row = sheet.rows[r];
      const line: (Cell | undefined)[] = [];
      if (row) {
        const end = Math.min(w.c1, row.length - 1);
        for (let c = w.c0; c <= end; c += 1) line.push(row[c]);
        while (line.length && !hasContent(line[line.length - 1])) line.pop();
      }
      out.push(line);
    }
  } else {
    for (let c = w.c0; c <= w.c1; c += 1) {
      const line: (Cell | undefined)[] = [];
      for (let r = w.r0; r <= last; r += 1) line.push(sheet.rows[r]?.[c]);
      while (line.length && !hasContent(line[line.length - 1])) line.pop();
      out.push(line);
      if (c - w.c0 > 2 * MAX_COLUMNS) break;
    }
  }
  while (out.length && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

/** A cell that holds a value or formula (format-only cells read as empty). */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.v !== undefined || cell.f !== undefined);
}

/** Clears values and formulas in the window; formats, validation and notes stay (as `values.clear`). */
export function clearWindow(sheet: SheetState, w: Window): void {
  const last = Math.min(w.r1, sheet.rows.length - 1);
  for (let r = w.r0; r <= last; r += 1) {
    const row = sheet.rows[r];
    if (!row) continue;
    const end = Math.min(w.c1, row.length - 1);
    for (let c = w.c0; c <= end; c += 1) {
      const cell = row[c];
      if (!hasContent(cell)) continue;
      const { v: _v, f: _f, ...rest } = cell as Cell;
      setCell(sheet, r, c, Object.keys(rest).length ? rest : undefined);
    }
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

/**
 * The logical table `values.append` appends to. Its first row is the first non-empty row inside the
 * window; it then runs down through consecutive non-empty rows, past the window's last row as in
 * Google Sheets (so `Tab!A1` finds the whole table), and a fully blank row ends it. Rows count as
 * non-empty when they hold a cell from the window's first column up to `lastCol` (unbounded for a
 * single-column window such as `A1`).
 */
export function findTable(sheet: SheetState, w: Window, singleColumn: boolean): Window | undefined {
  const lastCol = singleColumn ? Number.POSITIVE_INFINITY : w.c1;
  const colsInRow = (r: number, upTo: number): number[] => {
    const row = sheet.rows[r];
    const out: number[] = [];
    if (!row) return out;
    const end = Math.min(upTo, row.length - 1);
    for (let c = w.c0; c <= end; c += 1) if (hasContent(row[c])) out.push(c);
    return out;
  };
  let first = -1;
  const lastRow = Math.min(w.r1, sheet.rows.length - 1);
  for (let r = w.r0; r <= lastRow; r += 1) {
    if (colsInRow(r, w.c1).length) {
      first = r;
      break;
    }
  }
  if (first < 0) return undefined;
  let last = first;
  let minCol = Number.POSITIVE_INFINITY;
  let maxCol = -1;
  for (let r = first; ; r += 1) {
    const cols = colsInRow(r, lastCol);
    if (cols.length === 0) break;
    last = r;
    minCol = Math.min(minCol, cols[0] as number);
    maxCol = Math.max(maxCol, cols[cols.length - 1] as number);
  }
  return { r0: first, c0: minCol, r1: last, c1: maxCol };
}
