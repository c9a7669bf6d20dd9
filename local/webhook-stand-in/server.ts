/**
 * A local stand-in for the group-chat robots' webhooks (WeCom, DingTalk, Feishu/Lark, any JSON webhook):
 * it answers as each robot documents (robots.ts: signature, size cap, rate limit, answer body), records
 * every message, and shows them on its page, like the SES stand-in does for email. `npm start` and the
 * test setup start it; a test can register a robot's signing secret and make the next posts fail.
 *
 *   POST /wecom/cgi-bin/webhook/send?key=…          POST /dingtalk/robot/send?access_token=…
 *   POST /feishu/open-apis/bot/v2/hook/<id>          POST /hook/<name>
 *   GET  /  (the page)   GET /store  (JSON)   POST /__stand-in/secret {token, secret}   POST /__stand-in/fail {token, count}
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { page } from './page.js';
import { headerMap, RateWindows, type Received, type Recorded, robotOf, verdictFor } from './robots.js';

export type { Recorded } from './robots.js';

export interface WebhookStandIn {
  url: string;
  messages(): Recorded[];
  /** A robot's signing secret, by its token (key, access token, hook id, webhook name). */
  setSecret(token: string, secret: string): void;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startWebhookStandIn(
  opts: { port?: number; host?: string; secrets?: Record<string, string> } = {},
): Promise<WebhookStandIn> {
  const messages: Recorded[] = [];
  const secrets = new Map(Object.entries(opts.secrets ?? {}));
  const failures = new Map<string, number>();
  const windows = new RateWindows();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/')
      return reply(res, 200, page(messages), 'text/html; charset=utf-8');
    if (req.method === 'GET' && url.pathname === '/store')
      return reply(res, 200, JSON.stringify({ messages }));
    if (req.method !== 'POST') return reply(res, 404, '{"error":"not found"}');
    const raw = await readText(req);
    if (url.pathname === '/__stand-in/secret' || url.pathname === '/__stand-in/fail') {
      const {
        token = '',
        secret = '',
        count = 1,
      } = JSON.parse(raw || '{}') as { token?: string; secret?: string; count?: number };
      if (url.pathname.endsWith('secret')) secrets.set(token, secret);
      else failures.set(token, count);
      return reply(res, 204, '');
    }
    const robot = robotOf(url.pathname, url.searchParams);
    if (!robot) return reply(res, 404, '{"error":"no robot at this path"}');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const received: Received = {
      ...robot,
      headers: headerMap(req.headers),
      query: Object.fromEntries(url.searchParams),
      body,
    };
    const failing = failures.get(robot.token) ?? 0;
    if (failing > 0) {
      failures.set(robot.token, failing - 1);
      messages.push({ ...received, at: new Date().toISOString(), status: 500, outcome: 'failed (injected)' });
      return reply(res, 500, '{"error":"injected failure"}');
    }
    const verdict = verdictFor(received, raw, secrets.get(robot.token), () =>
      windows.admit(robot.kind, robot.token, Date.now()),
    );
    messages.push({
      ...received,
      at: new Date().toISOString(),
      status: verdict.status,
      outcome: verdict.outcome,
    });
    reply(res, verdict.status, JSON.stringify(verdict.answer));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => reply(res, 400, JSON.stringify({ error: (e as Error).message })));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    messages: () => [...messages],
    setSecret: (token, secret) => secrets.set(token, secret),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
