/** GridData for `spreadsheets.get` with includeGridData (or a field mask naming sheets.data). */
import { type Mask, selects } from './fields.js';
import { FErr, type Scalar } from './formula/value.js';
import type { Window } from './grid.js';
import type { Cell, DimMeta, Json, SheetState } from './model.js';
import { type Calc, formattedText } from './render.js';

export const DEFAULT_ROW_PX = 21;
export const DEFAULT_COLUMN_PX = 100;

const DEFAULT_FORMAT: Json = {
  backgroundColor: { red: 1, green: 1, blue: 1 },
  padding: { top: 2, right: 3, bottom: 2, left: 3 },
  verticalAlignment: 'BOTTOM',
  wrapStrategy: 'OVERFLOW_CELL',
  textFormat: {
    foregroundColor: {},
    fontFamily: 'arial,sans,sans-serif',
    fontSize: 10,
    bold: false,
    italic: false,
    strikethrough: false,
    underline: false,
  },
  hyperlinkDisplayType: 'PLAIN_TEXT',
};

function merge(base: Json, over: Json | undefined): Json {
  if (!over) return base;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      b && typeof b === 'object' && !Array.isArray(b) && v && typeof v === 'object' && !Array.isArray(v)
        ? merge(b as Json, v as Json)
        : v;
  }
  return out;
}

export function extendedValue(v: Scalar): Json | undefined {
  if (v === null || v === '') return undefined;
  if (v instanceof FErr) {
    const type = v.code
      .replace(/[#!?/]/g, '')
      .replace('DIV0', 'DIVIDE_BY_ZERO')
      .replace('NA', 'N_A');
    return { errorValue: { type, message: v.message } };
  }
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { stringValue: v };
}

function cellData(calc: Calc, sheet: SheetState, r: number, c: number, cell: Cell, mask: Mask | true): Json {
  const out: Json = {};
  const want = (name: string) => mask === true || selects(mask, name);
  if (want('userEnteredValue')) {
    const v = cell.f !== undefined ? { formulaValue: cell.f } : extendedValue(cell.v ?? null);
    if (v) out.userEnteredValue = v;
  }
  if (want('effectiveValue') || want('formattedValue')) {
    const value = cell.f === undefined ? (cell.v ?? null) : calc.value(sheet, r, c);
    const ev = extendedValue(value);
    if (ev && want('effectiveValue')) out.effectiveValue = ev;
    if (ev && want('formattedValue')) out.formattedValue = formattedText(cell, value);
  }
  if (cell.fmt && want('userEnteredFormat')) out.userEnteredFormat = cell.fmt;
  if (want('effectiveFormat') && (cell.fmt || cell.v !== undefined || cell.f !== undefined)) {
    out.effectiveFormat = merge(DEFAULT_FORMAT, cell.fmt);
  }
  if (cell.note !== undefined && want('note')) out.note = cell.note;
  if (cell.dv && want('dataValidation')) out.dataValidation = cell.dv;
  if (cell.fmt?.hyperlink !== undefined && want('hyperlink')) out.hyperlink = cell.fmt.hyperlink;
  return out;
}

export function dimensionJson(
  meta: DimMeta | undefined,
  fallbackPx: number,
  location: (m: Json) => Json,
): Json {
  const out: Json = { pixelSize: meta?.pixelSize ?? fallbackPx };
  if (meta?.hiddenByUser) out.hiddenByUser = true;
  if (meta?.developerMetadata?.length) out.developerMetadata = meta.developerMetadata.map(location);
  return out;
}

export function rowMetadataLocation(sheet: SheetState, dim: 'ROWS' | 'COLUMNS', index: number) {
  return (m: Json): Json => ({
    ...m,
    location: {
      locationType: dim === 'ROWS' ? 'ROW' : 'COLUMN',
      dimensionRange: {
        sheetId: sheet.properties.sheetId,
        dimension: dim,
        startIndex: index,
        endIndex: index + 1,
      },
    },
  });
}

export function gridData(calc: Calc, sheet: SheetState, w: Window, mask: Mask | true): Json {
  const out: Json = {};
  if (w.r0) out.startRow = w.r0;
  if (w.c0) out.startColumn = w.c0;
  const cellMask: Mask | true = mask === true ? true : (lookup(mask, 'rowData', 'values') ?? true);
  if (mask === true || selects(mask, 'rowData')) {
    const rowData: Json[] = [];
    const last = Math.min(w.r1, sheet.rows.length - 1);
    for (let r = w.r0; r <= last; r += 1) {
      const row = sheet.rows[r];
      const values: Json[] = [];
      if (row) {
        const end = Math.min(w.c1, row.length - 1);
        for (let c = w.c0; c <= end; c += 1) {
          const cell = row[c];
          values.push(cell ? cellData(calc, sheet, r, c, cell, cellMask) : {});
        }
      }
      while (values.length && Object.keys(values[values.length - 1] as Json).length === 0) values.pop();
      rowData.push(values.length ? { values } : {});
    }
    while (rowData.length && Object.keys(rowData[rowData.length - 1] as Json).length === 0) rowData.pop();
    if (rowData.length) out.rowData = rowData;
  }
  if (mask === true || selects(mask, 'rowMetadata')) {
    out.rowMetadata = [];
    for (let r = w.r0; r <= w.r1; r += 1) {
      (out.rowMetadata as Json[]).push(
        dimensionJson(sheet.rowMeta[r], DEFAULT_ROW_PX, rowMetadataLocation(sheet, 'ROWS', r)),
      );
    }
  }
  if (mask === true || selects(mask, 'columnMetadata')) {
    out.columnMetadata = [];
    for (let c = w.c0; c <= w.c1; c += 1) {
      (out.columnMetadata as Json[]).push(
        dimensionJson(sheet.colMeta[c], DEFAULT_COLUMN_PX, rowMetadataLocation(sheet, 'COLUMNS', c)),
      );
    }
  }
  return out;
}

function lookup(mask: Mask, ...path: string[]): Mask | true | undefined {
  let cur: Mask | true | undefined = mask;
  for (const name of path) {
    if (cur === undefined || cur === true) return cur;
    if (cur.get('*') === true) return true;
    cur = cur.get(name);
  }
  return cur;
}
