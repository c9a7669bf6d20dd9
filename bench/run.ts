/**
 * `npm run bench`: runs the registered benchmarks (registry.ts) against its own DynamoDB Local and SES
 * stand-in, prints one table on stdout (progress goes to stderr) and writes the figures as JSON to
 * bench/results/<timestamp>.json and, when every bench ran, bench/results/latest.json.
 *
 * BENCH_SCALE sizes the escalation sweep as a share of the 100,000 cases (1% open). The
 * default, 0.2, is what fits a few minutes: seeding is quick enough, but DynamoDB Local's Scan (the
 * baseline) slows with every page as the table grows, so a full-size scan takes minutes on its own.
 * BENCH_ONLY=intake,bundles runs a subset.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../local/handlers.js';
import { makeProgress, type Progress } from './lib/progress.js';
import { startServices } from './lib/services.js';
import { formatTable } from './lib/table.js';
import { BENCHES } from './registry.js';
import type { BenchModule, Figure, Scale } from './types.js';

export const DEFAULT_SCALE = 0.2;

function scaleFrom(text: string | undefined): Scale {
  const factor = text === undefined || text === '' ? DEFAULT_SCALE : Number(text);
  if (!Number.isFinite(factor) || factor <= 0)
    throw new Error(`BENCH_SCALE must be a positive number, not "${text}"`);
  const sweepCases = Math.round(100_000 * factor);
  return {
    factor,
    sweepCases,
    sweepOpen: Math.max(1, Math.round(sweepCases / 100)),
    dayCases: 2_000,
    syncRows: (process.env.BENCH_SYNC_ROWS ?? '10000,50000').split(',').map(Number),
  };
}

function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** BENCH_ONLY=id,id: a subset of the registry, by id. */
function selection(text: string | undefined): readonly BenchModule[] {
  const only = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((id) => !BENCHES.some((b) => b.id === id));
  if (unknown.length) {
    const known = BENCHES.map((b) => b.id).join(', ');
    throw new Error(`BENCH_ONLY names no bench: ${unknown.join(', ')} (there are ${known})`);
  }
  return only.length ? BENCHES.filter((b) => only.includes(b.id)) : BENCHES;
}

async function runAll(selected: readonly BenchModule[], scale: Scale, progress: Progress) {
  const needs = new Set(selected.flatMap((b) => b.needs));
  if (needs.size) progress.step(`starting ${[...needs].join(' and ')}`);
  const services = await startServices(needs);
  const figures: Figure[] = [];
  const durations: Record<string, number> = {};
  try {
    for (const [i, bench] of selected.entries()) {
      const t0 = performance.now();
      progress.step(`[${i + 1}/${selected.length}] ${bench.title}`);
      const ctx = {
        scale,
        progress,
        ...(services.dynamo ? { dynamo: services.dynamo } : {}),
        ...(services.sesUrl ? { sesUrl: services.sesUrl } : {}),
      };
      figures.push(...(await bench.run(ctx)));
      durations[bench.id] = Math.round(performance.now() - t0) / 1000;
      progress.done(`${bench.id} in ${durations[bench.id]} s`);
    }
  } finally {
    await services.close();
  }
  return { figures, durations };
}

async function main() {
  const started = new Date();
  const scale = scaleFrom(process.env.BENCH_SCALE);
  const selected = selection(process.env.BENCH_ONLY);
  const host = machine();
  const { figures, durations } = await runAll(selected, scale, makeProgress());
  const seconds = Math.round((Date.now() - started.getTime()) / 100) / 10;

  const json = `${JSON.stringify({ startedAt: started.toISOString(), seconds, machine: host, scale, benches: durations, figures }, null, 2)}\n`;
  const dir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  // latest.json is the README table's source: only a run of every bench replaces it.
  const complete = selected.length === BENCHES.length;
  if (complete) writeFileSync(join(dir, 'latest.json'), json);

  const sized =
    scale.factor === 1
      ? 'full size'
      : `scale ${scale.factor} of the issue's 100,000 (BENCH_SCALE=1 for full size; DynamoDB Local's full scan then takes minutes)`;
  process.stdout.write(
    `\n${formatTable(figures)}\n\n` +
      `${host.nproc} × ${host.cpu}, ${host.memoryGiB} GiB, Node ${host.node}, load ${host.loadAverage1m} at start; ${seconds} s\n` +
      `escalation sweep: ${scale.sweepCases.toLocaleString('en-US')} cases, ${scale.sweepOpen.toLocaleString('en-US')} open: ${sized}\n` +
      `saved ${file}${complete ? ' and latest.json' : ' (BENCH_ONLY: latest.json left as it was)'}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`\n${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
