/**
 * Emulator-only endpoints under `/__emulator/` (not part of the Sheets API), so tests in another
 * process and `npm start` users can drive what the programmatic handle offers: seed and dump
 * spreadsheets, faults, quotas, call counts, the clock, and the on-edit hook; plus the grid page's
 * own endpoints (`ui/…`).
 */
import type { Ctx } from './context.js';
import { clampToGrid, readWindow, resolveRange } from './grid.js';
import { asObject, invalid, type Json } from './model.js';
import { Calc } from './render.js';
import { decode, notFound } from './routes.js';
import { createSpreadsheet, spreadsheetJson } from './spreadsheets.js';
import type { FaultSpec, QuotaConfig, TestControls } from './testing.js';
import { type OnEdit, sheetView, uiAction } from './ui/api.js';
import { readValueRange } from './value-io.js';

export interface ControlState {
  controls: TestControls;
  onEdit(): OnEdit | undefined;
  setOnEditUrl(url: string | undefined): void;
}

export async function control(
  ctx: Ctx,
  state: ControlState,
  method: string,
  segs: string[],
  query: URLSearchParams,
  body: unknown,
): Promise<unknown> {
  const [head, ...rest] = segs;
  const c = state.controls;
  switch (head) {
    case 'spreadsheets':
      return spreadsheets(ctx, method, rest, query, body);
    case 'faults':
      if (method === 'GET') return { faults: c.pendingFaults() };
      if (method === 'POST') {
        const list = Array.isArray(body) ? body : [body];
        for (const f of list) c.injectFault(asObject(f) as unknown as FaultSpec);
        return { faults: c.pendingFaults() };
      }
      if (method === 'DELETE') {
        c.clearFaults();
        return { faults: [] };
      }
      break;
    case 'calls':
      if (method === 'GET') return { calls: c.calls() };
      if (method === 'DELETE') {
        c.resetCalls();
        return { calls: {} };
      }
      break;
    case 'quota':
      if (method === 'GET') return c.quotaState();
      if (method === 'PUT') {
        c.setQuota(body === false ? false : (asObject(body) as Partial<QuotaConfig>));
        return c.quotaState();
      }
      break;
    case 'clock':
      if (method === 'GET') return { nowMs: c.now(), now: new Date(c.now()).toISOString() };
      if (method === 'POST') {
        c.advanceClock(Number(asObject(body).advanceMs));
        return { nowMs: c.now(), now: new Date(c.now()).toISOString() };
      }
      break;
    case 'on-edit':
      if (method === 'PUT') {
        const url = asObject(body).url;
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw invalid('url must be an http(s) URL');
        state.setOnEditUrl(url);
        return { url };
      }
      if (method === 'DELETE') {
        state.setOnEditUrl(undefined);
        return {};
      }
      break;
    case 'ui': {
      const [id, action] = rest;
      if (!id || !action) break;
      if (method === 'GET' && action === 'view') {
        const sheetId = query.get('sheetId');
        return sheetView(ctx, ctx.store.get(decode(id)), sheetId === null ? undefined : Number(sheetId));
      }
      if (method === 'POST') return uiAction(ctx, decode(id), action, body, state.onEdit());
      break;
    }
  }
  throw notFound();
}

function spreadsheets(ctx: Ctx, method: string, segs: string[], query: URLSearchParams, body: unknown): Json {
  const { store } = ctx;
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
      return createSpreadsheet(ctx, body, id);
    }
    throw notFound();
  }
  if (method !== 'GET') throw notFound();
  const ss = store.get(decode(segs[0] as string));
  const calc = new Calc(ss, ctx.now);
  if (segs.length === 1) {
    const opts = { render: 'FORMULA', dates: 'SERIAL_NUMBER' } as const;
    const values = Object.fromEntries(
      ss.sheets.map((s) => {
        const name = `'${s.properties.title.replaceAll("'", "''")}'`;
        return [s.properties.title, readValueRange(ss, calc, name, 'ROWS', opts).values ?? []];
      }),
    );
    return { ...spreadsheetJson(ctx, ss), revision: ss.revision, values };
  }
  if (segs.length === 2 && segs[1] === 'cells') {
    const text = query.get('range');
    if (!text) throw invalid('range is required');
    const r = clampToGrid(resolveRange(ss, text));
    const cells = readWindow(r.sheet, r, 'ROWS').map((line) =>
      line.map((cell) => ({
        value: cell?.f ?? cell?.v ?? null,
        isFormula: cell?.f !== undefined,
        ...(cell?.fmt ? { format: cell.fmt } : {}),
      })),
    );
    return { range: text, cells };
  }
  throw notFound();
}
