/**
 * A TCP proxy on 127.0.0.1 in front of a real local service (DynamoDB Local, the SES stand-in), that a
 * test can turn into the faults it needs: `hang` (connections accepted, nothing answered — a paused
 * server), `down` (connections dropped at once — a stopped server), and back to `pass`.
 */
import { createConnection, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, inject } from 'vitest';

export type FaultMode = 'pass' | 'hang' | 'down';

export interface FaultProxy {
  url: string;
  set(mode: FaultMode): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  let mode: FaultMode = 'pass';
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'down') return void client.destroy();
    if (mode === 'hang') return void client.resume(); // read and drop: no answer ever comes
    const upstream = createConnection({ host: hostname, port: Number(port) });
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port: own } = server.address() as { port: number };
  const dropAll = () => {
    for (const s of open) s.destroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${own}`,
    set(next) {
      mode = next;
      // Kept-alive connections would bypass the new mode: every client reconnects.
      dropAll();
    },
    close: () =>
      new Promise((ok) => {
        dropAll();
        server.close(() => ok());
      }),
  };
}

/** A fault proxy in front of one of the run's services for this file (hooks registered here; register it before the gateway). */
export function useFaultProxy(service: 'dynamoEndpoint' | 'sesUrl') {
  let proxy: FaultProxy | undefined;
  beforeAll(async () => {
    proxy = await startFaultProxy(inject(service));
  });
  afterAll(() => proxy?.close());
  const need = () => {
    if (!proxy) throw new Error('the fault proxy starts in beforeAll');
    return proxy;
  };
  return { url: () => need().url, set: (mode: FaultMode) => need().set(mode) };
}
