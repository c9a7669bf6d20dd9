/**
 * A local stand-in for the Google Sheets API v4 that Google's own client reaches through its
 * `rootUrl` option: `sheets({ version: 'v4', rootUrl: emulator.url })`. Auth headers are ignored.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './model.js';
import { route } from './routes.js';
import { Store } from './store.js';

export interface SheetsEmulator {
  /** e.g. `http://127.0.0.1:8085/` (trailing slash; usable as the client's rootUrl). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface SheetsEmulatorOptions {
  /** 0 or omitted: a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON file loaded at start and rewritten (tmp file + rename) after every change. */
  dataFile?: string;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function send(res: ServerResponse, status: number, json: unknown): void {
  const body = JSON.stringify(json);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendError(res: ServerResponse, e: ApiError): void {
  send(res, e.code, { error: { code: e.code, message: e.message, status: e.status } });
}

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

export async function startSheetsEmulator(opts: SheetsEmulatorOptions = {}): Promise<SheetsEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const store = new Store(opts.dataFile);
  let baseUrl = '';

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://emulator.invalid');
        const method = (req.method ?? 'GET').toUpperCase();
        const body = method === 'POST' || method === 'PUT' ? await readBody(req) : undefined;
        const segments = url.pathname.split('/').filter((s) => s !== '');
        const result = route(store, { method, segments, query: url.searchParams, body, baseUrl });
        send(res, result.status ?? 200, result.json);
      } catch (e) {
        if (e instanceof ApiError) {
          sendError(res, e);
          return;
        }
        console.error('[sheets-emulator] internal error:', e);
        sendError(res, new ApiError('INTERNAL', `Internal error encountered: ${(e as Error).message}`));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${urlHost(host)}:${port}/`;

  return {
    url: baseUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
