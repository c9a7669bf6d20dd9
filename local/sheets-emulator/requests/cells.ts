/** Cell requests: repeatCell, updateCells, setDataValidation, updateBorders, mergeCells, unmergeCells. */
import { CELL_DATA } from '../fields.js';
import { getCell, growToFit, setCell } from '../grid.js';
import {
  type Cell,
  findSheetById,
  invalid,
  type Json,
  MAX_CELL_CHARS,
  requireInt,
  type SpreadsheetState,
} from '../model.js';
import { gridRange } from './dims.js';
import { applyMask, maskPaths } from './mask.js';

const READ_ONLY = ['effectiveValue', 'formattedValue', 'effectiveFormat', 'textFormatRuns'];

function toData(cell: Cell | undefined): Json {
  const out: Json = {};
  if (!cell) return out;
  if (cell.f !== undefined) out.userEnteredValue = { formulaValue: cell.f };
  else if (typeof cell.v === 'string') out.userEnteredValue = { stringValue: cell.v };
  else if (typeof cell.v === 'number') out.userEnteredValue = { numberValue: cell.v };
  else if (typeof cell.v === 'boolean') out.userEnteredValue = { boolValue: cell.v };
  if (cell.fmt) out.userEnteredFormat = cell.fmt;
  if (cell.dv) out.dataValidation = cell.dv;
  if (cell.note !== undefined) out.note = cell.note;
  return out;
}

function fromData(data: Json, where: string): Cell | undefined {
  const cell: Cell = {};
  const uev = data.userEnteredValue as Json | undefined;
  if (uev) {
    if (typeof uev.formulaValue === 'string') {
      if (!uev.formulaValue.startsWith('=')) throw invalid(`${where}: formulaValue must start with '='.`);
      cell.f = uev.formulaValue;
    } else if (typeof uev.stringValue === 'string') {
      if (uev.stringValue.length > MAX_CELL_CHARS) {
        throw invalid(
          `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
        );
      }
      if (uev.stringValue !== '') cell.v = uev.stringValue;
    } else if (typeof uev.numberValue === 'number') cell.v = uev.numberValue;
    else if (typeof uev.boolValue === 'boolean') cell.v = uev.boolValue;
    else if (Object.keys(uev).length) throw invalid(`${where}: unsupported userEnteredValue.`);
  }
  const fmt = data.userEnteredFormat as Json | undefined;
  if (fmt && Object.keys(fmt).length) cell.fmt = fmt;
  if (data.dataValidation) cell.dv = data.dataValidation as Json;
  if (typeof data.note === 'string' && data.note !== '') cell.note = data.note;
  return Object.keys(cell).length ? cell : undefined;
}

/** The cell with the masked CellData fields of `data` written over it. */
function writeFields(
  existing: Cell | undefined,
  data: Json,
  fields: unknown,
  where: string,
): Cell | undefined {
  const current = toData(existing);
  applyMask(current, data, fields, where, CELL_DATA, READ_ONLY);
  return fromData(current, where);
}

function checkFields(fields: unknown, where: string): void {
  for (const path of maskPaths(fields, where, CELL_DATA, {})) {
    if (path[0] === 'dataValidation' || path[0] === 'userEnteredFormat') continue;
    if (!['userEnteredValue', 'note', '*', ...READ_ONLY].includes(path[0] as string)) {
      throw invalid(`${where}: field ${path.join('.')} cannot be written by the Sheets emulator.`);
    }
  }
}

const VALIDATION_TYPES = new Set([
  'NUMBER_GREATER',
  'NUMBER_GREATER_THAN_EQ',
  'NUMBER_LESS',
  'NUMBER_LESS_THAN_EQ',
  'NUMBER_EQ',
  'NUMBER_NOT_EQ',
  'NUMBER_BETWEEN',
  'NUMBER_NOT_BETWEEN',
  'TEXT_CONTAINS',
  'TEXT_NOT_CONTAINS',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'TEXT_EQ',
  'TEXT_IS_EMAIL',
  'TEXT_IS_URL',
  'DATE_EQ',
  'DATE_BEFORE',
  'DATE_AFTER',
  'DATE_ON_OR_BEFORE',
  'DATE_ON_OR_AFTER',
  'DATE_BETWEEN',
  'DATE_NOT_BETWEEN',
  'DATE_IS_VALID',
  'ONE_OF_RANGE',
  'ONE_OF_LIST',
  'BLANK',
  'NOT_BLANK',
  'CUSTOM_FORMULA',
  'BOOLEAN',
  'TEXT_NOT_EQ',
  'DATE_NOT_EQ',
]);

type Handler = (ss: SpreadsheetState, p: Json, where: string) => Json;

export const CELL_REQUESTS: Record<string, Handler> = {
  repeatCell: (ss, p, where) => {
    const { sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where);
    checkFields(p.fields, where);
    const data = (p.cell ?? {}) as Json;
    for (let r = r0; r <= r1; r += 1) {
      for (let c = c0; c <= c1; c += 1)
        setCell(sheet, r, c, writeFields(getCell(sheet, r, c), data, p.fields, where));
    }
    return {};
  },
  updateCells: (ss, p, where) => {
    checkFields(p.fields, where);
    const rows = (Array.isArray(p.rows) ? p.rows : []) as Json[];
    let sheet: ReturnType<typeof gridRange>['sheet'];
    let r0: number;
    let c0: number;
    let r1: number;
    let c1: number;
    if (p.start) {
      const s = p.start as Json;
      sheet = findSheetById(ss, s.sheetId, where);
      r0 = requireInt(s.rowIndex ?? 0, `${where}: start.rowIndex`, 0);
      c0 = requireInt(s.columnIndex ?? 0, `${where}: start.columnIndex`, 0);
      r1 = r0 + rows.length - 1;
      c1 =
        c0 + rows.reduce((w, row) => Math.max(w, ((row.values as Json[] | undefined) ?? []).length), 0) - 1;
      if (r1 >= r0 && c1 >= c0) growToFit(ss, sheet, r1, c1);
    } else if (p.range) {
      ({ sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where));
    } else throw invalid(`${where}: one of start or range must be set.`);
    for (let r = r0; r <= r1; r += 1) {
      const values = ((rows[r - r0]?.values as Json[] | undefined) ?? []) as Json[];
      for (let c = c0; c <= c1; c += 1) {
        setCell(sheet, r, c, writeFields(getCell(sheet, r, c), values[c - c0] ?? {}, p.fields, where));
      }
    }
    return {};
  },
  setDataValidation: (ss, p, where) => {
    const { sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where);
    const rule = p.rule as Json | undefined;
    if (rule) {
      const type = (rule.condition as Json | undefined)?.type;
      if (typeof type !== 'string' || !VALIDATION_TYPES.has(type)) {
        throw invalid(`${where}: Invalid ConditionType ${String(type)} for data validation.`);
      }
    }
    for (let r = r0; r <= r1; r += 1) {
      for (let c = c0; c <= c1; c += 1) {
        const cell: Cell = { ...getCell(sheet, r, c) };
        if (rule) cell.dv = rule;
        else delete cell.dv;
        setCell(sheet, r, c, Object.keys(cell).length ? cell : undefined);
      }
    }
    return {};
  },
  updateBorders: (ss, p, where) => {
    const { sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where);
    const sides: [string, (r: number, c: number) => boolean][] = [
      ['top', (r) => r === r0],
      ['bottom', (r) => r === r1],
      ['left', (_r, c) => c === c0],
      ['right', (_r, c) => c === c1],
    ];
    for (let r = r0; r <= r1; r += 1) {
      for (let c = c0; c <= c1; c += 1) {
        const borders: Json = {};
        for (const [side, on] of sides) if (p[side] && on(r, c)) borders[side] = p[side];
        if (!Object.keys(borders).length) continue;
        const cell = getCell(sheet, r, c);
        const fmt = { ...cell?.fmt, borders: { ...(cell?.fmt?.borders as Json | undefined), ...borders } };
        setCell(sheet, r, c, { ...cell, fmt });
      }
    }
    return {};
  },
  mergeCells: (ss, p, where) => {
    const { sheet } = gridRange(ss, p.range, where);
    sheet.merges.push(structuredClone(p.range as Json));
    return {};
  },
  unmergeCells: (ss, p, where) => {
    const { sheet, r0, r1, c0, c1 } = gridRange(ss, p.range, where);
    sheet.merges = sheet.merges.filter((m) => {
      const mr0 = (m.startRowIndex as number) ?? 0;
      const mc0 = (m.startColumnIndex as number) ?? 0;
      const mr1 = ((m.endRowIndex as number) ?? Number.POSITIVE_INFINITY) - 1;
      const mc1 = ((m.endColumnIndex as number) ?? Number.POSITIVE_INFINITY) - 1;
      return mr1 < r0 || mr0 > r1 || mc1 < c0 || mc0 > c1;
    });
    return {};
  },
};
