/** Fresh `node` processes for the benches: the project's Node, plain (no tsx), reporting on fd 3. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { REPO_ROOT } from '../../local/handlers.js';
import type { AppEnv } from '../../shared/config.js';

export const NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');

/** Where the benches put what they bundle: inside the repository, so external `@aws-sdk/*` resolves. */
export const BUNDLE_DIR = join(REPO_ROOT, 'bench', '.bundles');

/** Enough configuration for every function's cold start; nothing is called, so no service is needed. */
export const COLD_START_ENV = {
  PUBLIC_URL: 'http://127.0.0.1:3000',
  TABLE_NAME: 'bench-load',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  SES_ENDPOINT: 'http://127.0.0.1:9',
  SHEETS_ROOT_URL: 'http://127.0.0.1:9',
  SPREADSHEET_ID: 'bench',
  APP_SECRET: 'bench-secret-bench-secret-bench-secret',
  STAFF_ACCESS_CODE: 'bench-code',
  SHEET_HOOK_SECRET: 'bench-sheet-hook-secret-bench-sheet-hook',
  FORM_ORIGIN: 'http://127.0.0.1:3000',
  MAIL_FROM: 'complaints@studio.example',
  EXEC_MANAGER_EMAILS: 'exec@studio.example',
  LOG_LEVEL: 'error',
} satisfies AppEnv;

export interface ChildRun {
  /** Spawn to exit. */
  wallMs: number;
  /** What the child wrote on fd 3. */
  report: string;
}

/**
 * Runs `node <args>` with only `env` (the bench's own when none is given), and answers what it wrote on
 * fd 3; fails unless it exits 0 having written it.
 */
export function runNode(
  args: readonly string[],
  env?: Record<string, string>,
  opts: { cwd?: string } = {},
): Promise<ChildRun> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(NODE, [...args], {
      ...(env ? { env } : {}),
      ...(opts.cwd ? { cwd: opts.cwd } : {}),
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let report = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    (child.stdio[3] as Readable).on('data', (d: Buffer) => {
      report += d.toString();
    });
    child.once('error', fail);
    child.once('close', (code) => {
      const wallMs = performance.now() - t0;
      if (code === 0 && report) ok({ wallMs, report });
      else fail(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(-1500)}`));
    });
  });
}
