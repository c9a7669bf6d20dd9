/**
 * What every item in the one table carries besides its data — its keys, its `type`, maybe a TTL — and
 * the paged reads every entity module shares. Each entity keeps its key builders in its own module.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../ports/case-repository.js';
import { INDEXES, KEYS } from './table.js';

/** The `type` attribute of each kind of item: a glance at the table says what every row is. */
export const ITEM_TYPE = {
  case: 'case',
  event: 'event',
  contactLink: 'contact',
  idempotency: 'idempotency',
  sequence: 'sequence',
  send: 'send',
  rateWindow: 'rate',
  roster: 'roster',
  sheetSync: 'sheet-sync',
  reportState: 'report-state',
} as const;

/** DynamoDB's TTL attribute holds seconds since the epoch. */
/** A conditional write: true when written, false when its condition refused it; other errors go on. */
export async function conditionalWrite(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

export const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);

const TABLE_ATTRS = new Set<string>([
  KEYS.pk,
  KEYS.sk,
  KEYS.ttl,
  'type',
  ...Object.values(INDEXES).flatMap((i) => [i.pk, i.sk]),
]);

/** The entity's own data: an item without its keys, type and TTL. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!TABLE_ATTRS.has(k)) out[k] = v;
  return out as T;
}

export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

const encodeCursor = (k: Record<string, unknown> | undefined) =>
  k ? Buffer.from(JSON.stringify(k)).toString('base64url') : undefined;
const decodeCursor = (c: string | undefined) =>
  c ? (JSON.parse(Buffer.from(c, 'base64url').toString()) as Record<string, unknown>) : undefined;

/** Reads of one table: a page at a time for callers that page, or a whole partition. */
export function tableReader(db: DynamoDBDocumentClient, tableName: string) {
  const query = (input: QueryInput, start: Record<string, unknown> | undefined) =>
    db.send(
      new QueryCommand({ TableName: tableName, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
  return {
    /** One page of entities; `cursor` continues where the last page stopped. */
    async page<T>(input: QueryInput, cursor?: string): Promise<Page<T>> {
      const out = await query(input, decodeCursor(cursor));
      const next = encodeCursor(out.LastEvaluatedKey);
      return { items: (out.Items ?? []).map((i) => stripKeys<T>(i)), ...(next ? { cursor: next } : {}) };
    },
    /** Every item of one partition, page after page (a query returns at most 1 MB). */
    async all(input: QueryInput): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await query(input, start);
        items.push(...(out.Items ?? []));
        start = out.LastEvaluatedKey;
      } while (start);
      return items;
    },
  };
}
export type TableReader = ReturnType<typeof tableReader>;
