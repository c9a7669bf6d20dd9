/**
 * `npm start` and `npm run invoke` as a user runs them: real child processes, real ports, data on disk.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Node itself runs tsx's CLI, so the test can hide java from PATH without hiding node.
const TSX_CLI = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const tsx = (args: string[]) => [TSX_CLI, ...args];

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

// Stacks still running when a test fails are stopped with Ctrl-C, so none outlives the run.
const started: ChildProcess[] = [];

function startStack(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  ready: Promise<string>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, tsx(['local/start.ts']), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl-C to stop.')) ok(out);
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', () => fail(new Error(`npm start exited early:\n${out}`)));
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  started.push(child);
  return { child, ready, exited };
}

describe('npm start / npm run invoke', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cases-local-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const [gateway, dynamodb, ses, sheets] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    env = {
      ...process.env,
      PORT: String(gateway),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
      SHEETS_PORT: String(sheets),
      DATA_DIR: dataDir,
      SCHEDULER: 'off',
      STAFF_ACCESS_CODE: 'local-test-code',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    const running = started.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      running.map(
        (c) =>
          new Promise((ok) => {
            c.once('exit', ok);
            c.kill('SIGINT');
          }),
      ),
    );
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /health with every component up, runs invoke against it, keeps data across a restart, stops on Ctrl-C', async () => {
    const first = startStack(env);
    const banner = await first.ready;
    const base = `http://127.0.0.1:${env.PORT}`;
    expect(banner).toContain(`${base}/`);
    for (const port of [env.DYNAMODB_PORT, env.SES_PORT, env.SHEETS_PORT])
      expect(banner).toContain(`:${port}`);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; components: Record<string, string> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.components).sort()).toEqual([
      'dynamodb',
      'gateway',
      'scheduler',
      'ses',
      'sheets',
    ]);

    const created = await fetch(`${base}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-staff-code': 'local-test-code' },
      body: JSON.stringify({
        name: '陈先生',
        phone: '13700001234',
        description: '取件延误三天',
        category: 'delay',
      }),
    });
    expect(created.status).toBe(201);
    const { caseNo } = (await created.json()) as { caseNo: string };

    // The case is 24 h old by the invoked function's clock: its investigation deadline has passed.
    const later = new Date(Date.now() + 30 * 3_600_000).toISOString();
    const invoked = spawnSync(process.execPath, tsx(['local/invoke.ts', 'escalate', '--now', later]), {
      env,
      encoding: 'utf8',
    });
    expect(invoked.status).toBe(0);
    expect(JSON.parse(invoked.stdout)).toMatchObject({ overdue: [caseNo] });

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    await expect(fetch(`${base}/health`)).rejects.toThrow();

    // A restart finds the case again (DynamoDB Local keeps its data under DATA_DIR).
    const second = startStack(env);
    await second.ready;
    const status = await fetch(`${base}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseNo, last4: '1234' }),
    });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ caseNo, status: 'received' });
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('names the missing package when Java is absent instead of printing a stack trace', () => {
    const r = spawnSync(process.execPath, tsx(['local/start.ts']), {
      env: { ...env, PATH: '/nonexistent-bin', DATA_DIR: join(dataDir, 'nojava') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('openjdk-17-jre-headless');
    expect(r.stdout).not.toMatch(/\n\s+at /);
  }, 60_000);
});
