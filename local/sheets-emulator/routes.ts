/**
 * Sheets API v4 routing. A route is resolved (to Google's method id) before it runs, so the server
 * can count the call, charge the quota and play an injected fault first. Paths are matched on their
 * raw (still percent-encoded) form: Google's client encodes `:` and `/` inside a range, so a literal
 * `:append` / `:clear` / `:batchUpdate` is always a verb.
 */
import type { Ctx } from './context.js';
import { ApiError, invalid, type Json, requireInt } from './model.js';
import { getMetadata, searchMetadata } from './requests/metadata.js';
import { batchUpdateSpreadsheet, createSpreadsheet, getSpreadsheet } from './spreadsheets.js';
import {
  appendValues,
  batchClearValues,
  batchGetValues,
  batchUpdateValues,
  clearValues,
  getValues,
  updateValues,
} from './values.js';

export interface ApiRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: unknown;
}

export interface ApiRoute {
  /** Google's method id, e.g. `spreadsheets.values.batchGet`. */
  method: string;
  run(): unknown;
}

export const notFound = () => new ApiError('NOT_FOUND', 'Method not found.');

export function decode(segment: string): string {
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

const route = (method: string, run: () => unknown): ApiRoute => ({ method, run });

/** Resolves `v4/spreadsheets/...` (segments after `v4/spreadsheets`). */
export function resolveApi(ctx: Ctx, req: ApiRequest, segs: string[]): ApiRoute {
  const { method, query, body } = req;
  if (segs.length === 0) {
    if (method === 'POST') return route('spreadsheets.create', () => createSpreadsheet(ctx, body));
    throw notFound();
  }
  const [id, verb] = splitVerb(segs[0] as string);
  if (segs.length === 1) {
    if (method === 'GET' && verb === undefined) {
      return route('spreadsheets.get', () => getSpreadsheet(ctx, id, query));
    }
    if (method === 'POST' && verb === 'batchUpdate') {
      return route('spreadsheets.batchUpdate', () => batchUpdateSpreadsheet(ctx, id, body));
    }
    throw notFound();
  }
  const second = segs[1] as string;
  if (segs.length === 2) {
    if (method === 'GET' && second === 'values:batchGet') {
      return route('spreadsheets.values.batchGet', () => batchGetValues(ctx, id, query));
    }
    if (method === 'POST' && second === 'values:batchUpdate') {
      return route('spreadsheets.values.batchUpdate', () => batchUpdateValues(ctx, id, body));
    }
    if (method === 'POST' && second === 'values:batchClear') {
      return route('spreadsheets.values.batchClear', () => batchClearValues(ctx, id, body));
    }
    if (method === 'POST' && second === 'developerMetadata:search') {
      return route('spreadsheets.developerMetadata.search', () => searchMetadata(ctx.store.get(id), body));
    }
    throw notFound();
  }
  if (second === 'developerMetadata' && segs.length === 3 && method === 'GET') {
    const metadataId = requireInt(Number(decode(segs[2] as string)), 'metadataId', 0);
    return route('spreadsheets.developerMetadata.get', () => getMetadata(ctx.store.get(id), metadataId));
  }
  if (second !== 'values') throw notFound();
  // A range never holds a raw '/' from Google's client, but tolerate hand-written URLs.
  const rawRange = segs.slice(2).join('/');
  const m = /^(.*):(append|clear)$/.exec(rawRange);
  if (m) {
    if (method !== 'POST') throw notFound();
    const range = decode(m[1] as string);
    return m[2] === 'append'
      ? route('spreadsheets.values.append', () => appendValues(ctx, id, range, query, body))
      : route('spreadsheets.values.clear', () => clearValues(ctx, id, range));
  }
  const range = decode(rawRange);
  if (method === 'GET') return route('spreadsheets.values.get', () => getValues(ctx, id, range, query));
  if (method === 'PUT') {
    return route('spreadsheets.values.update', () => updateValues(ctx, id, range, query, body));
  }
  throw notFound();
}

export type { Json };
