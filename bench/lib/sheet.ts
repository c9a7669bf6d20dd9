/**
 * A sheet as the sync leaves it, made fast for the sync bench: N cases written to the table with
 * BatchWriteItem, the same cases rendered as the sync renders them (`newRow`) and written to the Cases tab
 * a few thousand rows per `values.batchUpdate`, the tabs laid out as the sync lays them out, and the
 * sync's state saying it has shown them all. A sync with nothing to do should then find nothing to do.
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseItem } from '../../shared/adapters/dynamodb/cases.js';
import type { Case } from '../../shared/domain/case.js';
import { CASE_COLUMNS, CASES_TAB, columnIndex } from '../../shared/sheet/columns.js';
import { planLayout, type TabLayout } from '../../shared/sheet/tab-spec.js';
import { makeKit, type SyncSheetDeps } from '../../shared/usecases/sheet-kit.js';
import type { BenchContext } from '../types.js';
import { historicCase, SEED_PARALLEL, templateCase } from './cases.js';
import { batchPut } from './dynamo.js';

/** Rows per `values.batchUpdate` while seeding (Google takes requests of up to about 10 MB). */
const ROWS_PER_WRITE = 5000;
const PER_DAY = 200;
const DAY_MS = 86_400_000;

/** The i-th seeded case: received `PER_DAY` a day back from yesterday; one in twenty still open. */
export function seededCase(template: Case, i: number, now: Date): Case {
  const lastDay = Date.parse(now.toISOString().slice(0, 10)) - DAY_MS;
  const dueAt =
    i % 20 === 0 ? new Date(now.getTime() + ((i % 240) - 48) * 3_600_000).toISOString() : undefined;
  return historicCase(template, i, lastDay, PER_DAY, dueAt);
}

export async function seedSheetAndTable(
  ctx: BenchContext,
  opts: { db: DynamoDBDocumentClient; tableName: string; deps: SyncSheetDeps; count: number; now: Date },
): Promise<{ numbers: string[] }> {
  const { deps, count, now } = opts;
  const template = templateCase().case;
  const total = count.toLocaleString('en-US');
  ctx.progress.step(`sheet sync: seeding ${total} cases into the table`);
  const numbers: string[] = [];
  function* items() {
    for (let i = 0; i < count; i += 1) {
      const c = seededCase(template, i, now);
      numbers.push(c.caseNo);
      yield caseItem(c);
    }
  }
  await batchPut(opts.db, opts.tableName, items(), {
    parallel: SEED_PARALLEL,
    onProgress: (n) => ctx.progress.tick(`${n.toLocaleString('en-US')} / ${total}`),
  });

  ctx.progress.step(`sheet sync: seeding ${total} rows into the sheet`);
  const kit = makeKit(deps);
  const info = await deps.sheet.info();
  const plans = [
    planLayout(kit.specs.cases, undefined, undefined, count + 1),
    planLayout(kit.specs.staff, undefined, undefined),
    planLayout(kit.specs.history, undefined, undefined),
  ].filter((p): p is TabLayout => !!p);
  await deps.sheet.layout(plans);
  const rowCtx = kit.rowContext(info.timeZone);
  for (let from = 0; from < count; from += ROWS_PER_WRITE) {
    const values = [];
    for (let i = from; i < Math.min(count, from + ROWS_PER_WRITE); i += 1) {
      values.push(kit.rows.newRow(seededCase(template, i, now), { ctx: rowCtx, now }, ''));
    }
    await deps.sheet.write([{ tab: CASES_TAB, row: from + 2, column: 1, values }]);
    ctx.progress.tick(`${Math.min(count, from + ROWS_PER_WRITE).toLocaleString('en-US')} / ${total}`);
  }

  await deps.store.saveState({
    spreadsheetId: deps.settings.spreadsheetId,
    eventsFrom: now.toISOString(),
    recentEvents: [],
    historyNext: 2,
    known: new Set(numbers),
    unplaced: new Set(),
    timeZone: info.timeZone,
    casesColumns: {
      caseNo: columnIndex('caseNo') + 1,
      state: columnIndex('state') + 1,
      width: CASE_COLUMNS.length,
    },
    updatedAt: now.toISOString(),
  });
  return { numbers };
}
