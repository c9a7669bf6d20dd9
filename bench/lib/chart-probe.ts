/** Bundles bench/chart-probe.ts as the report functions are bundled, and runs it in a fresh Node. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FunctionSpec } from '../../functions/catalog.js';
import { REPO_ROOT } from '../../local/handlers.js';
import { bundleFunction } from '../../scripts/bundle.js';
import { CHART_BUNDLE_FILES } from '../../shared/adapters/chart/files.js';

export interface ProbeResult {
  bytes: number;
  firstMs: number;
  warmMs: number;
  signature: string;
}

const NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');

export async function buildChartProbe(dir: string): Promise<string> {
  const spec = {
    name: 'chart-probe',
    entry: 'bench/chart-probe.ts',
    files: CHART_BUNDLE_FILES,
  } as unknown as FunctionSpec;
  const file = join(dir, 'index.mjs');
  await bundleFunction(spec, file);
  return file;
}

export function runChartProbe(file: string): Promise<ProbeResult> {
  return new Promise((ok, fail) => {
    const child = spawn(NODE, [file], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], cwd: REPO_ROOT });
    let out = '';
    let err = '';
    (child.stdio[3] as Readable).on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('error', fail);
    child.once('close', (code) =>
      code === 0 && out
        ? ok(JSON.parse(out) as ProbeResult)
        : fail(new Error(`chart probe exited ${code}: ${err.slice(-1000)}`)),
    );
  });
}
