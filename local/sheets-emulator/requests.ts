/** Helpers for spreadsheets.batchUpdate requests: field masks, dimension ranges, validation. */
import { invalid, type SpreadsheetState } from './model.js';

/**
 * Formatting, validation and protection requests the emulator accepts without modelling them
 * (empty reply), so code that formats the sheet runs unchanged. `updateCells` is among them:
 * values written that way are NOT stored - use spreadsheets.values.* for data.
 */
export const NO_OP_REQUESTS = new Set([
  'repeatCell',
  'updateCells',
  'setDataValidation',
  'addConditionalFormatRule',
  'updateConditionalFormatRule',
  'deleteConditionalFormatRule',
  'updateProtectedRange',
  'deleteProtectedRange',
  'updateDimensionProperties',
  'autoResizeDimensions',
  'updateBorders',
  'mergeCells',
  'unmergeCells',
  'setBasicFilter',
  'clearBasicFilter',
]);

export function requireInt(value: unknown, what: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(`${what} must be an integer >= ${min}, got ${JSON.stringify(value)}.`);
  }
  return value;
}

function getPath(source: unknown, path: string[]): unknown {
  let cur = source;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = target;
  for (const key of path.slice(0, -1)) {
    const next = cur[key];
    if (typeof next !== 'object' || next === null) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete cur[last];
  else cur[last] = structuredClone(value);
}

/**
 * Copies the fields named by a FieldMask (`title,gridProperties.frozenRowCount`, or `*`) from
 * `source` into `target`; a named field missing from `source` is reset (deleted), as in the API.
 */
export function applyMask(
  target: object,
  source: Record<string, unknown>,
  fields: unknown,
  where: string,
  immutable: string[],
): void {
  if (typeof fields !== 'string' || fields.trim() === '') {
    throw invalid(`${where}: At least one field must be updated, but 'fields' is empty.`);
  }
  const t = target as Record<string, unknown>;
  for (const raw of fields.split(',')) {
    const field = raw.trim();
    if (field === '') continue;
    if (field === '*') {
      for (const key of Object.keys(source)) if (!immutable.includes(key)) setPath(t, [key], source[key]);
      continue;
    }
    const path = field.split('.');
    if (immutable.includes(path[0] as string)) continue;
    setPath(t, path, getPath(source, path));
  }
}

export interface DimensionRange {
  sheetId: number;
  dimension: 'ROWS' | 'COLUMNS';
  startIndex: number;
  endIndex: number;
}

export function dimensionRange(raw: unknown, where: string): DimensionRange {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (r.dimension !== 'ROWS' && r.dimension !== 'COLUMNS') {
    throw invalid(`${where}: range.dimension must be ROWS or COLUMNS.`);
  }
  const startIndex = requireInt(r.startIndex ?? 0, `${where}: range.startIndex`, 0);
  const endIndex = requireInt(r.endIndex, `${where}: range.endIndex`, startIndex + 1);
  return {
    sheetId: requireInt(r.sheetId ?? 0, `${where}: range.sheetId`, 0),
    dimension: r.dimension,
    startIndex,
    endIndex,
  };
}

/** Every `sheetId` mentioned anywhere in a request must name an existing sheet. */
export function validateSheetIds(ss: SpreadsheetState, request: unknown, where: string): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sheetId' && !ss.sheets.some((s) => s.properties.sheetId === value)) {
        throw invalid(`${where}: No grid with id: ${String(value)}`);
      }
      visit(value);
    }
  };
  visit(request);
}
