/** spreadsheets.create, spreadsheets.get (fields, ranges, includeGridData) and spreadsheets.batchUpdate. */
import { randomBytes } from 'node:crypto';
import type { Ctx } from './context.js';
import { type Mask, parseMask, prune, selects } from './fields.js';
import { clampToGrid, resolveRange, type Window } from './grid.js';
import { gridData } from './griddata.js';
import {
  asObject,
  invalid,
  type Json,
  publicSheetProperties,
  type SheetState,
  type SpreadsheetState,
} from './model.js';
import { Calc } from './render.js';
import { applyRequest } from './requests/index.js';
import { addSheet } from './requests/sheets.js';

interface ViewOptions {
  ranges?: string[];
  grid: boolean;
  mask?: Mask;
}

function sheetJson(calc: Calc, sheet: SheetState, windows: Window[] | undefined, opts: ViewOptions): Json {
  const out: Json = { properties: publicSheetProperties(sheet.properties) };
  const dataMask = opts.mask ? (opts.mask.get('sheets') as Mask | true | undefined) : undefined;
  const wantData = opts.mask ? selects(opts.mask, 'sheets', 'data') : opts.grid;
  if (wantData) {
    const g = sheet.properties.gridProperties;
    const full = { r0: 0, c0: 0, r1: g.rowCount - 1, c1: g.columnCount - 1 };
    const sub = dataMask === undefined || dataMask === true ? true : (dataMask.get('data') ?? true);
    out.data = (windows ?? [full]).map((w) => gridData(calc, sheet, w, sub));
  }
  if (sheet.merges.length) out.merges = sheet.merges;
  if (sheet.conditionalFormats.length) out.conditionalFormats = sheet.conditionalFormats;
  if (sheet.protectedRanges.length) out.protectedRanges = sheet.protectedRanges;
  if (sheet.basicFilter) out.basicFilter = sheet.basicFilter;
  if (sheet.charts.length) out.charts = sheet.charts;
  if (sheet.developerMetadata.length) {
    out.developerMetadata = sheet.developerMetadata.map((m) => ({
      ...m,
      location: { locationType: 'SHEET', sheetId: sheet.properties.sheetId },
    }));
  }
  return out;
}

export function spreadsheetJson(ctx: Ctx, ss: SpreadsheetState, opts: ViewOptions = { grid: false }): Json {
  const calc = new Calc(ss, ctx.now);
  let sheets: { sheet: SheetState; windows?: Window[] }[] = ss.sheets.map((sheet) => ({ sheet }));
  if (opts.ranges?.length) {
    const windows = new Map<SheetState, Window[]>();
    for (const text of opts.ranges) {
      const r = clampToGrid(resolveRange(ss, text));
      windows.set(r.sheet, [...(windows.get(r.sheet) ?? []), r]);
    }
    sheets = ss.sheets.filter((s) => windows.has(s)).map((sheet) => ({ sheet, windows: windows.get(sheet) }));
  }
  const out: Json = {
    spreadsheetId: ss.spreadsheetId,
    properties: ss.properties,
    sheets: sheets.map(({ sheet, windows }) => sheetJson(calc, sheet, windows, opts)),
  };
  if (ss.namedRanges.length) out.namedRanges = ss.namedRanges;
  out.spreadsheetUrl = `${ctx.baseUrl}grid/${encodeURIComponent(ss.spreadsheetId)}`;
  if (ss.developerMetadata.length) {
    out.developerMetadata = ss.developerMetadata.map((m) => ({
      ...m,
      location: { locationType: 'SPREADSHEET', spreadsheet: true },
    }));
  }
  return opts.mask ? (prune(out, opts.mask) as Json) : out;
}

/** POST v4/spreadsheets. `fixedId` is for the emulator's own seeding endpoint (idempotent). */
export function createSpreadsheet(ctx: Ctx, body: unknown, fixedId?: string) {
  const { store } = ctx;
  if (fixedId !== undefined && store.has(fixedId)) return spreadsheetJson(ctx, store.get(fixedId));
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
    developerMetadata: [],
    namedRanges: [],
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
  return spreadsheetJson(ctx, ss);
}

function viewOptions(fields: string | null | undefined, ranges: string[], grid: boolean): ViewOptions {
  const opts: ViewOptions = { ranges, grid };
  if (fields) opts.mask = parseMask(fields);
  return opts;
}

/** GET v4/spreadsheets/{id}. */
export function getSpreadsheet(ctx: Ctx, id: string, q: URLSearchParams) {
  const ss = ctx.store.get(id);
  return spreadsheetJson(
    ctx,
    ss,
    viewOptions(q.get('fields'), q.getAll('ranges'), q.get('includeGridData') === 'true'),
  );
}

export function batchUpdateSpreadsheet(ctx: Ctx, id: string, body: unknown) {
  const b = asObject(body);
  const requests = b.requests ?? [];
  if (!Array.isArray(requests)) throw invalid("Invalid value at 'requests': expected a list.");
  return ctx.store.mutate(id, (ss) => {
    const replies = requests.map((req, i) => applyRequest(ss, req, i, ctx.now));
    const out: Json = { spreadsheetId: id, replies };
    if (b.includeSpreadsheetInResponse === true) {
      const ranges = Array.isArray(b.responseRanges) ? (b.responseRanges as string[]) : [];
      out.updatedSpreadsheet = spreadsheetJson(
        ctx,
        ss,
        viewOptions(undefined, ranges, b.responseIncludeGridData === true),
      );
    }
    return out;
  });
}
