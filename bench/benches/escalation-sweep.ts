/**
 * The escalation sweep's read cost on a large table: `listDue`, the sweep's only read (the sparse openByDue
 * index, keyed by when the sweep must next look at each case), against a full-scan variant written here
 * only, on the same seeded table in the same run. Both must find the same cases, or the figures mean nothing.
 */
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { makeDynamoCaseRepository } from '../../shared/adapters/dynamodb/case-repository.js';
import { ITEM_TYPE, stripKeys } from '../../shared/adapters/dynamodb/items.js';
import type { Case } from '../../shared/domain/case.js';
import { sweepKey } from '../../shared/domain/escalation.js';
import { listDue } from '../../shared/usecases/escalate.js';
import { SEED_PARALLEL, seededTable } from '../lib/cases.js';
import { alternate, timed } from '../lib/load.js';
import { goal, median, ratio, spread } from '../lib/stats.js';
import type { BenchModule, Figure } from '../types.js';

const NOW = new Date('2026-11-20T02:00:00.000Z');
const PER_DAY = 500;
const HOUR = 3_600_000;
/** Open cases' next looks run from 2 days ago to 8 days ahead, so about a fifth are due. */
const DUE_FROM = -48 * HOUR;
const DUE_SPAN = 240 * HOUR;
const ROUNDS = 3;
const SWEEPS_PER_ROUND = 3;
const TIME_GOAL = 0.1;

type Found = string[];

/** The sweep's read as it would be without the index: read every item, keep the open cases due a look. */
async function scanSweep(db: DynamoDBDocumentClient, tableName: string) {
  const found: Found = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#type = :case AND #status <> :closed',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: { ':case': ITEM_TYPE.case, ':closed': 'closed' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of out.Items ?? []) {
      const c = stripKeys<Case>(item);
      if (sweepKey(c) <= NOW.toISOString()) found.push(c.caseNo);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

const same = (a: Found, b: Found) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export const escalationSweep: BenchModule = {
  id: 'escalation-sweep',
  title: 'Escalation sweep: openByDue index vs a full scan',
  needs: ['dynamodb'],
  async run(ctx) {
    const { sweepCases, sweepOpen } = ctx.scale;
    const horizon = NOW.getTime();
    let openDue = 0;
    // The newest cases are the open ones; everything older is closed.
    const dueAt = (i: number) => {
      if (i >= sweepOpen) return undefined;
      const at = NOW.getTime() + DUE_FROM + Math.floor((i * DUE_SPAN) / sweepOpen);
      if (at <= horizon) openDue += 1;
      return new Date(at).toISOString();
    };
    const { tableName, db, reads, seedingMs } = await seededTable(ctx, {
      prefix: 'escalation-sweep',
      count: sweepCases,
      lastDay: Date.parse(NOW.toISOString().slice(0, 10)),
      perDay: PER_DAY,
      dueAt,
    });

    const cases = makeDynamoCaseRepository(db, tableName);
    const indexed = async (): Promise<Found> => (await listDue(cases, NOW)).due.map((c) => c.caseNo);

    ctx.progress.step('escalation sweep: index vs scan');
    const first = await indexed(); // warm-up, and the answer the scan must match
    const found = first.length;
    if (found !== openDue) throw new Error(`seeded ${openDue} open cases due, the sweep found ${found}`);
    const itemsRead = { sweep: 0, scan: 0, scanPages: 0 };
    const scan = async () => {
      reads.reset();
      const { ms, result } = await timed(() => scanSweep(db, tableName));
      itemsRead.scan = reads.itemsRead;
      itemsRead.scanPages = reads.total();
      if (!same(result, first)) throw new Error('the scan and the index found different cases');
      return ms;
    };
    // The sweep is short and the scan long: each round takes the median of a few sweeps.
    const sweep = async () => {
      const ms: number[] = [];
      for (let s = 0; s < SWEEPS_PER_ROUND; s += 1) {
        reads.reset();
        ms.push((await timed(indexed)).ms);
        itemsRead.sweep = reads.itemsRead;
      }
      return median(ms);
    };
    const rounds = await alternate(ROUNDS, scan, sweep, (r) => ctx.progress.tick(`round ${r}/${ROUNDS}`));
    const timeRatio = median(rounds.ratios);

    const figures: Figure[] = [
      {
        bench: 'escalation',
        name: `items read (${sweepOpen.toLocaleString('en-US')} open of ${sweepCases.toLocaleString('en-US')})`,
        value: itemsRead.sweep,
        unit: 'items',
        baseline: { name: 'full scan', value: itemsRead.scan },
        ratio: ratio(itemsRead.sweep, itemsRead.scan),
        goal: goal(itemsRead.sweep, '≤', openDue, `≤ ${openDue} open cases due`),
      },
      {
        bench: 'escalation',
        name: 'sweep time',
        value: median(rounds.value),
        unit: 'ms',
        baseline: { name: 'full scan', value: median(rounds.baseline) },
        ratio: timeRatio,
        spread: spread(rounds.ratios),
        goal: goal(timeRatio, '<', TIME_GOAL),
        note: `${ROUNDS} rounds of ${SWEEPS_PER_ROUND} sweeps and 1 scan (${itemsRead.scanPages} pages)`,
      },
      {
        bench: 'escalation',
        name: `seeding ${sweepCases.toLocaleString('en-US')} cases`,
        value: seedingMs / 1000,
        unit: 's',
        note: `BatchWriteItem, ${SEED_PARALLEL} in flight: ${Math.round(sweepCases / (seedingMs / 1000)).toLocaleString('en-US')} items/s`,
      },
    ];
    return figures;
  },
};
