/** spreadsheets.values.* : get, batchGet, update, batchUpdate, append, clear, batchClear. */
import { formatA1, indexToColumn } from './a1.js';
import {
  checkInsideGrid,
  checkStartInsideGrid,
  clearWindow,
  findTable,
  insertDimension,
  type Resolved,
  rangeText,
  resolveRange,
} from './grid.js';
import {
  asObject,
  checkWorkbookLimit,
  invalid,
  parseInputOption,
  parseMajorDimension,
  parseRenderOption,
  type SpreadsheetState,
  type ValueInputOption,
  type ValueRenderOption,
} from './model.js';
import type { Store } from './store.js';
import { readValueRange, toRowMajor, type ValueRange, type Written, writeBlock } from './value-io.js';

interface ResponseOptions {
  include: boolean;
  render: ValueRenderOption;
}

function withData(
  ss: SpreadsheetState,
  written: Written | undefined,
  fallback: Resolved,
  resp: ResponseOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = { spreadsheetId: ss.spreadsheetId };
  if (written) Object.assign(out, written);
  else out.updatedRange = rangeText(fallback);
  if (resp.include) {
    out.updatedData = readValueRange(ss, written?.updatedRange ?? rangeText(fallback), 'ROWS', resp.render);
  }
  return out;
}

function writeRange(
  ss: SpreadsheetState,
  text: string,
  vr: Record<string, unknown>,
  option: ValueInputOption,
  resp: ResponseOptions,
): Record<string, unknown> {
  const r = resolveRange(ss, text);
  if (
    typeof vr.range === 'string' &&
    vr.range !== text &&
    rangeText(resolveRange(ss, vr.range)) !== rangeText(r)
  ) {
    throw invalid(`Requested writing within range [${text}], but the request body has range [${vr.range}]`);
  }
  checkStartInsideGrid(r);
  const rows = toRowMajor(vr.values, vr.majorDimension);
  const height = rows.length;
  const width = rows.reduce((w, l) => Math.max(w, l.length), 0);
  const within = `Requested writing within range [${rangeText(r)}], but tried writing to`;
  if (!r.anchor && r.a1.endRow !== undefined && height > r.r1 - r.r0 + 1) {
    throw invalid(`${within} row [${r.r0 + height}]`);
  }
  if (!r.anchor && r.a1.endCol !== undefined && width > r.c1 - r.c0 + 1) {
    throw invalid(`${within} column [${indexToColumn(r.c0 + width - 1)}]`);
  }
  return withData(ss, writeBlock(ss, r.sheet, r.r0, r.c0, rows, option), r, resp);
}

function responseOptions(include: unknown, render: unknown): ResponseOptions {
  return { include: include === true || include === 'true', render: parseRenderOption(render) };
}

export function getValues(store: Store, id: string, range: string, q: URLSearchParams): ValueRange {
  const major = parseMajorDimension(q.get('majorDimension') ?? undefined);
  return readValueRange(
    store.get(id),
    range,
    major,
    parseRenderOption(q.get('valueRenderOption') ?? undefined),
  );
}

export function batchGetValues(store: Store, id: string, q: URLSearchParams): Record<string, unknown> {
  const ss = store.get(id);
  const major = parseMajorDimension(q.get('majorDimension') ?? undefined);
  const render = parseRenderOption(q.get('valueRenderOption') ?? undefined);
  const ranges = q.getAll('ranges');
  const out: Record<string, unknown> = { spreadsheetId: id };
  if (ranges.length) out.valueRanges = ranges.map((t) => readValueRange(ss, t, major, render));
  return out;
}

export function updateValues(store: Store, id: string, range: string, q: URLSearchParams, body: unknown) {
  const option = parseInputOption(q.get('valueInputOption') ?? undefined);
  const resp = responseOptions(
    q.get('includeValuesInResponse'),
    q.get('responseValueRenderOption') ?? undefined,
  );
  const vr = asObject(body);
  return store.mutate(id, (ss) => writeRange(ss, range, vr, option, resp));
}

export function batchUpdateValues(store: Store, id: string, body: unknown): Record<string, unknown> {
  const b = asObject(body);
  const option = parseInputOption(b.valueInputOption);
  const resp = responseOptions(b.includeValuesInResponse, b.responseValueRenderOption);
  const data = b.data ?? [];
  if (!Array.isArray(data)) throw invalid("Invalid value at 'data': expected a list of ValueRange.");
  return store.mutate(id, (ss) => {
    const responses = data.map((item, i) => {
      const vr = asObject(item);
      if (typeof vr.range !== 'string') throw invalid(`Invalid data[${i}]: range is required.`);
      return writeRange(ss, vr.range, vr, option, resp);
    });
    const sum = (k: string) => responses.reduce((n, r) => n + (typeof r[k] === 'number' ? r[k] : 0), 0);
    const sheets = new Set(responses.map((r) => String(r.updatedRange).replace(/![^!]*$/, '')));
    return {
      spreadsheetId: id,
      totalUpdatedRows: sum('updatedRows'),
      totalUpdatedColumns: sum('updatedColumns'),
      totalUpdatedCells: sum('updatedCells'),
      totalUpdatedSheets: sheets.size,
      responses,
    };
  });
}

export function appendValues(store: Store, id: string, range: string, q: URLSearchParams, body: unknown) {
  const option = parseInputOption(q.get('valueInputOption') ?? undefined);
  const insert = q.get('insertDataOption') ?? 'OVERWRITE';
  if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS') {
    throw invalid(`Invalid value at 'insert_data_option' (TYPE_ENUM), "${insert}"`);
  }
  const resp = responseOptions(
    q.get('includeValuesInResponse'),
    q.get('responseValueRenderOption') ?? undefined,
  );
  const vr = asObject(body);
  return store.mutate(id, (ss) => {
    const r = resolveRange(ss, range);
    checkStartInsideGrid(r);
    const rows = toRowMajor(vr.values, vr.majorDimension);
    const singleColumn = r.a1.endCol !== undefined && r.c0 === r.c1;
    const table = findTable(r.sheet, r, singleColumn);
    const row = table ? table.r1 + 1 : r.r0;
    const col = table ? table.c0 : r.c0;
    if (insert === 'INSERT_ROWS' && rows.length) {
      insertDimension(r.sheet, 'ROWS', row, rows.length);
      checkWorkbookLimit(ss);
    }
    const written = writeBlock(ss, r.sheet, row, col, rows, option);
    const out: Record<string, unknown> = { spreadsheetId: id };
    if (table) out.tableRange = formatA1(r.sheet.properties.title, table.r0, table.c0, table.r1, table.c1);
    const at = { ...r, r0: row, c0: col, r1: row, c1: col };
    out.updates = withData(ss, written, at, resp);
    return out;
  });
}

export function clearValues(store: Store, id: string, range: string): Record<string, unknown> {
  return store.mutate(id, (ss) => ({ spreadsheetId: id, clearedRange: clearOne(ss, range) }));
}

export function batchClearValues(store: Store, id: string, body: unknown): Record<string, unknown> {
  const ranges = asObject(body).ranges ?? [];
  if (!Array.isArray(ranges) || ranges.some((t) => typeof t !== 'string')) {
    throw invalid("Invalid value at 'ranges': expected a list of strings.");
  }
  return store.mutate(id, (ss) => ({
    spreadsheetId: id,
    clearedRanges: (ranges as string[]).map((t) => clearOne(ss, t)),
  }));
}

function clearOne(ss: SpreadsheetState, text: string): string {
  const r = resolveRange(ss, text);
  checkInsideGrid(r);
  clearWindow(r.sheet, r);
  return rangeText(r);
}
