/**
 * URL routing. Paths are matched on their raw (still percent-encoded) form: Google's client encodes
 * `:` and `/` inside a range, so a literal `:append` / `:clear` / `:batchUpdate` is always a verb.
 */
import { checkInsideGrid, readWindow, resolveRange } from './grid.js';
import { ApiError, asObject, invalid } from './model.js';
import {
  batchUpdateSpreadsheet,
  createSpreadsheet,
  getSpreadsheet,
  spreadsheetJson,
} from './spreadsheets.js';
import type { Store } from './store.js';
import { readValueRange } from './value-io.js';
import {
  appendValues,
  batchClearValues,
  batchGetValues,
  batchUpdateValues,
  clearValues,
  getValues,
  updateValues,
} from './values.js';

export interface RouteRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  baseUrl: string;
}

export interface RouteResult {
  status?: number;
  json: unknown;
}

const notFound = () => new ApiError('NOT_FOUND', 'Method not found.');

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalid(`Unable to parse range: ${segment}`);
  }
}

/** `id` or `id:verb` from a raw path segment. */
function splitVerb(raw: string): [string, string | undefined] {
  const i = raw.lastIndexOf(':');
  return i < 0 ? [decode(raw), undefined] : [decode(raw.slice(0, i)), raw.slice(i + 1)];
}

export function route(store: Store, req: RouteRequest): RouteResult {
  const [root, ...rest] = req.segments;
  if (req.segments.length === 0 && req.method === 'GET') {
    return { json: { status: 'ok', service: 'sheets-emulator', spreadsheets: store.list().length } };
  }
  if (root === 'v4' && rest[0] === 'spreadsheets') return { json: routeApi(store, req, rest.slice(1)) };
  if (root === '_emulator' && rest[0] === 'spreadsheets')
    return { json: routeEmulator(store, req, rest.slice(1)) };
  throw notFound();
}

function routeApi(store: Store, req: RouteRequest, segs: string[]): unknown {
  const { method, query, body, baseUrl } = req;
  if (segs.length === 0) {
    if (method === 'POST') return createSpreadsheet(store, body, baseUrl);
    throw notFound();
  }
  const [id, verb] = splitVerb(segs[0] as string);
  if (segs.length === 1) {
    if (method === 'GET' && verb === undefined) return getSpreadsheet(store, id, query, baseUrl);
    if (method === 'POST' && verb === 'batchUpdate') return batchUpdateSpreadsheet(store, id, body, baseUrl);
    throw notFound();
  }
  const valuesSeg = segs[1] as string;
  if (segs.length === 2) {
    if (method === 'GET' && valuesSeg === 'values:batchGet') return batchGetValues(store, id, query);
    if (method === 'POST' && valuesSeg === 'values:batchUpdate') return batchUpdateValues(store, id, body);
    if (method === 'POST' && valuesSeg === 'values:batchClear') return batchClearValues(store, id, body);
    throw notFound();
  }
  if (valuesSeg !== 'values') throw notFound();
  // A range never holds a raw '/' from Google's client, but tolerate hand-written URLs.
  const rawRange = segs.slice(2).join('/');
  const m = /^(.*):(append|clear)$/.exec(rawRange);
  if (m) {
    if (method !== 'POST') throw notFound();
    const range = decode(m[1] as string);
    return m[2] === 'append' ? appendValues(store, id, range, query, body) : clearValues(store, id, range);
  }
  const range = decode(rawRange);
  if (method === 'GET') return getValues(store, id, range, query);
  if (method === 'PUT') return updateValues(store, id, range, query, body);
  throw notFound();
}

/** Emulator-only helpers for tests and local debugging (not part of the Sheets API). */
function routeEmulator(store: Store, req: RouteRequest, segs: string[]): unknown {
  const { method, query, body, baseUrl } = req;
  if (segs.length === 0) {
    if (method === 'GET') {
      return {
        spreadsheets: store.list().map((ss) => ({
          spreadsheetId: ss.spreadsheetId,
          title: ss.properties.title,
          revision: ss.revision,
        })),
      };
    }
    if (method === 'POST') {
      // Create (or return, if it exists) a spreadsheet with a chosen id, e.g. for local dev seeds.
      const id = asObject(body).spreadsheetId;
      if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
        throw invalid('spreadsheetId must be 1-100 characters of A-Z a-z 0-9 _ -');
      }
      return createSpreadsheet(store, body, baseUrl, id);
    }
    throw notFound();
  }
  if (method !== 'GET') throw notFound();
  const ss = store.get(decode(segs[0] as string));
  if (segs.length === 1) {
    const values = Object.fromEntries(
      ss.sheets.map((s) => [
        s.properties.title,
        readValueRange(ss, `'${s.properties.title.replaceAll("'", "''")}'`, 'ROWS', 'FORMULA').values ?? [],
      ]),
    );
    return { ...spreadsheetJson(ss, baseUrl), revision: ss.revision, values };
  }
  if (segs.length === 2 && segs[1] === 'cells') {
    const text = query.get('range');
    if (!text) throw invalid('range is required');
    const r = resolveRange(ss, text);
    checkInsideGrid(r);
    const cells = readWindow(r.sheet, r, 'ROWS').map((line) =>
      line.map((c) => ({ value: c?.value ?? null, isFormula: c?.isFormula === true })),
    );
    return { range: text, cells };
  }
  throw notFound();
}
