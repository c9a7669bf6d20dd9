/**
 * `npm start` as a user runs it, for tests: the stack as a real child process on free ports with its data
 * in a temporary directory. Stacks still running when a file ends are stopped with Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freePort } from '../../local/services.js';

// Node itself runs the script with tsx as its loader, so a test can hide java from PATH without hiding
// node, and Ctrl-C reaches the stack itself: tsx's CLI would relay it and, when the child takes more than
// 30 ms to acknowledge (a loaded machine), kill it and exit 130.
const TSX_LOADER = join(process.cwd(), 'node_modules/tsx/dist/loader.mjs');
export const tsx = (args: string[]) => ['--import', TSX_LOADER, ...args];

export interface Stack {
  child: ChildProcess;
  /** The banner, once the stack says it is up. */
  ready: Promise<string>;
  exited: Promise<number | null>;
  /** Everything the stack printed so far. */
  output: () => string;
}

/**
 * Registers the file's hooks and returns the stack's environment (free ports, a data directory, the
 * scheduler off) and a starter; every stack started is stopped after the file.
 */
export function useLocalStack() {
  const started: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'cases-local-'));
  const ctx = { env: {} as NodeJS.ProcessEnv, dataDir };
  beforeAll(async () => {
    const [gateway, dynamodb, ses, sheets, webhooks] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    ctx.env = {
      ...process.env,
      PORT: String(gateway),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
      SHEETS_PORT: String(sheets),
      WEBHOOK_PORT: String(webhooks),
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

  function startStack(env: NodeJS.ProcessEnv = ctx.env): Stack {
    const child = spawn(process.execPath, tsx(['local/start.ts']), {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

  return Object.assign(ctx, { startStack });
}
