/**
 * The daily summary's read over a busy day: `makeSummarizeDays` (the receivedByDay index, a page at a
 * time through the repository) against one raw Query of the same index partition in the same run.
 */
import { makeDynamoCaseRepository } from '../../shared/adapters/dynamodb/case-repository.js';
import { listReceivedOn } from '../../shared/adapters/dynamodb/cases.js';
import { tableReader } from '../../shared/adapters/dynamodb/items.js';
import { makeSummarizeDays } from '../../shared/usecases/summarize-days.js';
import { calendar } from '../../test/support/builders.js';
import { seededTable } from '../lib/cases.js';
import { alternate, timed } from '../lib/load.js';
import { median, ratio, spread } from '../lib/stats.js';
import type { BenchModule, Figure } from '../types.js';

const DAY = '2026-11-20';
const ROUNDS = 7;
/** Every fifth case of the day is still open, as on a busy day. */
const OPEN_EVERY = 5;

export const dailySummary: BenchModule = {
  id: 'daily-summary',
  title: 'Daily summary over a busy day vs a raw Query',
  needs: ['dynamodb'],
  async run(ctx) {
    const { dayCases } = ctx.scale;
    const lastDay = Date.parse(DAY);
    const dueAt = new Date(lastDay + 5 * 86_400_000).toISOString();
    const { tableName, db, reads } = await seededTable(ctx, {
      prefix: 'daily-summary',
      count: dayCases,
      lastDay,
      perDay: dayCases,
      dueAt: (i) => (i % OPEN_EVERY ? undefined : dueAt),
    });

    const summarizeDays = makeSummarizeDays({
      cases: makeDynamoCaseRepository(db, tableName),
      addDays: calendar().addDays,
    });
    // The same keyed read with no page size of its own: DynamoDB's 1 MB pages, nothing counted or kept.
    const read = tableReader(db, tableName);
    const rawQuery = async () => {
      let cursor: string | undefined;
      do {
        cursor = (await listReceivedOn(read, DAY, { limit: 1_000_000, ...(cursor ? { cursor } : {}) }))
          .cursor;
      } while (cursor);
    };

    ctx.progress.step('daily summary: summary vs raw query');
    const summary = await summarizeDays(DAY, DAY); // warm-up, and a check the day is whole
    if (summary.total !== dayCases) throw new Error(`summary counted ${summary.total} of ${dayCases} cases`);
    await rawQuery();
    const measured = { summaryItems: 0, summaryCalls: 0, queryItems: 0, queryCalls: 0 };
    const rounds = await alternate(
      ROUNDS,
      async () => {
        reads.reset();
        const { ms } = await timed(rawQuery);
        measured.queryItems = reads.itemsRead;
        measured.queryCalls = reads.total();
        return ms;
      },
      async () => {
        reads.reset();
        const { ms } = await timed(() => summarizeDays(DAY, DAY));
        measured.summaryItems = reads.itemsRead;
        measured.summaryCalls = reads.total();
        return ms;
      },
      (r) => ctx.progress.tick(`round ${r}/${ROUNDS}`),
    );
    const label = `${dayCases.toLocaleString('en-US')} cases`;
    const figures: Figure[] = [
      {
        bench: 'daily summary',
        name: `items read (${label})`,
        value: measured.summaryItems,
        unit: 'items',
        baseline: { name: 'raw Query', value: measured.queryItems },
        ratio: ratio(measured.summaryItems, measured.queryItems),
      },
      {
        bench: 'daily summary',
        name: 'queries',
        value: measured.summaryCalls,
        unit: 'calls',
        baseline: { name: 'raw Query, 1 MB pages', value: measured.queryCalls },
        ratio: ratio(measured.summaryCalls, measured.queryCalls),
        note: 'the repository pages 200 cases at a time',
      },
      {
        bench: 'daily summary',
        name: 'time',
        value: median(rounds.value),
        unit: 'ms',
        baseline: { name: 'raw Query', value: median(rounds.baseline) },
        ratio: median(rounds.ratios),
        spread: spread(rounds.ratios),
        note: `${ROUNDS} alternating rounds`,
      },
    ];
    return figures;
  },
};
