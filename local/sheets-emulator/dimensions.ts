/**
 * Rows and columns moving as in Sheets: cells (values, formulas, formats, validation, notes) and the
 * dimension's own metadata (size, developer metadata) move together; ranges of conditional formats,
 * protected ranges, the basic filter and merges grow, shrink or go; formula references follow
 * inserted and deleted rows and columns (a reference to a deleted cell becomes `#REF!`).
 */
import { mapRefs, type RefEnd, type Token } from './formula/tokens.js';
import { rowForWrite, trimRows } from './grid.js';
import {
  type Cell,
  type DimMeta,
  findSheetByTitle,
  type Json,
  type Row,
  type SheetState,
  type SpreadsheetState,
} from './model.js';

export type Dim = 'ROWS' | 'COLUMNS';

/** Maps an index range [s, e) to its new bounds, or undefined when it no longer exists. */
type Shift = (s: number, e: number) => [number, number] | undefined;

const insertShift =
  (at: number, n: number): Shift =>
  (s, e) => [s >= at ? s + n : s, e > at ? e + n : e];

const deleteShift =
  (a: number, b: number): Shift =>
  (s, e) => {
    const n = b - a;
    const ns = s < a ? s : s < b ? a : s - n;
    const ne = e <= a ? e : e <= b ? a : e - n;
    return ne > ns ? [ns, ne] : undefined;
  };

/** Adjusts a GridRange of `sheetId` in place; false when the range was deleted entirely. */
function shiftGridRange(gr: Json, sheetId: number, dim: Dim, shift: Shift): boolean {
  if (((gr.sheetId as number | undefined) ?? 0) !== sheetId) return true;
  const [sk, ek] = dim === 'ROWS' ? ['startRowIndex', 'endRowIndex'] : ['startColumnIndex', 'endColumnIndex'];
  const s = (gr[sk] as number | undefined) ?? 0;
  const e = (gr[ek] as number | undefined) ?? Number.POSITIVE_INFINITY;
  const next = shift(s, e);
  if (!next) return false;
  if (gr[sk] !== undefined || next[0] !== 0) gr[sk] = next[0];
  if (Number.isFinite(next[1])) gr[ek] = next[1];
  return true;
}

function shiftLayout(sheet: SheetState, dim: Dim, shift: Shift): void {
  const id = sheet.properties.sheetId;
  sheet.conditionalFormats = sheet.conditionalFormats.filter((rule) => {
    const ranges = ((rule.ranges as Json[] | undefined) ?? []).filter((r) =>
      shiftGridRange(r, id, dim, shift),
    );
    rule.ranges = ranges;
    return ranges.length > 0;
  });
  sheet.protectedRanges = sheet.protectedRanges.filter(
    (p) => !p.range || shiftGridRange(p.range as Json, id, dim, shift),
  );
  sheet.merges = sheet.merges.filter((m) => shiftGridRange(m, id, dim, shift));
  if (sheet.basicFilter && !shiftGridRange(sheet.basicFilter.range as Json, id, dim, shift)) {
    delete sheet.basicFilter;
  }
  for (const chart of sheet.charts) {
    const anchor = (chart.position as Json | undefined)?.overlayPosition as Json | undefined;
    const cell = anchor?.anchorCell as Json | undefined;
    if (!cell) continue;
    const key = dim === 'ROWS' ? 'rowIndex' : 'columnIndex';
    const at = (cell[key] as number | undefined) ?? 0;
    const next = shift(at, at + 1);
    if (next) cell[key] = next[0];
  }
}

/** Rewrites references into `sheet` in every formula of the spreadsheet. */
function shiftFormulas(ss: SpreadsheetState, sheet: SheetState, dim: Dim, shift: Shift): void {
  const key = dim === 'ROWS' ? 'row' : 'col';
  const moveRef = (tok: Extract<Token, { t: 'ref' }>): Extract<Token, { t: 'ref' }> | undefined => {
    const a = tok.a[key];
    const b = tok.b ? tok.b[key] : a;
    if (a === undefined || b === undefined) return tok; // whole rows/columns of the other dimension
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const next = shift(lo, hi + 1);
    if (!next) return undefined;
    const at = (end: RefEnd, v: number): RefEnd => ({ ...end, [key]: v });
    return tok.b
      ? { ...tok, a: at(tok.a, next[0]), b: at(tok.b, next[1] - 1) }
      : { ...tok, a: at(tok.a, next[0]) };
  };
  for (const home of ss.sheets) {
    home.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (cell?.f === undefined) return;
        const f = mapRefs(cell.f, (tok) => {
          const target = tok.sheet === undefined ? home : findSheetByTitle(ss, tok.sheet);
          return target === sheet ? moveRef(tok) : tok;
        });
        if (f !== cell.f) rowForWrite(home, r)[c] = { ...cell, f };
      });
    });
  }
}

const formatOnly = (cell: Cell | undefined): Cell | undefined => {
  if (!cell || (cell.fmt === undefined && cell.dv === undefined)) return undefined;
  const out: Cell = {};
  if (cell.fmt) out.fmt = cell.fmt;
  if (cell.dv) out.dv = cell.dv;
  return out;
};

const metaOnly = (m: DimMeta | undefined): DimMeta | undefined =>
  m?.pixelSize === undefined ? undefined : { pixelSize: m.pixelSize };

function spliceSparse<T>(
  list: (T | undefined)[],
  at: number,
  remove: number,
  insert: (T | undefined)[],
): void {
  if (at > list.length) {
    if (insert.every((x) => x === undefined)) return;
    while (list.length < at) list.push(undefined);
  }
  list.splice(at, remove, ...insert);
}

/** insertDimension (and append's INSERT_ROWS); `inheritFrom` copies formats, validation and size. */
export function insertRows(
  ss: SpreadsheetState,
  sheet: SheetState,
  dim: Dim,
  at: number,
  count: number,
  inheritFrom: number | undefined,
): void {
  const g = sheet.properties.gridProperties;
  if (dim === 'ROWS') {
    const source = inheritFrom === undefined ? undefined : sheet.rows[inheritFrom];
    const template = source?.map(formatOnly);
    const fresh = Array.from({ length: count }, () =>
      template?.some((c) => c !== undefined) ? (template.slice() as Row) : undefined,
    );
    spliceSparse(sheet.rows, at, 0, fresh);
    const meta = inheritFrom === undefined ? undefined : metaOnly(sheet.rowMeta[inheritFrom]);
    spliceSparse(
      sheet.rowMeta,
      at,
      0,
      Array.from({ length: count }, () => (meta ? { ...meta } : undefined)),
    );
    g.rowCount += count;
    trimRows(sheet);
  } else {
    sheet.rows.forEach((row, r) => {
      if (!row || row.length <= at) return;
      const cell = inheritFrom === undefined ? undefined : formatOnly(row[inheritFrom]);
      spliceSparse(
        rowForWrite(sheet, r),
        at,
        0,
        Array.from({ length: count }, () => cell),
      );
    });
    const meta = inheritFrom === undefined ? undefined : metaOnly(sheet.colMeta[inheritFrom]);
    spliceSparse(
      sheet.colMeta,
      at,
      0,
      Array.from({ length: count }, () => (meta ? { ...meta } : undefined)),
    );
    g.columnCount += count;
  }
  shiftLayout(sheet, dim, insertShift(at, count));
  shiftFormulas(ss, sheet, dim, insertShift(at, count));
}

/** deleteDimension: rows (or columns) [start, end) go, with their metadata. */
export function deleteRows(
  ss: SpreadsheetState,
  sheet: SheetState,
  dim: Dim,
  start: number,
  end: number,
): void {
  const g = sheet.properties.gridProperties;
  const count = end - start;
  if (dim === 'ROWS') {
    sheet.rows.splice(start, count);
    sheet.rowMeta.splice(start, count);
    g.rowCount -= count;
    if (g.frozenRowCount && g.frozenRowCount > g.rowCount) g.frozenRowCount = g.rowCount;
    trimRows(sheet);
  } else {
    sheet.rows.forEach((row, r) => {
      if (row && row.length > start) rowForWrite(sheet, r).splice(start, count);
    });
    sheet.colMeta.splice(start, count);
    g.columnCount -= count;
    if (g.frozenColumnCount && g.frozenColumnCount > g.columnCount) g.frozenColumnCount = g.columnCount;
  }
  shiftLayout(sheet, dim, deleteShift(start, end));
  shiftFormulas(ss, sheet, dim, deleteShift(start, end));
}

function moveItems<T>(list: (T | undefined)[], start: number, end: number, dest: number): void {
  while (list.length < Math.max(end, dest)) list.push(undefined);
  const moved = list.splice(start, end - start);
  const at = dest > start ? dest - moved.length : dest;
  list.splice(at, 0, ...moved);
}

/** moveDimension: `dest` is in the coordinates before the source is removed, as documented. */
export function moveRows(sheet: SheetState, dim: Dim, start: number, end: number, dest: number): void {
  if (dim === 'ROWS') {
    moveItems(sheet.rows, start, end, dest);
    moveItems(sheet.rowMeta, start, end, dest);
    trimRows(sheet);
  } else {
    sheet.rows.forEach((row, r) => {
      if (row && row.length > Math.min(start, dest)) {
        const line = rowForWrite(sheet, r);
        moveItems(line, start, end, dest);
        while (line.length && line[line.length - 1] === undefined) line.pop();
      }
    });
    moveItems(sheet.colMeta, start, end, dest);
  }
}
