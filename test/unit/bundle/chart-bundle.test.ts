/**
 * A bundle built as the report functions are (scripts/bundle.ts, infra/bundling.ts) draws a chart with
 * the WebAssembly and font copied beside it, from a directory outside the repository: nothing is read
 * from node_modules or the source tree at run time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChartProbe, runChartProbe } from '../../../bench/lib/chart-probe.js';

const dir = mkdtempSync(join(tmpdir(), 'chart-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the chart renderer in a bundle', () => {
  it('loads resvg.wasm and the font from beside the bundle and draws a PNG', async () => {
    const file = await buildChartProbe(dir);
    const result = await runChartProbe(file);
    expect(result.signature).toBe('PNG');
    expect(result.bytes).toBeGreaterThan(5000);
  }, 60_000);
});
