/**
 * A local stand-in for the Google Sheets API v4 that Google's own client reaches through its
 * `rootUrl` option: `sheets({ version: 'v4', rootUrl: emulator.url })`. Auth headers are ignored
 * (except to tell users apart for quotas). See README.md beside this file for what it answers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from './context.js';
import { control } from './control.js';
import { ApiError } from './model.js';
import { notFound, resolveApi } from './routes.js';
import { Store } from './store.js';
import { type FaultSpec, type QuotaConfig, TestControls } from './testing.js';
import type { EditEvent, OnEdit } from './ui/api.js';
import { gridPage, indexPage } from './ui/page.js';

export interface SheetsEmulator {
  /** e.g. `http://127.0.0.1:8085/` (trailing slash; usable as the client's rootUrl). */
  url: string;
  port: number;
  /** Queues a fault for the next call(s) of a method (`spreadsheets.values.batchUpdate`, or `*`). */
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** API calls received per Google method id since start (or the last reset). */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** Per-minute quotas (Google's defaults unless set); `false` turns them off. Resets usage. */
  setQuota(q: Partial<QuotaConfig> | false): void;
  /** Moves the emulator's clock forward (quota windows, TODAY(), NOW()). */
  advanceClock(ms: number): void;
  now(): number;
  /** Replaces the on-edit hook (a callback, a URL that receives the event as a JSON POST, or none). */
  setOnEdit(hook: OnEdit | string | undefined): void;
  close(): Promise<void>;
}

export interface SheetsEmulatorOptions {
  /** 0 or omitted: a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON file loaded at start and rewritten (in the background, tmp file + rename) after changes. */
  dataFile?: string;
  /** The clock (ms since the epoch); default Date.now. */
  clock?: () => number;
  /** Per-minute quotas; default Google's (60 per user, 300 per project, reads and writes apart). */
  quota?: Partial<QuotaConfig> | false;
  /** Called after each edit made in the grid page (never for API calls), or a URL POSTed the event. */
  onEdit?: OnEdit | string;
}

export type { EditEvent, FaultSpec, OnEdit, QuotaConfig };

/** Google's bodies for the statuses a fault can answer. */
const FAULTS: Record<403 | 429 | 500 | 503, () => ApiError> = {
  403: () => new ApiError('PERMISSION_DENIED', 'The caller does not have permission'),
  429: () => new ApiError('RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'),
  500: () => new ApiError('INTERNAL', 'Internal error encountered.'),
  503: () => new ApiError('UNAVAILABLE', 'The service is currently unavailable.'),
};

const MAX_BODY_BYTES = 256 * 1024 * 1024;

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=UTF-8',
): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const sendError = (res: ServerResponse, e: ApiError) => send(res, e.code, JSON.stringify(e.toJSON()));

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError('INVALID_ARGUMENT', 'Request payload size exceeds the limit.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError('INVALID_ARGUMENT', `Invalid JSON payload received. ${(e as Error).message}`);
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function hookFor(hook: OnEdit | string | undefined): OnEdit | undefined {
  if (typeof hook !== 'string') return hook;
  return async (event) => {
    try {
      await fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(5000),
      });
    } catch (e) {
      console.error(`[sheets-emulator] on-edit hook ${hook} failed: ${(e as Error).message}`);
    }
  };
}

export async function startSheetsEmulator(opts: SheetsEmulatorOptions = {}): Promise<SheetsEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const controls = new TestControls(opts.clock ?? Date.now, opts.quota);
  const ctx: Ctx = { store: new Store(opts.dataFile), now: controls.now, baseUrl: '' };
  let onEdit = hookFor(opts.onEdit);
  const state = {
    controls,
    onEdit: () => onEdit,
    setOnEditUrl: (url: string | undefined) => {
      onEdit = hookFor(url);
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = method === 'POST' || method === 'PUT' ? await readBody(req) : undefined;
    const segs = url.pathname.split('/').filter((s) => s !== '');
    const [root, second] = segs;
    if (root === 'v4' && second === 'spreadsheets') {
      const api = resolveApi(ctx, { method, segments: segs, query: url.searchParams, body }, segs.slice(2));
      const fault = controls.admit(api.method, req.headers.authorization);
      if (fault === 'drop') {
        req.socket.destroy();
        return;
      }
      if (typeof fault === 'number') throw FAULTS[fault]();
      if (typeof fault === 'object') await sleep(fault.delayMs);
      const result = api.run();
      if (fault === 'applied-503') throw new ApiError('UNAVAILABLE', 'The service is currently unavailable.');
      send(res, 200, JSON.stringify(result));
      return;
    }
    if (root === '__emulator') {
      send(
        res,
        200,
        JSON.stringify(await control(ctx, state, method, segs.slice(1), url.searchParams, body)),
      );
      return;
    }
    if (method === 'GET' && segs.length === 0) {
      if (
        /application\/json/.test(req.headers.accept ?? '') &&
        !/text\/html/.test(req.headers.accept ?? '')
      ) {
        send(
          res,
          200,
          JSON.stringify({ status: 'ok', service: 'sheets-emulator', spreadsheets: ctx.store.list().length }),
        );
      } else send(res, 200, indexPage(ctx.store.list()), 'text/html; charset=UTF-8');
      return;
    }
    // Google's own address form (/spreadsheets/d/<id>/edit#gid=<tab>), as the escalation emails link it.
    const googleForm = root === 'spreadsheets' && second === 'd' && segs.length === 4 && segs[3] === 'edit';
    if (method === 'GET' && googleForm) {
      send(
        res,
        200,
        gridPage(ctx.store.get(decodeURIComponent(segs[2] as string))),
        'text/html; charset=UTF-8',
      );
      return;
    }
    if (method === 'GET' && root === 'grid' && segs.length === 2) {
      send(
        res,
        200,
        gridPage(ctx.store.get(decodeURIComponent(second as string))),
        'text/html; charset=UTF-8',
      );
      return;
    }
    throw notFound();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (e instanceof ApiError) {
        sendError(res, e);
        return;
      }
      console.error('[sheets-emulator] internal error:', e);
      sendError(res, new ApiError('INTERNAL', `Internal error encountered: ${(e as Error).message}`));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://${urlHost(host)}:${port}/`;

  return {
    url: ctx.baseUrl,
    port,
    injectFault: (spec) => controls.injectFault(spec),
    clearFaults: () => controls.clearFaults(),
    calls: () => controls.calls(),
    resetCalls: () => controls.resetCalls(),
    setQuota: (q) => controls.setQuota(q),
    advanceClock: (ms) => controls.advanceClock(ms),
    now: () => controls.now(),
    setOnEdit: (hook) => {
      onEdit = hookFor(hook);
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      await ctx.store.flush();
    },
  };
}
