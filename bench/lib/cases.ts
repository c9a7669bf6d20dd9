/**
 * Case items for seeding, as the repository stores them (`caseItem`), made from one real case
 * (`createCase` through the test builders) with the number, times and state varied.
 */
import { caseItem } from '../../shared/adapters/dynamodb/cases.js';
import type { AuditEvent, Case } from '../../shared/domain/case.js';
import { formatCaseNumber } from '../../shared/domain/case-number.js';
import { newCaseWithEvent } from '../../test/support/builders.js';
import type { BenchContext } from '../types.js';
import { batchPut, countReads } from './dynamo.js';
import { timed } from './load.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A typical complaint as the form records it: name, phone, a sentence or two, a category, a stage. */
export function templateCase(): { case: Case; event: AuditEvent } {
  return newCaseWithEvent({
    submission: {
      name: '刘女士',
      phone: '13912345678',
      description: '婚纱照精修片有三张脸部变形，客户要求重新修片并在周五前发送。',
      category: 'quality',
      stage: 'post_production',
      requests: 'retouch',
      channel: 'phone',
      staffInvolved: '小王',
    },
  });
}

/**
 * The i-th case of a history received `perDay` a day going back from `lastDay` (ms of that day, UTC
 * midnight), spread over 10:00–20:00 Shanghai time. Closed unless `dueAt` is given: then open, and due a
 * look by the escalation sweep at `dueAt`.
 */
export function historicCase(
  template: Case,
  i: number,
  lastDay: number,
  perDay: number,
  dueAt?: string,
): Case {
  const dayMs = lastDay - Math.floor(i / perDay) * DAY_MS;
  const day = isoDay(dayMs);
  const receivedAt = new Date(
    dayMs + 2 * HOUR_MS + (i % perDay) * Math.floor((10 * HOUR_MS) / perDay),
  ).toISOString();
  const caseNo = formatCaseNumber(day, (i % perDay) + 1);
  const common = {
    ...template,
    caseNo,
    receivedAt,
    receivedDay: day,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
  if (dueAt) {
    // Open, and planned by a sweep: it sorts in openByDue at `dueAt`, when the sweep must next look.
    return {
      ...common,
      status: 'investigating',
      nextDue: { kind: 'resolve', dueAt },
      escalation: { ...template.escalation, next: dueAt },
      version: 3,
    };
  }
  const { nextDue: _open, ...closed } = common;
  return {
    ...closed,
    status: 'closed',
    version: 7,
    deadlines: template.deadlines.map((d) => ({ ...d, metAt: receivedAt })),
    closedAt: receivedAt,
    satisfaction: 'satisfied',
  };
}

export const SEED_PARALLEL = 16;

/**
 * A fresh table holding `count` cases (see `historicCase`), written with BatchWriteItem
 * `SEED_PARALLEL` requests at a time; `reads` counts only what runs after the seeding.
 */
export async function seededTable(
  ctx: BenchContext,
  opts: {
    prefix: string;
    count: number;
    lastDay: number;
    perDay: number;
    dueAt: (i: number) => string | undefined;
  },
) {
  if (!ctx.dynamo) throw new Error(`${opts.prefix}: this bench needs DynamoDB Local`);
  const tableName = await ctx.dynamo.newTable(opts.prefix);
  const db = ctx.dynamo.client();
  const template = templateCase().case;
  function* items() {
    for (let i = 0; i < opts.count; i += 1) {
      yield caseItem(historicCase(template, i, opts.lastDay, opts.perDay, opts.dueAt(i)));
    }
  }
  const total = opts.count.toLocaleString('en-US');
  ctx.progress.step(`${opts.prefix}: seeding ${total} cases`);
  const { ms } = await timed(() =>
    batchPut(db, tableName, items(), {
      parallel: SEED_PARALLEL,
      onProgress: (n) => ctx.progress.tick(`${n.toLocaleString('en-US')} / ${total}`),
    }),
  );
  return { tableName, db, reads: countReads(db), seedingMs: ms };
}
