/** spreadsheets.values.* : get, batchGet, update, batchUpdate, append, clear, batchClear. */
import { formatA1, indexToColumn } from './a1.js';
import type { Ctx } from './context.js';
import { insertRows } from './dimensions.js';
import { parseInputOption, type ValueInputOption } from './enter.js';
import {
  checkStartInsideGrid,
  clampToGrid,
  clearWindow,
  findTable,
  type Resolved,
  rangeText,
  resolveRange,
} from './grid.js';
import { asObject, checkWorkbookLimit, invalid, type Json, type SpreadsheetState } from './model.js';
import { Calc, parseDateTimeRenderOption, parseRenderOption, type RenderOptions } from './render.js';
import {
  parseMajorDimension,
  readValueRange,
  toRowMajor,
  type ValueRange,
  type Written,
  writeBlock,
} from './value-io.js';

interface ResponseOptions extends RenderOptions {
  include: boolean;
}

function withData(
  ctx: Ctx,
  ss: SpreadsheetState,
  written: Written | undefined,
  fallback: Resolved,
  resp: ResponseOptions,
): Json {
  const out: Json = { spreadsheetId: ss.spreadsheetId };
  if (written) Object.assign(out, written);
  else out.updatedRange = rangeText(fallback);
  if (resp.include) {
    const range = written?.updatedRange ?? rangeText(fallback);
    out.updatedData = readValueRange(ss, new Calc(ss, ctx.now), range, 'ROWS', resp);
  }
  return out;
}

function writeRange(
  ctx: Ctx,
  ss: SpreadsheetState,
  text: string,
  vr: Json,
  option: ValueInputOption,
  resp: ResponseOptions,
): Json {
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
  return withData(ctx, ss, writeBlock(ss, r.sheet, r.r0, r.c0, rows, option), r, resp);
}

function responseOptions(include: unknown, render: unknown, dates: unknown): ResponseOptions {
  return {
    include: include === true || include === 'true',
    render: parseRenderOption(render, 'response_value_render_option'),
    dates: parseDateTimeRenderOption(dates, 'response_date_time_render_option'),
  };
}

function readOptions(q: URLSearchParams): RenderOptions & { major: 'ROWS' | 'COLUMNS' } {
  return {
    major: parseMajorDimension(q.get('majorDimension') ?? undefined),
    render: parseRenderOption(q.get('valueRenderOption') ?? undefined),
    dates: parseDateTimeRenderOption(q.get('dateTimeRenderOption') ?? undefined),
  };
}

export function getValues(ctx: Ctx, id: string, range: string, q: URLSearchParams): ValueRange {
  const opts = readOptions(q);
  const ss = ctx.store.get(id);
  return readValueRange(ss, new Calc(ss, ctx.now), range, opts.major, opts);
}

export function batchGetValues(ctx: Ctx, id: string, q: URLSearchParams): Json {
  const opts = readOptions(q);
  const ss = ctx.store.get(id);
  const calc = new Calc(ss, ctx.now);
  const ranges = q.getAll('ranges');
  const out: Json = { spreadsheetId: id };
  if (ranges.length) out.valueRanges = ranges.map((t) => readValueRange(ss, calc, t, opts.major, opts));
  return out;
}

export function updateValues(ctx: Ctx, id: string, range: string, q: URLSearchParams, body: unknown) {
  const option = parseInputOption(q.get('valueInputOption') ?? undefined);
  const resp = responseOptions(
    q.get('includeValuesInResponse'),
    q.get('responseValueRenderOption') ?? undefined,
    q.get('responseDateTimeRenderOption') ?? undefined,
  );
  const vr = asObject(body);
  return ctx.store.mutate(id, (ss) => writeRange(ctx, ss, range, vr, option, resp));
}

export function batchUpdateValues(ctx: Ctx, id: string, body: unknown): Json {
  const b = asObject(body);
  const option = parseInputOption(b.valueInputOption);
  const resp = responseOptions(
    b.includeValuesInResponse,
    b.responseValueRenderOption,
    b.responseDateTimeRenderOption,
  );
  const data = b.data ?? [];
  if (!Array.isArray(data)) throw invalid("Invalid value at 'data': expected a list of ValueRange.");
  return ctx.store.mutate(id, (ss) => {
    const responses = data.map((item, i) => {
      const vr = asObject(item);
      if (typeof vr.range !== 'string') throw invalid(`Invalid data[${i}]: range is required.`);
      return writeRange(ctx, ss, vr.range, vr, option, resp);
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

export function appendValues(ctx: Ctx, id: string, range: string, q: URLSearchParams, body: unknown) {
  const option = parseInputOption(q.get('valueInputOption') ?? undefined);
  const insert = q.get('insertDataOption') ?? 'OVERWRITE';
  if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS') {
    throw invalid(`Invalid value at 'insert_data_option' (TYPE_ENUM), "${insert}"`);
  }
  const resp = responseOptions(
    q.get('includeValuesInResponse'),
    q.get('responseValueRenderOption') ?? undefined,
    q.get('responseDateTimeRenderOption') ?? undefined,
  );
  const vr = asObject(body);
  return ctx.store.mutate(id, (ss) => {
    const r = resolveRange(ss, range);
    checkStartInsideGrid(r);
    const rows = toRowMajor(vr.values, vr.majorDimension);
    const singleColumn = r.a1.endCol !== undefined && r.c0 === r.c1;
    const table = findTable(r.sheet, r, singleColumn);
    const row = table ? table.r1 + 1 : r.r0;
    const col = table ? table.c0 : r.c0;
    if (insert === 'INSERT_ROWS' && rows.length && row < r.sheet.properties.gridProperties.rowCount) {
      insertRows(ss, r.sheet, 'ROWS', row, rows.length, undefined);
      checkWorkbookLimit(ss);
    }
    const written = writeBlock(ss, r.sheet, row, col, rows, option);
    const out: Json = { spreadsheetId: id };
    if (table) out.tableRange = formatA1(r.sheet.properties.title, table.r0, table.c0, table.r1, table.c1);
    const at = { ...r, r0: row, c0: col, r1: row, c1: col };
    out.updates = withData(ctx, ss, written, at, resp);
    return out;
  });
}

export function clearValues(ctx: Ctx, id: string, range: string): Json {
  return ctx.store.mutate(id, (ss) => ({ spreadsheetId: id, clearedRange: clearOne(ss, range) }));
}

export function batchClearValues(ctx: Ctx, id: string, body: unknown): Json {
  const ranges = asObject(body).ranges ?? [];
  if (!Array.isArray(ranges) || ranges.some((t) => typeof t !== 'string')) {
    throw invalid("Invalid value at 'ranges': expected a list of strings.");
  }
  return ctx.store.mutate(id, (ss) => ({
    spreadsheetId: id,
    clearedRanges: (ranges as string[]).map((t) => clearOne(ss, t)),
  }));
}

function clearOne(ss: SpreadsheetState, text: string): string {
  const r = clampToGrid(resolveRange(ss, text));
  clearWindow(r.sheet, r);
  return rangeText(r);
}
