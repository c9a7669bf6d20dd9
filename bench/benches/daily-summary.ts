/**
 * The daily review's reads over a busy day: `makeDailyReview` (the day's and the day before's cases by
 * receivedByDay, every open case by openByDue, the events of the notify look-back by eventsByDay, 29 day
 * counts for the chart) against one raw Query of the day's receivedByDay partition in the same run. The
 * sheet is a stand-in that keeps nothing and no one is mailed: this measures the reads and the figures.
 */

import { fixedClock } from '../../shared/adapters/clock.js';
import { makeDynamoCaseRepository } from '../../shared/adapters/dynamodb/case-repository.js';
import { listReceivedOn } from '../../shared/adapters/dynamodb/cases.js';
import { tableReader } from '../../shared/adapters/dynamodb/items.js';
import { DEFAULT_VALUE_LISTS } from '../../shared/domain/values.js';
import type { ReportStateStore } from '../../shared/ports/report-state.js';
import { makeDailyReview } from '../../shared/usecases/daily-review.js';
import { rules, silentLogger } from '../../test/support/builders.js';
import { seededTable } from '../lib/cases.js';
import { alternate, timed } from '../lib/load.js';
import { median, ratio, spread } from '../lib/stats.js';
import type { BenchModule, Figure } from '../types.js';

const DAY = '2026-11-20';
const ROUNDS = 7;
/** Every fifth case of the day is still open, as on a busy day. */
const OPEN_EVERY = 5;

const noState: ReportStateStore = { lastDone: async () => undefined, markDone: async () => undefined };

export const dailySummary: BenchModule = {
  id: 'daily-summary',
  title: 'Daily review over a busy day vs a raw Query',
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
    const r = rules();
    const dailyReview = makeDailyReview({
      cases: makeDynamoCaseRepository(db, tableName),
      sheet: {
        writeDaily: async () => ({ row: 2, replaced: false }),
        writeMonthly: async () => ({ row: 2, replaced: false }),
      },
      sendOnce: async () => 'sent',
      roster: { get: async () => undefined, put: async () => undefined },
      state: noState,
      charts: { png: async () => new Uint8Array() },
      clock: fixedClock(`${DAY}T10:00:00.000Z`),
      logger: silentLogger,
      rules: r,
      settings: {
        report: { langs: ['zh-CN', 'en'], lists: DEFAULT_VALUE_LISTS, timeZone: 'Asia/Shanghai' },
        recipients: [],
        execManagers: [],
        supervisors: [],
      },
    });
    const review = () => dailyReview(new Date(`${DAY}T10:00:00.000Z`));
    // The same keyed read with no page size of its own: DynamoDB's 1 MB pages, nothing counted or kept.
    const read = tableReader(db, tableName);
    const rawQuery = async () => {
      let cursor: string | undefined;
      do {
        cursor = (await listReceivedOn(read, DAY, { limit: 1_000_000, ...(cursor ? { cursor } : {}) }))
          .cursor;
      } while (cursor);
    };

    ctx.progress.step('daily summary: review vs raw query');
    const first = await review(); // warm-up, and a check the day is whole
    const received = first.days[0]?.received;
    if (received !== dayCases) throw new Error(`the review counted ${received} of ${dayCases} cases`);
    await rawQuery();
    const measured = { reviewItems: 0, reviewCalls: 0, queryItems: 0, queryCalls: 0 };
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
        const { ms } = await timed(review);
        measured.reviewItems = reads.itemsRead;
        measured.reviewCalls = reads.total();
        return ms;
      },
      (n) => ctx.progress.tick(`round ${n}/${ROUNDS}`),
    );
    const label = `${dayCases.toLocaleString('en-US')} cases, ${dayCases / OPEN_EVERY} open`;
    const figures: Figure[] = [
      {
        bench: 'daily summary',
        name: `items read (${label})`,
        value: measured.reviewItems,
        unit: 'items',
        baseline: { name: 'raw Query of the day', value: measured.queryItems },
        ratio: ratio(measured.reviewItems, measured.queryItems),
        note: 'the day, the open cases (openByDue), the day before, the events',
      },
      {
        bench: 'daily summary',
        name: 'queries',
        value: measured.reviewCalls,
        unit: 'calls',
        baseline: { name: 'raw Query, 1 MB pages', value: measured.queryCalls },
        ratio: ratio(measured.reviewCalls, measured.queryCalls),
        note: '200 cases a page; 29 day counts for the chart',
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
