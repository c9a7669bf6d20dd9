/** Bundles bench/chart-probe.ts as the report functions are bundled, and runs it in a fresh Node. */
import { join } from 'node:path';
import type { FunctionSpec } from '../../functions/catalog.js';
import { REPO_ROOT } from '../../local/handlers.js';
import { bundleFunction } from '../../scripts/bundle.js';
import { CHART_BUNDLE_FILES } from '../../shared/adapters/chart/files.js';
import { runNode } from './child.js';

export interface ProbeResult {
  bytes: number;
  firstMs: number;
  warmMs: number;
  signature: string;
}

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

export async function runChartProbe(file: string): Promise<ProbeResult> {
  return JSON.parse((await runNode([file], undefined, { cwd: REPO_ROOT })).report) as ProbeResult;
}
