/** spreadsheets.create, spreadsheets.get and spreadsheets.batchUpdate. */
import { randomBytes, randomInt } from 'node:crypto';
import { MAX_COLUMNS } from './a1.js';
import { clearWindow, deleteDimension, insertDimension, resolveRange } from './grid.js';
import {
  asObject,
  checkWorkbookLimit,
  findSheetByTitle,
  invalid,
  newSheet,
  publicSheetProperties,
  reindex,
  type SheetProperties,
  type SheetState,
  type SpreadsheetState,
} from './model.js';
import { applyMask, dimensionRange, NO_OP_REQUESTS, requireInt, validateSheetIds } from './requests.js';
import type { Store } from './store.js';

export function spreadsheetJson(ss: SpreadsheetState, baseUrl: string, sheets = ss.sheets) {
  return {
    spreadsheetId: ss.spreadsheetId,
    properties: ss.properties,
    sheets: sheets.map((s) => ({ properties: publicSheetProperties(s.properties) })),
    spreadsheetUrl: `${baseUrl}_emulator/spreadsheets/${encodeURIComponent(ss.spreadsheetId)}`,
  };
}

/** POST v4/spreadsheets. `fixedId` is for the emulator's own seeding endpoint (idempotent). */
export function createSpreadsheet(store: Store, body: unknown, baseUrl: string, fixedId?: string) {
  if (fixedId !== undefined && store.has(fixedId)) return spreadsheetJson(store.get(fixedId), baseUrl);
  const b = asObject(body);
  const props = asObject(b.properties);
  const ss: SpreadsheetState = {
    spreadsheetId: fixedId ?? randomBytes(33).toString('base64url'),
    properties: {
      ...props,
      title: typeof props.title === 'string' && props.title ? props.title : 'Untitled spreadsheet',
      locale: typeof props.locale === 'string' ? props.locale : 'en_US',
      timeZone: typeof props.timeZone === 'string' ? props.timeZone : 'Etc/GMT',
      autoRecalc: typeof props.autoRecalc === 'string' ? props.autoRecalc : 'ON_CHANGE',
    },
    sheets: [],
    revision: 0,
  };
  const sheets = b.sheets === undefined ? [] : b.sheets;
  if (!Array.isArray(sheets)) throw invalid("Invalid value at 'spreadsheet.sheets': expected a list.");
  sheets.forEach((s, i) => {
    const p = asObject(asObject(s).properties);
    addSheet(ss, { ...p, sheetId: p.sheetId ?? (i === 0 ? 0 : undefined) }, `Invalid sheets[${i}]`);
  });
  if (ss.sheets.length === 0) addSheet(ss, { sheetId: 0 }, 'Invalid sheets[0]');
  store.add(ss);
  return spreadsheetJson(ss, baseUrl);
}

/** GET v4/spreadsheets/{id}; `ranges` limits the sheets returned, grid data is never included. */
export function getSpreadsheet(store: Store, id: string, q: URLSearchParams, baseUrl: string) {
  const ss = store.get(id);
  const ranges = q.getAll('ranges');
  if (ranges.length === 0) return spreadsheetJson(ss, baseUrl);
  const wanted = new Set(ranges.map((t) => resolveRange(ss, t).sheet));
  return spreadsheetJson(
    ss,
    baseUrl,
    ss.sheets.filter((s) => wanted.has(s)),
  );
}

export function batchUpdateSpreadsheet(store: Store, id: string, body: unknown, baseUrl: string) {
  const b = asObject(body);
  const requests = b.requests ?? [];
  if (!Array.isArray(requests)) throw invalid("Invalid value at 'requests': expected a list.");
  return store.mutate(id, (ss) => {
    const replies = requests.map((req, i) => applyRequest(ss, req, i));
    const out: Record<string, unknown> = { spreadsheetId: id, replies };
    if (b.includeSpreadsheetInResponse === true) out.updatedSpreadsheet = spreadsheetJson(ss, baseUrl);
    return out;
  });
}

function findSheetById(ss: SpreadsheetState, sheetId: unknown, where: string): SheetState {
  const idNum = sheetId ?? 0; // proto3: an omitted sheetId is 0
  const sheet = ss.sheets.find((s) => s.properties.sheetId === idNum);
  if (!sheet) throw invalid(`${where}: No grid with id: ${String(idNum)}`);
  return sheet;
}

function titleTaken(ss: SpreadsheetState, title: string, except?: SheetState): boolean {
  const other = findSheetByTitle(ss, title);
  return (
    other !== undefined && other !== except && other.properties.title.toLowerCase() === title.toLowerCase()
  );
}

function checkTitle(ss: SpreadsheetState, title: unknown, where: string, except?: SheetState): string {
  if (typeof title !== 'string' || title.trim() === '')
    throw invalid(`${where}: Sheet title must not be empty.`);
  if (titleTaken(ss, title, except)) {
    throw invalid(`${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  return title;
}

function checkGrid(sheet: SheetState, where: string): void {
  const g = sheet.properties.gridProperties;
  requireInt(g.rowCount, `${where}: rowCount`, 1);
  requireInt(g.columnCount, `${where}: columnCount`, 1);
  if (g.columnCount > MAX_COLUMNS) throw invalid(`${where}: columnCount exceeds ${MAX_COLUMNS}.`);
  if ((g.frozenRowCount ?? 0) >= g.rowCount)
    throw invalid(`${where}: You can't freeze all visible rows on the sheet.`);
  if ((g.frozenColumnCount ?? 0) >= g.columnCount) {
    throw invalid(`${where}: You can't freeze all visible columns on the sheet.`);
  }
}

function addSheet(ss: SpreadsheetState, props: Record<string, unknown>, where: string): SheetState {
  let title = props.title;
  if (title === undefined) {
    let n = ss.sheets.length + 1;
    while (titleTaken(ss, `Sheet${n}`)) n += 1;
    title = `Sheet${n}`;
  }
  let sheetId = props.sheetId;
  if (sheetId === undefined) {
    do sheetId = randomInt(1, 2_000_000_000);
    while (ss.sheets.some((s) => s.properties.sheetId === sheetId));
  }
  requireInt(sheetId, `${where}: sheetId`, 0);
  if (ss.sheets.some((s) => s.properties.sheetId === sheetId)) {
    throw invalid(`${where}: A sheet with the id ${String(sheetId)} already exists.`);
  }
  const index = props.index ?? ss.sheets.length;
  requireInt(index, `${where}: index`, 0);
  const sheet = newSheet({
    ...(props as Partial<SheetProperties>),
    sheetId: sheetId as number,
    title: checkTitle(ss, title, where),
    index: Math.min(index as number, ss.sheets.length),
    gridProperties: asObject(props.gridProperties) as SheetProperties['gridProperties'],
  });
  checkGrid(sheet, where);
  ss.sheets.splice(sheet.properties.index, 0, sheet);
  reindex(ss);
  checkWorkbookLimit(ss);
  return sheet;
}

function updateSheetProperties(ss: SpreadsheetState, p: Record<string, unknown>, where: string): void {
  const props = asObject(p.properties);
  const sheet = findSheetById(ss, props.sheetId, where);
  const before = { ...sheet.properties, gridProperties: { ...sheet.properties.gridProperties } };
  applyMask(sheet.properties, props, p.fields, where, ['sheetId', 'sheetType']);
  const now = sheet.properties;
  now.gridProperties = { ...asObject(now.gridProperties) } as SheetProperties['gridProperties'];
  now.gridProperties.rowCount ||= before.gridProperties.rowCount;
  now.gridProperties.columnCount ||= before.gridProperties.columnCount;
  if (now.title !== before.title) checkTitle(ss, now.title, where, sheet);
  checkGrid(sheet, where);
  const { rowCount, columnCount } = now.gridProperties;
  clearWindow(sheet, { r0: rowCount, c0: 0, r1: Number.POSITIVE_INFINITY, c1: Number.POSITIVE_INFINITY });
  clearWindow(sheet, { r0: 0, c0: columnCount, r1: Number.POSITIVE_INFINITY, c1: Number.POSITIVE_INFINITY });
  if (now.index !== before.index) {
    requireInt(now.index, `${where}: index`, 0);
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    ss.sheets.splice(Math.min(now.index, ss.sheets.length), 0, sheet);
    reindex(ss);
  }
  checkWorkbookLimit(ss);
}

function applyRequest(ss: SpreadsheetState, raw: unknown, i: number): Record<string, unknown> {
  const req = asObject(raw);
  const kinds = Object.keys(req);
  if (kinds.length !== 1) throw invalid(`Invalid requests[${i}]: exactly one kind of request must be set.`);
  const kind = kinds[0] as string;
  const p = asObject(req[kind]);
  const where = `Invalid requests[${i}].${kind}`;
  switch (kind) {
    case 'addSheet': {
      const sheet = addSheet(ss, asObject(p.properties), where);
      return { addSheet: { properties: publicSheetProperties(sheet.properties) } };
    }
    case 'deleteSheet': {
      const sheet = findSheetById(ss, p.sheetId, where);
      if (ss.sheets.length === 1) throw invalid(`${where}: You can't remove all the sheets in a document.`);
      ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
      reindex(ss);
      return {};
    }
    case 'updateSheetProperties':
      updateSheetProperties(ss, p, where);
      return {};
    case 'updateSpreadsheetProperties':
      applyMask(ss.properties, asObject(p.properties), p.fields, where, []);
      if (typeof ss.properties.title !== 'string') ss.properties.title = 'Untitled spreadsheet';
      return {};
    case 'appendDimension': {
      const sheet = findSheetById(ss, p.sheetId, where);
      const length = requireInt(p.length, `${where}: length`, 1);
      const g = sheet.properties.gridProperties;
      if (p.dimension === 'ROWS') g.rowCount += length;
      else if (p.dimension === 'COLUMNS') g.columnCount += length;
      else throw invalid(`${where}: dimension must be ROWS or COLUMNS.`);
      checkGrid(sheet, where);
      checkWorkbookLimit(ss);
      return {};
    }
    case 'insertDimension':
    case 'deleteDimension': {
      const d = dimensionRange(p.range, where);
      const sheet = findSheetById(ss, d.sheetId, where);
      const g = sheet.properties.gridProperties;
      const count = d.dimension === 'ROWS' ? g.rowCount : g.columnCount;
      const name = d.dimension === 'ROWS' ? 'rows' : 'columns';
      if (kind === 'insertDimension') {
        if (d.startIndex > count) throw invalid(`${where}: startIndex is beyond the end of the sheet.`);
        insertDimension(sheet, d.dimension, d.startIndex, d.endIndex - d.startIndex);
      } else {
        if (d.endIndex > count) throw invalid(`${where}: endIndex is beyond the end of the sheet.`);
        if (d.startIndex === 0 && d.endIndex === count) {
          throw invalid(`${where}: You can't delete all the ${name} on the sheet.`);
        }
        deleteDimension(sheet, d.dimension, d.startIndex, d.endIndex);
      }
      checkGrid(sheet, where);
      checkWorkbookLimit(ss);
      return {};
    }
    case 'addProtectedRange': {
      validateSheetIds(ss, p, where);
      const protectedRange = { ...asObject(p.protectedRange), protectedRangeId: randomInt(1, 2_000_000_000) };
      return { addProtectedRange: { protectedRange } };
    }
    default:
      if (!NO_OP_REQUESTS.has(kind)) {
        throw invalid(`${where}: this request kind is not supported by the Sheets emulator.`);
      }
      validateSheetIds(ss, p, where);
      return {};
  }
}
