/**
 * The scheduled sheet sync on a large sheet: calls per sync, time and peak memory, each run a cold
 * `sync-sheet` in a fresh process (the function's bundle code, run by plain node), against the raw read
 * of the same Cases tab — one `values.batchGet` through Google's client in a fresh process — measured
 * alternately in the same run. Two kinds of run: nothing changed since the last sync, and 100 changed
 * rows (50 edited in the sheet by a "manager", 50 cases changed through another door).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sheets } from '@googleapis/sheets';
import { REPO_ROOT } from '../../local/handlers.js';
import { type SheetsEmulator, startSheetsEmulator } from '../../local/sheets-emulator/index.js';
import { bundleEntry } from '../../scripts/bundle.js';
import type { AppEnv } from '../../shared/config.js';
import { CASES_TAB, columnIndex } from '../../shared/sheet/columns.js';
import { columnLetter } from '../../shared/sheet/tab-spec.js';
import type { SyncOutcome } from '../../shared/usecases/sync-sheet.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireSheetSync } from '../../shared/wiring/sheet-sync.js';
import { BUNDLE_DIR, runNode } from '../lib/child.js';
import { timed } from '../lib/load.js';
import { seedSheetAndTable } from '../lib/sheet.js';
import { goal, median, ratio, spread } from '../lib/stats.js';
import type { BenchContext, BenchModule, Figure } from '../types.js';

const ROUNDS = 3;
const CHANGED = 100;
const MEMORY_GOAL = 256 * 2 ** 20;
const OUT = join(BUNDLE_DIR, 'sheet-sync');
const SYNC_CHILD = join(OUT, 'sync-once.mjs');
const READ_CHILD = join(OUT, 'batch-get.mjs');

interface Run {
  ms: number;
  maxRssBytes: number;
  calls: Record<string, number>;
}

const WRITES = ['spreadsheets.values.batchUpdate', 'spreadsheets.batchUpdate'];
const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
const writes = (calls: Record<string, number>) => WRITES.reduce((n, m) => n + (calls[m] ?? 0), 0);
const callsNote = (calls: Record<string, number>) =>
  Object.entries(calls)
    .map(([m, n]) => `${m.replace('spreadsheets.', '')} ${n}`)
    .join(', ');

/** What the sync-sheet function reads at cold start, pointed at this bench's stand-ins. */
function functionEnv(ctx: BenchContext, sheetsUrl: string, tableName: string, spreadsheetId: string) {
  return {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: ctx.dynamo?.endpoint ?? '',
    SES_ENDPOINT: ctx.sesUrl ?? '',
    SHEETS_ROOT_URL: sheetsUrl,
    SPREADSHEET_ID: spreadsheetId,
    APP_SECRET: randomBytes(32).toString('base64url'),
    MAIL_FROM: 'complaints@studio.example',
    EXEC_MANAGER_EMAILS: 'exec@studio.example',
    LOG_LEVEL: 'error',
  } satisfies AppEnv;
}

async function measureSize(ctx: BenchContext, emulator: SheetsEmulator, count: number): Promise<Figure[]> {
  const dynamo = ctx.dynamo;
  if (!dynamo) throw new Error('the sheet sync bench needs DynamoDB Local');
  const size = count.toLocaleString('en-US');
  const api = sheets({ version: 'v4', rootUrl: emulator.url });
  const created = await api.spreadsheets.create({
    requestBody: { properties: { title: `bench ${size}`, timeZone: 'Asia/Shanghai' } },
  });
  const spreadsheetId = created.data.spreadsheetId as string;
  const tableName = await dynamo.newTable(`sheet-sync-${count}`);
  const env = functionEnv(ctx, emulator.url, tableName, spreadsheetId);
  Object.assign(process.env, env);
  const core = await wireCore('bench-sheet-sync');
  const { deps } = await wireSheetSync(core, { timeoutSeconds: 60 });
  const now = new Date();
  const { ms: seedingMs, result: seeded } = await timed(() =>
    seedSheetAndTable(ctx, { db: dynamo.client(), tableName, deps, count, now }),
  );

  const childEnv = { ...env, NODE_OPTIONS: '' } as Record<string, string>;
  const sync = async (): Promise<Run & { outcome: SyncOutcome }> => {
    emulator.resetCalls();
    const run = await runNode([SYNC_CHILD], childEnv);
    const r = JSON.parse(run.report) as { ms: number; maxRssBytes: number; outcome: SyncOutcome };
    return { ...r, calls: emulator.calls() };
  };
  const read = async (): Promise<Run> => {
    emulator.resetCalls();
    const run = await runNode([READ_CHILD, emulator.url, spreadsheetId], childEnv);
    const r = JSON.parse(run.report) as { ms: number; maxRssBytes: number; rows: number };
    if (r.rows !== count + 1) throw new Error(`the raw read found ${r.rows} rows, not ${count + 1}`);
    return { ...r, calls: emulator.calls() };
  };

  // The first sync after seeding must already have nothing to write, or the seeding is not what the sync writes.
  ctx.progress.step(`sheet sync ${size}: first sync`);
  const first = await sync();
  if (writes(first.calls)) throw new Error(`the first sync after seeding wrote: ${callsNote(first.calls)}`);

  const runs = { quiet: [] as Run[], changed: [] as Run[], read: [] as Run[] };
  const ratios = { quiet: [] as number[], changed: [] as number[] };
  ctx.progress.step(`sheet sync ${size}: no change`);
  for (let r = 1; r <= ROUNDS; r += 1) {
    ctx.progress.tick(`round ${r}/${ROUNDS}`);
    const base = await read();
    const s = await sync();
    runs.read.push(base);
    runs.quiet.push(s);
    ratios.quiet.push(s.ms / base.ms);
  }

  // 100 changed rows a round: half edited in the sheet as a manager types, half changed through another door.
  const notes = columnLetter(columnIndex('notes'));
  ctx.progress.step(`sheet sync ${size}: ${CHANGED} changed rows`);
  for (let r = 1; r <= ROUNDS; r += 1) {
    ctx.progress.tick(`round ${r}/${ROUNDS}`);
    const picked = Array.from({ length: CHANGED }, (_, k) =>
      Math.floor(((k + r / (ROUNDS + 1)) * count) / CHANGED),
    );
    const inSheet = picked.slice(0, CHANGED / 2);
    const inStore = picked.slice(CHANGED / 2);
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: inSheet.map((i) => ({ range: `${CASES_TAB}!${notes}${i + 2}`, values: [[`回访记录 ${r}`]] })),
      },
    });
    for (const i of inStore) {
      const caseNo = seeded.numbers[i] as string;
      const c = await deps.cases.get(caseNo);
      if (!c) throw new Error(`seeded case ${caseNo} is missing`);
      await deps.updateCase(caseNo, c.version, {
        patch: { notes: `客户来电 ${r}` },
        actor: { id: 'bench', door: 'api' },
      });
    }
    const base = await read();
    const s = await sync();
    const pass = s.outcome.passes[0];
    if (!pass || pass.applied !== inSheet.length || pass.rowsWritten < CHANGED)
      throw new Error(`the sync of ${CHANGED} changed rows did ${JSON.stringify(s.outcome.passes)}`);
    runs.read.push(base);
    runs.changed.push(s);
    ratios.changed.push(s.ms / base.ms);
  }

  const most = (rs: Run[], f: (r: Run) => number) => Math.max(...rs.map(f));
  const rss = (rs: Run[]) => most(rs, (r) => r.maxRssBytes);
  const syncs = [...runs.quiet, ...runs.changed];
  const bench = `sheet sync ${size}`;
  const readName = 'one raw values.batchGet';
  return [
    {
      bench,
      name: 'calls per sync, no change',
      value: most(runs.quiet, (r) => total(r.calls)),
      unit: 'calls',
      baseline: { name: readName, value: 1 },
      goal: {
        text: '≤ 2, no writes',
        met: most(runs.quiet, (r) => total(r.calls)) <= 2 && most(runs.quiet, (r) => writes(r.calls)) === 0,
      },
      note: callsNote(runs.quiet.at(-1)?.calls ?? {}),
    },
    {
      bench,
      name: `calls per sync, ${CHANGED} changed rows`,
      value: most(runs.changed, (r) => total(r.calls)),
      unit: 'calls',
      baseline: { name: readName, value: 1 },
      goal: goal(
        most(runs.changed, (r) => total(r.calls)),
        '≤',
        3,
      ),
      note: `${callsNote(runs.changed.at(-1)?.calls ?? {})}; 50 edited in the sheet, 50 in the store`,
    },
    {
      bench,
      name: 'time, no change',
      value: median(runs.quiet.map((r) => r.ms)),
      unit: 'ms',
      baseline: { name: readName, value: median(runs.read.slice(0, ROUNDS).map((r) => r.ms)) },
      ratio: median(ratios.quiet),
      spread: spread(ratios.quiet),
      note: `${ROUNDS} alternating rounds, each a fresh process; the invocation, not the cold start`,
    },
    {
      bench,
      name: `time, ${CHANGED} changed rows`,
      value: median(runs.changed.map((r) => r.ms)),
      unit: 'ms',
      baseline: { name: readName, value: median(runs.read.slice(ROUNDS).map((r) => r.ms)) },
      ratio: median(ratios.changed),
      spread: spread(ratios.changed),
      note: `${ROUNDS} alternating rounds`,
    },
    {
      bench,
      name: 'peak memory (max RSS)',
      value: rss(syncs),
      unit: 'bytes',
      baseline: { name: readName, value: rss(runs.read) },
      ratio: ratio(rss(syncs), rss(runs.read)),
      goal: goal(rss(syncs), '<', MEMORY_GOAL, '< 256 MB'),
      note: `the most of ${syncs.length} runs; cold start included, as Lambda counts it`,
    },
    {
      bench,
      name: `seeding ${size} cases and rows`,
      value: seedingMs / 1000,
      unit: 's',
      note: `BatchWriteItem to the table; ${Math.ceil(count / 5000)} values.batchUpdate to the sheet`,
    },
  ];
}

export const sheetSync: BenchModule = {
  id: 'sheet-sync',
  title: 'Sheet sync on a large sheet vs one raw values.batchGet',
  needs: ['dynamodb', 'ses'],
  async run(ctx) {
    mkdirSync(OUT, { recursive: true });
    ctx.progress.step('sheet sync: building the function and its baseline');
    await bundleEntry(join(REPO_ROOT, 'bench/children/sync-once.ts'), SYNC_CHILD);
    await bundleEntry(join(REPO_ROOT, 'bench/children/batch-get.ts'), READ_CHILD);
    const emulator = await startSheetsEmulator({ port: 0, quota: false });
    const figures: Figure[] = [];
    try {
      for (const count of ctx.scale.syncRows) figures.push(...(await measureSize(ctx, emulator, count)));
    } finally {
      await emulator.close();
    }
    return figures;
  },
};
