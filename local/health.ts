/** GET /health on the local gateway: each component's state, 200 only when all are up. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_HEADERS } from './gateway.js';

export type Probe = () => Promise<string>;

export function healthRoute(probes: Record<string, Probe>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://local').pathname !== '/health') return false;
    const entries = await Promise.all(
      Object.entries(probes).map(async ([name, probe]) => {
        try {
          return [name, await probe()] as const;
        } catch (e) {
          return [name, `down: ${(e as Error).message}`] as const;
        }
      }),
    );
    const components = Object.fromEntries(entries);
    const ok = entries.every(([, state]) => !state.startsWith('down'));
    res.writeHead(ok ? 200 : 503, { ...GATEWAY_HEADERS, 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'degraded', components }, null, 2));
    return true;
  };
}

/** Any HTTP answer from the URL means the service is up. */
export const httpProbe =
  (url: string): Probe =>
  async () => {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return `up (${r.status})`;
  };
