/** Case items and the daily case-number sequence: keys, index attributes and their reads. */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Case, isOpen } from '../../domain/case.js';
import { sweepKey } from '../../domain/escalation.js';
import type { Page } from '../../ports/case-repository.js';
import { epochSeconds, ITEM_TYPE, type TableReader } from './items.js';
import { INDEXES } from './table.js';

const OPEN_PARTITION = 'OPEN';
const dayPartition = (day: string) => `DAY#${day}`;
/** Sequences outlive the day by far: a number is never handed out twice, even for back-dated cases. */
const SEQUENCE_KEEP_DAYS = 400;

export const casePartition = (caseNo: string) => `CASE#${caseNo}`;
export const caseKey = (caseNo: string) => ({ pk: casePartition(caseNo), sk: 'CASE' });
const sequenceKey = (day: string) => ({ pk: `SEQ#${day}`, sk: 'SEQ' });

/** Where an open case sorts in openByDue: when the escalation sweep must next look at it. */
export const openSortKey = (c: Pick<Case, 'caseNo' | 'escalation' | 'updatedAt'>): string =>
  `${sweepKey(c)}#${c.caseNo}`;

/** Index attributes a case item carries; the open index is sparse, so closed cases drop out of it. */
function caseIndexAttributes(c: Case): Record<string, string> {
  const attrs: Record<string, string> = {
    [INDEXES.receivedByDay.pk]: dayPartition(c.receivedDay),
    [INDEXES.receivedByDay.sk]: `${c.receivedAt}#${c.caseNo}`,
  };
  if (isOpen(c)) {
    attrs[INDEXES.openByDue.pk] = OPEN_PARTITION;
    attrs[INDEXES.openByDue.sk] = openSortKey(c);
  }
  return attrs;
}

export const caseItem = (c: Case) => ({
  ...caseKey(c.caseNo),
  type: ITEM_TYPE.case,
  ...caseIndexAttributes(c),
  ...c,
});

/** The last number a day's sequence gave out (0 before the day's first case); a consistent read. */
export async function readSequence(db: DynamoDBDocumentClient, tableName: string, day: string) {
  const out = await db.send(
    new GetCommand({ TableName: tableName, Key: sequenceKey(day), ConsistentRead: true }),
  );
  return Number(out.Item?.n ?? 0);
}

/**
 * The counter's part in a new case's transaction: it moves from `taken` to `taken + count` only if no
 * one moved it first, so a number is used exactly when its case is written — a refused or failed request
 * takes none, and a lost race is retried with the next number.
 */
export function sequenceUpdate(tableName: string, day: string, taken: number, count = 1) {
  return {
    TableName: tableName,
    Key: sequenceKey(day),
    UpdateExpression: 'SET #n = :next, #type = :type, expiresAt = if_not_exists(expiresAt, :exp)',
    ConditionExpression: taken === 0 ? 'attribute_not_exists(#n)' : '#n = :taken',
    ExpressionAttributeNames: { '#n': 'n', '#type': 'type' },
    ExpressionAttributeValues: {
      ':next': taken + count,
      ':type': ITEM_TYPE.sequence,
      ':exp': epochSeconds(new Date(`${day}T00:00:00Z`)) + SEQUENCE_KEEP_DAYS * 86_400,
      ...(taken === 0 ? {} : { ':taken': taken }),
    },
  };
}

/** Open cases by when the sweep must look at them, earliest first, up to `dueBefore`: the sweep's only query. */
export function listOpenByDue(
  read: TableReader,
  opts: { dueBefore?: string; limit?: number; cursor?: string },
): Promise<Page<Case>> {
  const idx = INDEXES.openByDue;
  return read.page<Case>(
    {
      IndexName: idx.name,
      KeyConditionExpression: opts.dueBefore ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': idx.pk, ...(opts.dueBefore ? { '#sk': idx.sk } : {}) },
      ExpressionAttributeValues: {
        ':pk': OPEN_PARTITION,
        ...(opts.dueBefore ? { ':before': opts.dueBefore } : {}),
      },
      Limit: opts.limit ?? 100,
    },
    opts.cursor,
  );
}

/** Cases received on a business day, in order of receipt. */
export function listReceivedOn(
  read: TableReader,
  day: string,
  opts: { limit?: number; cursor?: string },
): Promise<Page<Case>> {
  const idx = INDEXES.receivedByDay;
  return read.page<Case>(
    {
      IndexName: idx.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': idx.pk },
      ExpressionAttributeValues: { ':pk': dayPartition(day) },
      Limit: opts.limit ?? 200,
    },
    opts.cursor,
  );
}

/** How many cases a business day received: the same keyed query, answering only the count. */
export async function countReceivedOn(db: DynamoDBDocumentClient, tableName: string, day: string) {
  const idx = INDEXES.receivedByDay;
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: idx.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': idx.pk },
        ExpressionAttributeValues: { ':pk': dayPartition(day) },
        Select: 'COUNT',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}
