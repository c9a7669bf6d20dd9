/**
 * Field masks in both spellings Google accepts: `sheets.properties.title,sheets.data` and
 * `sheets(properties(title),data)`. Names are checked against the documented resources; an unknown
 * name (or a space after a comma) is answered 400 "Request contains an invalid argument.", as the
 * live API does.
 */
import { invalid, type Json } from './model.js';

export type Mask = Map<string, Mask | true>;
export type Schema = { [key: string]: Schema | true };

const color: Schema = { red: true, green: true, blue: true, alpha: true };
const colorStyle: Schema = { rgbColor: color, themeColor: true };
const gridRange: Schema = {
  sheetId: true,
  startRowIndex: true,
  endRowIndex: true,
  startColumnIndex: true,
  endColumnIndex: true,
};
const textFormat: Schema = {
  foregroundColor: color,
  foregroundColorStyle: colorStyle,
  fontFamily: true,
  fontSize: true,
  bold: true,
  italic: true,
  strikethrough: true,
  underline: true,
  link: true,
};
const cellFormat: Schema = {
  numberFormat: { type: true, pattern: true },
  backgroundColor: color,
  backgroundColorStyle: colorStyle,
  borders: true,
  padding: true,
  horizontalAlignment: true,
  verticalAlignment: true,
  wrapStrategy: true,
  textDirection: true,
  textFormat,
  hyperlinkDisplayType: true,
  textRotation: true,
};
const developerMetadata: Schema = {
  metadataId: true,
  metadataKey: true,
  metadataValue: true,
  location: true,
  visibility: true,
};
const dimensionProperties: Schema = {
  hiddenByFilter: true,
  hiddenByUser: true,
  pixelSize: true,
  developerMetadata,
  dataSourceColumnReference: true,
};
export const CELL_DATA: Schema = {
  userEnteredValue: true,
  effectiveValue: true,
  formattedValue: true,
  userEnteredFormat: cellFormat,
  effectiveFormat: cellFormat,
  hyperlink: true,
  note: true,
  textFormatRuns: true,
  dataValidation: true,
  pivotTable: true,
  dataSourceTable: true,
  dataSourceFormula: true,
  chipRuns: true,
};
export const SHEET_PROPERTIES: Schema = {
  sheetId: true,
  title: true,
  index: true,
  sheetType: true,
  gridProperties: {
    rowCount: true,
    columnCount: true,
    frozenRowCount: true,
    frozenColumnCount: true,
    hideGridlines: true,
    rowGroupControlAfter: true,
    columnGroupControlAfter: true,
  },
  hidden: true,
  tabColor: color,
  tabColorStyle: colorStyle,
  rightToLeft: true,
  dataSourceSheetProperties: true,
};
export const SPREADSHEET_PROPERTIES: Schema = {
  title: true,
  locale: true,
  autoRecalc: true,
  timeZone: true,
  defaultFormat: cellFormat,
  iterativeCalculationSettings: true,
  spreadsheetTheme: true,
  importFunctionsExternalUrlAccessAllowed: true,
};
export const DIMENSION_PROPERTIES = dimensionProperties;
const SPREADSHEET: Schema = {
  spreadsheetId: true,
  properties: SPREADSHEET_PROPERTIES,
  sheets: {
    properties: SHEET_PROPERTIES,
    data: {
      startRow: true,
      startColumn: true,
      rowData: { values: CELL_DATA },
      rowMetadata: dimensionProperties,
      columnMetadata: dimensionProperties,
    },
    merges: gridRange,
    conditionalFormats: true,
    filterViews: true,
    protectedRanges: true,
    basicFilter: true,
    charts: true,
    bandedRanges: true,
    developerMetadata,
    rowGroups: true,
    columnGroups: true,
    slicers: true,
    tables: true,
  },
  namedRanges: true,
  spreadsheetUrl: true,
  developerMetadata,
  dataSources: true,
  dataSourceSchedules: true,
};

const badMask = () => invalid('Request contains an invalid argument.');

/** Parses a mask; `schema` names the resource it applies to. */
export function parseMask(text: string, schema: Schema | true = SPREADSHEET): Mask {
  let i = 0;
  function list(node: Schema | true): Mask {
    const out: Mask = new Map();
    for (;;) {
      const m = /^(\*|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(text.slice(i));
      if (!m) throw badMask();
      i += m[0].length;
      let cur: Mask = out;
      let sch: Schema | true = node;
      const names = m[0].split('.');
      names.forEach((name, k) => {
        if (name !== '*' && sch !== true && !(name in sch)) throw badMask();
        const nextSchema: Schema | true = name === '*' || sch === true ? true : (sch[name] as Schema | true);
        const last = k === names.length - 1;
        if (last && text[i] !== '(') {
          cur.set(name, true);
          return;
        }
        let child = cur.get(name);
        if (child === true) return;
        if (!child) {
          child = new Map();
          cur.set(name, child);
        }
        cur = child;
        sch = nextSchema;
      });
      if (text[i] === '(') {
        i += 1;
        for (const [k, v] of list(sch)) cur.set(k, v);
        if (text[i] !== ')') throw badMask();
        i += 1;
      }
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      return out;
    }
  }
  const mask = list(schema);
  if (i !== text.length) throw badMask();
  return mask;
}

/** Keeps only what the mask names (arrays are masked element by element). */
export function prune(value: unknown, mask: Mask | true): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, mask));
  if (mask.get('*') === true) return value;
  const out: Json = {};
  for (const [k, sub] of mask) {
    const v = (value as Json)[k];
    if (v !== undefined) out[k] = prune(v, sub);
  }
  return out;
}

/** True when the mask selects `path` or anything below it. */
export function selects(mask: Mask | true | undefined, ...path: string[]): boolean {
  let cur: Mask | true | undefined = mask;
  for (const name of path) {
    if (cur === undefined) return false;
    if (cur === true || cur.get('*') === true) return true;
    cur = cur.get(name);
  }
  return cur !== undefined;
}
