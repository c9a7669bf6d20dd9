/** Sheet-level requests: addSheet, deleteSheet, updateSheetProperties, updateSpreadsheetProperties, appendDimension. */
import { randomInt } from 'node:crypto';
import { MAX_COLUMNS } from '../a1.js';
import { SHEET_PROPERTIES, SPREADSHEET_PROPERTIES } from '../fields.js';
import { setCell } from '../grid.js';
import {
  asObject,
  checkWorkbookLimit,
  findSheetById,
  findSheetByTitle,
  invalid,
  type Json,
  newSheet,
  publicSheetProperties,
  reindex,
  requireInt,
  type SheetProperties,
  type SheetState,
  type SpreadsheetState,
} from '../model.js';
import { applyMask } from './mask.js';

function titleTaken(ss: SpreadsheetState, title: string, except?: SheetState): boolean {
  const other = findSheetByTitle(ss, title);
  return (
    other !== undefined && other !== except && other.properties.title.toLowerCase() === title.toLowerCase()
  );
}

function checkTitle(ss: SpreadsheetState, title: unknown, where: string, except?: SheetState): string {
  if (typeof title !== 'string' || title.trim() === '') {
    throw invalid(`${where}: Sheet title must not be empty.`);
  }
  if (titleTaken(ss, title, except)) {
    throw invalid(`${where}: A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  return title;
}

export function checkGrid(sheet: SheetState, where: string): void {
  const g = sheet.properties.gridProperties;
  requireInt(g.rowCount, `${where}: rowCount`, 1);
  requireInt(g.columnCount, `${where}: columnCount`, 1);
  if (g.columnCount > MAX_COLUMNS) throw invalid(`${where}: columnCount exceeds ${MAX_COLUMNS}.`);
  if ((g.frozenRowCount ?? 0) >= g.rowCount) {
    throw invalid(`${where}: You can't freeze all visible rows on the sheet.`);
  }
  if ((g.frozenColumnCount ?? 0) >= g.columnCount) {
    throw invalid(`${where}: You can't freeze all visible columns on the sheet.`);
  }
}

export function addSheet(ss: SpreadsheetState, props: Json, where: string): SheetState {
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

function updateSheetProperties(ss: SpreadsheetState, p: Json, where: string): void {
  const props = asObject(p.properties);
  const sheet = findSheetById(ss, props.sheetId, where);
  const before = structuredClone(sheet.properties);
  applyMask(sheet.properties, props, p.fields, where, SHEET_PROPERTIES, ['sheetId', 'sheetType']);
  const now = sheet.properties;
  now.gridProperties = { ...asObject(now.gridProperties) } as SheetProperties['gridProperties'];
  now.gridProperties.rowCount ||= before.gridProperties.rowCount;
  now.gridProperties.columnCount ||= before.gridProperties.columnCount;
  if (now.title !== before.title) checkTitle(ss, now.title, where, sheet);
  checkGrid(sheet, where);
  const { rowCount, columnCount } = now.gridProperties;
  sheet.rows.length = Math.min(sheet.rows.length, rowCount);
  sheet.rowMeta.length = Math.min(sheet.rowMeta.length, rowCount);
  sheet.colMeta.length = Math.min(sheet.colMeta.length, columnCount);
  sheet.rows.forEach((row, r) => {
    if (row && row.length > columnCount) {
      for (let c = row.length - 1; c >= columnCount; c -= 1) setCell(sheet, r, c, undefined);
    }
  });
  if (now.index !== before.index) {
    requireInt(now.index, `${where}: index`, 0);
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    ss.sheets.splice(Math.min(now.index, ss.sheets.length), 0, sheet);
    reindex(ss);
  }
  checkWorkbookLimit(ss);
}

export const SHEET_REQUESTS: Record<string, (ss: SpreadsheetState, p: Json, where: string) => Json> = {
  addSheet: (ss, p, where) => {
    const sheet = addSheet(ss, asObject(p.properties), where);
    return { addSheet: { properties: publicSheetProperties(sheet.properties) } };
  },
  deleteSheet: (ss, p, where) => {
    const sheet = findSheetById(ss, p.sheetId, where);
    if (ss.sheets.length === 1) throw invalid(`${where}: You can't remove all the sheets in a document.`);
    ss.sheets.splice(ss.sheets.indexOf(sheet), 1);
    reindex(ss);
    return {};
  },
  updateSheetProperties: (ss, p, where) => {
    updateSheetProperties(ss, p, where);
    return {};
  },
  updateSpreadsheetProperties: (ss, p, where) => {
    applyMask(ss.properties, asObject(p.properties), p.fields, where, SPREADSHEET_PROPERTIES);
    if (typeof ss.properties.title !== 'string') ss.properties.title = 'Untitled spreadsheet';
    return {};
  },
  appendDimension: (ss, p, where) => {
    const sheet = findSheetById(ss, p.sheetId, where);
    const length = requireInt(p.length, `${where}: length`, 1);
    const g = sheet.properties.gridProperties;
    if (p.dimension === 'ROWS') g.rowCount += length;
    else if (p.dimension === 'COLUMNS') g.columnCount += length;
    else throw invalid(`${where}: dimension must be ROWS or COLUMNS.`);
    checkGrid(sheet, where);
    checkWorkbookLimit(ss);
    return {};
  },
};
