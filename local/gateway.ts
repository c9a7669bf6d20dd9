/**
 * A local stand-in for API Gateway's HTTP API: each request becomes a payload-2.0 event for the
 * handler the route table names, and the handler's result becomes the response.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type FunctionName, functionSpec, HTTP_ROUTES } from '../functions/catalog.js';
import { CORS_HEADERS, CORS_METHODS } from '../shared/http/cors.js';

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export type Invoke = (name: FunctionName, event: APIGatewayProxyEventV2) => Promise<unknown>;
export type ExtraRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const MAX_BODY = 10 * 1024 * 1024; // API Gateway's payload limit

/** What the gateway's own answers (404, 405, 413, 5xx, /health, preflights) carry: nothing to run, frame or sniff. */
export const GATEWAY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const STATUS_MESSAGES: Record<number, string> = {
  413: 'Request Entity Too Large',
  503: 'Service Unavailable',
};

function answer(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...GATEWAY_HEADERS, 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ message }));
}

/** The stack's `corsPreflight`: a preflight from the form's origin is answered here, never by a function. */
export interface CorsPreflight {
  origin: string;
}

function preflight(req: IncomingMessage, res: ServerResponse, cors: CorsPreflight | undefined) {
  const allowed = cors && req.headers.origin === cors.origin;
  res.writeHead(204, {
    ...GATEWAY_HEADERS,
    vary: 'origin',
    ...(allowed
      ? {
          'access-control-allow-origin': cors.origin,
          'access-control-allow-methods': [...CORS_METHODS, 'OPTIONS'].join(','),
          'access-control-allow-headers': CORS_HEADERS.join(','),
          'access-control-allow-credentials': 'true',
          'access-control-max-age': '3600',
        }
      : {}),
  });
  res.end();
}
// HTTP APIs pass text bodies as they are and base64-encode the rest, form posts included.
const isText = (type: string) => /^text\/|json|xml|javascript/.test(type);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('payload too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const sourceIp = (req: IncomingMessage) => req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';

export function toEvent(
  req: IncomingMessage,
  body: Buffer,
  path: string,
  routeKey: string,
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined && k !== 'cookie') headers[k] = Array.isArray(v) ? v.join(',') : v;
  }
  const cookies = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] ? `${query[k]},${v}` : v;
  const type = headers['content-type'] ?? '';
  const base64 = body.length > 0 && !isText(type);
  const now = Date.now();
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    // API Gateway adds these; its requests always come over https, the local ones over http.
    headers: { ...headers, 'x-forwarded-proto': 'http', 'x-forwarded-for': sourceIp(req) },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: sourceIp(req),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    ...(body.length ? { body: base64 ? body.toString('base64') : body.toString('utf8') } : {}),
    isBase64Encoded: base64,
  };
}

function send(res: ServerResponse, result: unknown) {
  // A handler may return a bare value: API Gateway then answers 200 with it as JSON.
  const r: APIGatewayProxyStructuredResultV2 =
    result && typeof result === 'object' && 'statusCode' in result
      ? (result as APIGatewayProxyStructuredResultV2)
      : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
  const headers: Record<string, string | string[]> = {};
  // A header left undefined or empty is not sent at all (String(undefined) would say "undefined").
  for (const [k, v] of Object.entries(r.headers ?? {}))
    if (v !== undefined && v !== null && v !== '') headers[k.toLowerCase()] = String(v);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  res.writeHead(r.statusCode ?? 200, headers);
  res.end(r.body ? Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

/** The function did not answer within its configured timeout: Lambda stops it, API Gateway answers 503. */
class FunctionTimedOut extends Error {
  readonly status = 503;
}

/** The handler's answer, or a FunctionTimedOut once `ms` have passed (the handler is left to finish on its own). */
function withinTimeout<T>(name: FunctionName, work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new FunctionTimedOut(`${name} timed out after ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // a late failure has no one left to answer
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function startGateway(opts: {
  port: number;
  host?: string;
  invoke: Invoke;
  extra?: ExtraRoute;
  cors?: CorsPreflight;
  /** How long a function may run; its catalog timeout unless given (tests shorten it). */
  timeoutMs?: (name: FunctionName) => number;
  onError?: (e: unknown) => void;
}): Promise<Gateway> {
  const timeoutMs = opts.timeoutMs ?? ((name) => functionSpec(name).timeoutSeconds * 1000);
  const server: Server = createServer(async (req, res) => {
    try {
      if (opts.extra && (await opts.extra(req, res))) return;
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      const route = HTTP_ROUTES.find((r) => r.path === path && r.method === req.method);
      if (!route) {
        const known = HTTP_ROUTES.some((r) => r.path === path);
        if (known && req.method === 'OPTIONS') return preflight(req, res, opts.cors);
        return answer(res, known ? 405 : 404, known ? 'Method Not Allowed' : 'Not Found');
      }
      const body = await readBody(req);
      const event = toEvent(req, body, path, `${route.method} ${route.path}`);
      const result = await withinTimeout(
        route.function,
        opts.invoke(route.function, event),
        timeoutMs(route.function),
      );
      send(res, result);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (status >= 500) opts.onError?.(e);
      // Like API Gateway when the integration fails: no detail leaks to the caller.
      answer(res, status, STATUS_MESSAGES[status] ?? 'Internal Server Error', {
        // The rest of a refused body is not read: close rather than leave it in the socket.
        ...(status === 413 ? { connection: 'close' } : {}),
      });
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
