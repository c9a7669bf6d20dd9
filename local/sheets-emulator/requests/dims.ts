/** Row and column requests: insert, delete, move, sort, size, insertRange/deleteRange. */

import { type Dim, deleteRows, insertRows, moveRows } from '../dimensions.js';
import { DIMENSION_PROPERTIES } from '../fields.js';
import { FErr, type Scalar } from '../formula/value.js';
import { rowForWrite, trimRows } from '../grid.js';
import {
  asObject,
  checkWorkbookLimit,
  type DimMeta,
  findSheetById,
  invalid,
  type Json,
  requireInt,
  type SheetState,
  type SpreadsheetState,
} from '../model.js';
import { Calc } from '../render.js';
import { applyMask } from './mask.js';
import { checkGrid } from './sheets.js';

export interface DimensionRange {
  sheetId: number;
  dimension: Dim;
  startIndex: number;
  endIndex: number;
}

function dimensionRange(ss: SpreadsheetState, raw: unknown, where: string): [SheetState, DimensionRange] {
  const r = asObject(raw);
  if (r.dimension !== 'ROWS' && r.dimension !== 'COLUMNS') {
    throw invalid(`${where}: range.dimension must be ROWS or COLUMNS.`);
  }
  const sheet = findSheetById(ss, r.sheetId, where);
  const g = sheet.properties.gridProperties;
  const count = r.dimension === 'ROWS' ? g.rowCount : g.columnCount;
  const startIndex = requireInt(r.startIndex ?? 0, `${where}: range.startIndex`, 0);
  const endIndex = requireInt(r.endIndex ?? count, `${where}: range.endIndex`, startIndex + 1);
  return [sheet, { sheetId: sheet.properties.sheetId, dimension: r.dimension, startIndex, endIndex }];
}

/** A GridRange resolved against its sheet (open ends = the grid's edge). */
export function gridRange(ss: SpreadsheetState, raw: unknown, where: string) {
  const r = asObject(raw);
  const sheet = findSheetById(ss, r.sheetId, where);
  const g = sheet.properties.gridProperties;
  const w = {
    r0: requireInt(r.startRowIndex ?? 0, `${where}: startRowIndex`, 0),
    r1: requireInt(r.endRowIndex ?? g.rowCount, `${where}: endRowIndex`, 0) - 1,
    c0: requireInt(r.startColumnIndex ?? 0, `${where}: startColumnIndex`, 0),
    c1: requireInt(r.endColumnIndex ?? g.columnCount, `${where}: endColumnIndex`, 0) - 1,
  };
  if (w.r1 >= g.rowCount || w.c1 >= g.columnCount) {
    throw invalid(
      `${where}: Range exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`,
    );
  }
  return { sheet, ...w };
}

const dimCount = (sheet: SheetState, dim: Dim) =>
  dim === 'ROWS' ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;

/** Sheets' sort order: numbers, then text (case-insensitive), then booleans; blanks always last. */
function compareForSort(a: Scalar, b: Scalar): number {
  const blank = (v: Scalar) => v === null || v === '';
  if (blank(a) || blank(b)) return blank(a) === blank(b) ? 0 : blank(a) ? 1 : -1;
  const rank = (v: Scalar) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : v instanceof FErr ? 3 : 2;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string')
    return a.localeCompare(b, undefined, { sensitivity: 'base' });
  return Number(a === true) - Number(b === true);
}

function sortRange(ss: SpreadsheetState, p: Json, where: string, now: () => number): void {
  const { sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where);
  const specs = (Array.isArray(p.sortSpecs) ? p.sortSpecs : []).map((raw, k) => {
    const s = asObject(raw);
    const col = requireInt(s.dimensionIndex ?? 0, `${where}: sortSpecs[${k}].dimensionIndex`, 0);
    if (col < c0 || col > c1) throw invalid(`${where}: sortSpecs[${k}].dimensionIndex is outside the range.`);
    const order = s.sortOrder ?? 'ASCENDING';
    if (order !== 'ASCENDING' && order !== 'DESCENDING') {
      throw invalid(
        `Invalid value at 'requests[].sort_range.sort_specs[${k}].sort_order' (TYPE_ENUM), "${String(order)}"`,
      );
    }
    return { col, sign: order === 'ASCENDING' ? 1 : -1 };
  });
  if (specs.length === 0) throw invalid(`${where}: sortSpecs must not be empty.`);
  const calc = new Calc(ss, now);
  const last = Math.min(r1, sheet.rows.length - 1);
  const lines = [];
  for (let r = r0; r <= last; r += 1) {
    lines.push({
      keys: specs.map((s) => calc.value(sheet, r, s.col)),
      cells: sheet.rows[r]?.slice(c0, c1 + 1) ?? [],
    });
  }
  // Stable: equal rows keep their order. Blanks stay last whatever the direction.
  lines.sort((x, y) => {
    for (let k = 0; k < specs.length; k += 1) {
      const a = x.keys[k] as Scalar;
      const b = y.keys[k] as Scalar;
      const blankA = a === null || a === '';
      const blankB = b === null || b === '';
      const d = blankA || blankB ? compareForSort(a, b) : compareForSort(a, b) * (specs[k]?.sign ?? 1);
      if (d !== 0) return d;
    }
    return 0;
  });
  lines.forEach((line, i) => {
    const r = r0 + i;
    if (!line.cells.length && !sheet.rows[r]) return;
    const row = rowForWrite(sheet, r);
    for (let c = c0; c <= c1; c += 1) row[c] = line.cells[c - c0];
    while (row.length && row[row.length - 1] === undefined) row.pop();
  });
  trimRows(sheet);
}

/** insertRange / deleteRange: cells of the range's columns (or rows) shift; nothing else moves. */
function shiftCells(ss: SpreadsheetState, p: Json, where: string, insert: boolean): void {
  const { sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where);
  const dim = p.shiftDimension;
  if (dim !== 'ROWS' && dim !== 'COLUMNS') throw invalid(`${where}: shiftDimension must be ROWS or COLUMNS.`);
  const g = sheet.properties.gridProperties;
  if (dim === 'ROWS') {
    const n = r1 - r0 + 1;
    const height = Math.max(sheet.rows.length, r0);
    const col = (r: number, c: number) => sheet.rows[r]?.[c];
    for (let c = c0; c <= c1; c += 1) {
      const column = [];
      for (let r = r0; r < height + n; r += 1) column.push(col(r, c));
      const shifted = insert ? [...Array(n).fill(undefined), ...column] : column.slice(n);
      shifted.forEach((cell, k) => {
        if (cell !== undefined || col(r0 + k, c) !== undefined) rowForWrite(sheet, r0 + k)[c] = cell;
      });
    }
    if (insert) g.rowCount += n;
  } else {
    const n = c1 - c0 + 1;
    for (let r = r0; r <= Math.min(r1, sheet.rows.length - 1); r += 1) {
      if (!sheet.rows[r] || (sheet.rows[r]?.length ?? 0) <= c0) continue;
      const row = rowForWrite(sheet, r);
      if (insert) row.splice(c0, 0, ...Array(n).fill(undefined));
      else row.splice(c0, n);
    }
    if (insert) g.columnCount += n;
  }
  for (const row of sheet.rows) while (row?.length && row[row.length - 1] === undefined) row.pop();
  trimRows(sheet);
  checkWorkbookLimit(ss);
}

type Handler = (ss: SpreadsheetState, p: Json, where: string, now: () => number) => Json;

export const DIMENSION_REQUESTS: Record<string, Handler> = {
  insertDimension: (ss, p, where) => {
    const [sheet, d] = dimensionRange(ss, p.range, where);
    if (d.startIndex > dimCount(sheet, d.dimension)) {
      throw invalid(`${where}: startIndex is beyond the end of the sheet.`);
    }
    const before = p.inheritFromBefore === true;
    if (before && d.startIndex === 0) {
      throw invalid(`${where}: Cannot inherit from before when inserting at the start of the sheet.`);
    }
    // Inherit from the row (column) before, or from the one now at startIndex (which moves down).
    const count = dimCount(sheet, d.dimension);
    const from = before ? d.startIndex - 1 : d.startIndex < count ? d.startIndex : undefined;
    insertRows(ss, sheet, d.dimension, d.startIndex, d.endIndex - d.startIndex, from);
    checkGrid(sheet, where);
    checkWorkbookLimit(ss);
    return {};
  },
  deleteDimension: (ss, p, where) => {
    const [sheet, d] = dimensionRange(ss, p.range, where);
    const count = dimCount(sheet, d.dimension);
    if (d.endIndex > count) throw invalid(`${where}: endIndex is beyond the end of the sheet.`);
    if (d.startIndex === 0 && d.endIndex === count) {
      throw invalid(
        `${where}: You can't delete all the ${d.dimension === 'ROWS' ? 'rows' : 'columns'} on the sheet.`,
      );
    }
    deleteRows(ss, sheet, d.dimension, d.startIndex, d.endIndex);
    checkGrid(sheet, where);
    return {};
  },
  moveDimension: (ss, p, where) => {
    const [sheet, d] = dimensionRange(ss, p.source, where);
    const count = dimCount(sheet, d.dimension);
    const dest = requireInt(p.destinationIndex, `${where}: destinationIndex`, 0);
    if (d.endIndex > count || dest > count) throw invalid(`${where}: index is beyond the end of the sheet.`);
    if (dest > d.startIndex && dest < d.endIndex) {
      throw invalid(`${where}: destinationIndex must not lie inside the source range.`);
    }
    moveRows(sheet, d.dimension, d.startIndex, d.endIndex, dest);
    return {};
  },
  updateDimensionProperties: (ss, p, where) => {
    const [sheet, d] = dimensionRange(ss, p.range, where);
    const props = asObject(p.properties);
    const list = d.dimension === 'ROWS' ? sheet.rowMeta : sheet.colMeta;
    for (let i = d.startIndex; i < d.endIndex; i += 1) {
      const meta: DimMeta = { ...list[i] };
      applyMask(meta, props, p.fields, where, DIMENSION_PROPERTIES, ['developerMetadata', 'hiddenByFilter']);
      list[i] = meta;
    }
    return {};
  },
  autoResizeDimensions: (ss, p, where) => {
    dimensionRange(ss, p.dimensions, where);
    return {};
  },
  sortRange: (ss, p, where, now) => {
    sortRange(ss, p, where, now);
    return {};
  },
  insertRange: (ss, p, where) => {
    shiftCells(ss, p, where, true);
    return {};
  },
  deleteRange: (ss, p, where) => {
    shiftCells(ss, p, where, false);
    return {};
  },
};
