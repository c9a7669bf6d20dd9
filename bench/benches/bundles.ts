/**
 * Each function's bundle, built as the CDK stack builds it (scripts/bundle.ts over infra/bundling.ts):
 * bytes, gzip bytes, and the time a fresh Node process takes to load it (module-scope wiring included)
 * over a fresh Node process loading an empty module, measured alternately in the same run.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FUNCTIONS } from '../../functions/catalog.js';
import { bundleFunction } from '../../scripts/bundle.js';
import { buildChartProbe, runChartProbe } from '../lib/chart-probe.js';
import { BUNDLE_DIR, COLD_START_ENV, runNode } from '../lib/child.js';
import { goal, median, spread } from '../lib/stats.js';
import type { BenchModule, Figure } from '../types.js';

const RUNS = 9;
const SIZE_GOAL = 600 * 1024;
const LOAD_GOAL_MS = 150;
// Bundles live inside the repository so `@aws-sdk/*` (external, as Lambda's runtime provides it) resolves.
const OUT = join(BUNDLE_DIR, 'functions');

/** Loads the module, then reports the process's CPU time (user + system, startup included) on fd 3. */
const LOADER =
  "import { writeSync } from 'node:fs'; await import(process.argv[1]);" +
  'const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000));';

interface Load {
  /** Spawn to exit: what a cold start waits. */
  wallMs: number;
  /** CPU the process used: less swayed by other work on the machine than wall time. */
  cpuMs: number;
}

/** One fresh `node` that imports `file` and exits. */
async function loadOnce(file: string): Promise<Load> {
  const run = await runNode(['--input-type=module', '-e', LOADER, pathToFileURL(file).href], COLD_START_ENV);
  return { wallMs: run.wallMs, cpuMs: Number(run.report) };
}

const requestPath = (needs: readonly string[]) => needs.includes('http');

/**
 * A module importing only the AWS SDK packages a bundle imports (they stay external, as Lambda's
 * runtime provides them): how much of a function's load is the SDK's rather than its own.
 */
function sdkOnly(bundle: string): string {
  const packages = [
    ...new Set([...readFileSync(bundle, 'utf8').matchAll(/from"(@aws-sdk\/[^"]+)"/g)].map((m) => m[1] ?? '')),
  ].sort();
  const file = join(OUT, `sdk-${packages.map((p) => p.replace('@aws-sdk/', '')).join('+')}.mjs`);
  writeFileSync(file, packages.map((p) => `import '${p}';\n`).join(''));
  return file;
}

export const bundles: BenchModule = {
  id: 'bundles',
  title: 'Function bundles: size and load time over bare Node',
  needs: [],
  async run(ctx) {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const bare = join(OUT, 'bare.mjs');
    writeFileSync(bare, '');
    ctx.progress.step('bundles: building');
    const built = [];
    for (const fn of FUNCTIONS) {
      ctx.progress.tick(fn.name);
      const file = join(OUT, fn.name, 'index.mjs');
      const size = await bundleFunction(fn, file);
      // The request path also with the SDK inside the bundle (AWS's advice for cold starts), to compare.
      const withSdk = requestPath(fn.needs) ? join(OUT, `${fn.name}-sdk-bundled`, 'index.mjs') : undefined;
      const sdkSize = withSdk ? await bundleFunction(fn, withSdk, { bundleSdk: true }) : undefined;
      built.push({ fn, file, size, sdk: sdkOnly(file), withSdk, sdkSize });
    }

    ctx.progress.step(`bundles: loading each ${RUNS} times`);
    const targets = [
      ...new Set([bare, ...built.flatMap((b) => [b.sdk, b.file, ...(b.withSdk ? [b.withSdk] : [])])]),
    ];
    const times = new Map<string, Load[]>(targets.map((t) => [t, []]));
    for (const t of targets) await loadOnce(t); // the first load of each file pays for the page cache
    for (let r = 0; r < RUNS; r += 1) {
      ctx.progress.tick(`run ${r + 1}/${RUNS}`);
      for (const t of targets) times.get(t)?.push(await loadOnce(t));
    }
    // Each run's load minus the bare start in the same run, so a slow moment hits both.
    const bareRuns = times.get(bare) ?? [];
    const overBare = (file: string, of: keyof Load) =>
      (times.get(file) ?? []).map((l, r) => l[of] - (bareRuns[r]?.[of] ?? 0));
    const bareMs = median(bareRuns.map((l) => l.wallMs));

    const figures: Figure[] = [];
    for (const { fn, file, size, sdk, withSdk, sdkSize } of built) {
      const onPath = requestPath(fn.needs);
      const wall = overBare(file, 'wallMs');
      const ms = median(wall);
      const cpu = median(overBare(file, 'cpuMs'));
      const sdkMs = median(overBare(sdk, 'wallMs'));
      figures.push(
        {
          bench: `bundle ${fn.name}`,
          name: 'size',
          value: size.bytes,
          unit: 'bytes',
          note: `gzip ${(size.gzip / 1024).toFixed(1)} KB; AWS SDK external`,
          ...(onPath ? { goal: goal(size.bytes, '<', SIZE_GOAL, '< 600 KB') } : {}),
        },
        {
          bench: `bundle ${fn.name}`,
          name: `load time over bare node${onPath ? '' : ' (scheduled)'}`,
          value: ms,
          unit: 'ms',
          baseline: { name: 'bare node', value: bareMs },
          spread: spread(wall),
          note: `CPU +${Math.round(cpu)} ms; AWS SDK imports alone +${Math.round(sdkMs)} ms`,
          ...(onPath ? { goal: goal(ms, '<', LOAD_GOAL_MS, `< ${LOAD_GOAL_MS} ms`) } : {}),
        },
      );
      if (withSdk && sdkSize) {
        const bundled = overBare(withSdk, 'wallMs');
        const bundledMs = median(bundled);
        figures.push({
          bench: `bundle ${fn.name}`,
          name: 'load time over bare node, AWS SDK bundled',
          value: bundledMs,
          unit: 'ms',
          baseline: { name: 'SDK external (above)', value: ms },
          ratio: bundledMs / ms,
          spread: spread(bundled),
          note: `size ${(sdkSize.bytes / 1024).toFixed(1)} KB, gzip ${(sdkSize.gzip / 1024).toFixed(1)} KB; CPU +${Math.round(median(overBare(withSdk, 'cpuMs')))} ms (external: +${Math.round(cpu)} ms)`,
        });
      }
    }
    ctx.progress.step("bundles: the report functions' chart, from a bundle");
    const probe = await buildChartProbe(join(OUT, 'chart-probe'));
    const charts = [];
    for (let r = 0; r < 5; r += 1) charts.push(await runChartProbe(probe));
    figures.push(
      {
        bench: 'bundle chart',
        name: 'first chart in a fresh process (WebAssembly compiled)',
        value: median(charts.map((c) => c.firstMs)),
        unit: 'ms',
        spread: spread(charts.map((c) => c.firstMs)),
        note: `resvg.wasm ${(statSync(join(OUT, 'chart-probe', 'resvg.wasm')).size / 1024).toFixed(0)} KB and the font ${(statSync(join(OUT, 'chart-probe', 'NotoSansSC-charts.ttf')).size / 1024).toFixed(0)} KB beside the bundle; 5 runs`,
      },
      {
        bench: 'bundle chart',
        name: 'next chart, same process',
        value: median(charts.map((c) => c.warmMs)),
        unit: 'ms',
        spread: spread(charts.map((c) => c.warmMs)),
        note: `PNG ${((charts[0]?.bytes ?? 0) / 1024).toFixed(1)} KB (1280 × 600)`,
      },
    );
    return figures;
  },
};
