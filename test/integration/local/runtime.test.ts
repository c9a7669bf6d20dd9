/**
 * `npm start` and `npm run invoke` as a user runs them: real child processes, real ports, data on disk.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsx, useLocalStack } from '../../support/local-stack.js';

describe('npm start / npm run invoke', () => {
  const stack = useLocalStack();
  const startStack = () => stack.startStack();

  it('serves /health with every component up, runs invoke against it, keeps data across a restart, stops on Ctrl-C', async () => {
    const first = startStack();
    const banner = await first.ready;
    const base = `http://127.0.0.1:${stack.env.PORT}`;
    expect(banner).toContain(`${base}/`);
    for (const port of [
      stack.env.DYNAMODB_PORT,
      stack.env.SES_PORT,
      stack.env.SHEETS_PORT,
      stack.env.WEBHOOK_PORT,
    ])
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
      'webhooks',
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

    // The case is 30 h old by the invoked function's clock: its 24 h investigation deadline has passed,
    // so the store supervisor is told (at any hour here: the test runs at whatever time it is).
    const later = new Date(Date.now() + 30 * 3_600_000).toISOString();
    const invoked = spawnSync(process.execPath, tsx(['local/invoke.ts', 'escalate', '--now', later]), {
      env: { ...stack.env, ESCALATION_HOURS: 'any' },
      encoding: 'utf8',
    });
    expect(invoked.status).toBe(0);
    const swept = JSON.parse(invoked.stdout) as {
      looked: number;
      escalated: number;
      emails: number;
      failed: number;
    };
    expect(swept).toMatchObject({ looked: 1, failed: 0 });
    expect(swept.escalated).toBeGreaterThanOrEqual(1);
    expect(swept.emails).toBeGreaterThanOrEqual(1);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    await expect(fetch(`${base}/health`)).rejects.toThrow();

    // A restart finds the case again (DynamoDB Local keeps its data under DATA_DIR).
    const second = startStack();
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
      env: { ...stack.env, PATH: '/nonexistent-bin', DATA_DIR: join(stack.dataDir, 'nojava') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('openjdk-17-jre-headless');
    expect(r.stdout).not.toMatch(/\n\s+at /);
  }, 60_000);
});
