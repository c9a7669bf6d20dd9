/**
 * `npm start` and `npm run invoke` as a user runs them: real child processes, real ports, data on disk.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDynamoCaseRepository } from '../../../shared/adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../../../shared/adapters/dynamodb/client.js';

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
  output: () => string;
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
  return { child, ready, exited, output: () => out };
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

  it('notices DynamoDB Local killed mid-run: says so loudly, restarts it on the same data; retried submissions lose nothing and double nothing', async () => {
    const stack = startStack({ ...env, DATA_DIR: join(dataDir, 'killed') });
    const banner = await stack.ready;
    const base = `http://127.0.0.1:${env.PORT}`;
    const pid = Number(/DynamoDB Local\s+\S+\s+\(pid (\d+)/.exec(banner)?.[1]);
    expect(pid).toBeGreaterThan(0);
    const tag = String(Date.now());
    const submit = (i: number) =>
      fetch(`${base}/complaints`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-staff-code': 'local-test-code',
          'idempotency-key': `killed-${tag}-${i}`,
        },
        body: JSON.stringify({
          name: `断电${i}`,
          phone: `1370000${String(i).padStart(4, '0')}`,
          email: `killed-${tag}-${i}@example.com`,
          description: '相册破损',
          category: 'quality',
        }),
      })
        .then((r) => r.status)
        .catch(() => 0);

    // Twelve submissions, four at a time; DynamoDB Local is killed while they are under way.
    const statuses = new Map<number, number>();
    const all = Array.from({ length: 12 }, (_, i) => i);
    for (let batch = 0; batch < 3; batch++) {
      const mine = all.slice(batch * 4, batch * 4 + 4);
      if (batch === 1) process.kill(pid, 'SIGKILL'); // the stack's own child, started by this test
      for (const [k, v] of await Promise.all(mine.map(async (i) => [i, await submit(i)] as const)))
        statuses.set(k, v);
    }
    await expect
      .poll(stack.output, { timeout: 60_000, interval: 250 })
      .toMatch(/\[dynamodb\] restarted \(pid \d+\)/);
    expect(stack.output()).toMatch(/\[dynamodb\] !!! dynamodb \(pid \d+\) stopped: killed by SIGKILL/);
    await expect.poll(async () => (await fetch(`${base}/health`)).status, { timeout: 30_000 }).toBe(200);

    // Whatever did not get its answer is sent again with its key, as the page's script does.
    for (const i of all) if (![200, 201].includes(statuses.get(i) ?? 0)) statuses.set(i, await submit(i));
    expect([...statuses.values()].every((s) => s === 200 || s === 201)).toBe(true);
    for (const i of all) expect(await submit(i)).toBe(200);

    const repo = makeDynamoCaseRepository(
      makeDocumentClient({ region: 'ap-southeast-1', endpoint: `http://127.0.0.1:${env.DYNAMODB_PORT}` }),
      'complaint-cases',
    );
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const mine = (await repo.listReceivedOn(day, { limit: 500 })).items.filter((c) =>
      c.complainant.name.startsWith('断电'),
    );
    expect(mine.map((c) => c.complainant.name).sort()).toEqual(all.map((i) => `断电${i}`).sort());
    const numbers = mine.map((c) => Number(c.caseNo.split('-')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i)); // no gap either
    const store = (await (await fetch(`http://127.0.0.1:${env.SES_PORT}/store`)).json()) as {
      emails: { destination: { to: string[] } }[];
    };
    for (const i of all)
      expect(
        store.emails.filter((m) => m.destination.to.includes(`killed-${tag}-${i}@example.com`)),
      ).toHaveLength(1);

    stack.child.kill('SIGINT');
    expect(await stack.exited).toBe(0);
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
