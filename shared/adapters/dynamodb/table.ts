/**
 * The one table's shape. The CDK stack, the local runtime and the tests all build the table from these
 * constants, so an index can never exist in one place and not another. Each index is named after the
 * access pattern it serves.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const KEYS = { pk: 'pk', sk: 'sk', ttl: 'expiresAt' } as const;

export const INDEXES = {
  /** Sparse: only open cases carry gsi1pk; sorted by next deadline. The escalation sweep's only query. */
  openByDue: { name: 'openByDue', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** Cases by business day of receipt: the daily summary. */
  receivedByDay: { name: 'receivedByDay', pk: 'gsi2pk', sk: 'gsi2sk' },
  /**
   * Audit events by UTC day, sorted by time: what changed in any window (the sheet's History tab, the
   * sync's changed cases, the day's resolved/notified/closed cases for the daily review). UTC days keep
   * the keys independent of the business time zone; a business day spans at most two of them.
   */
  eventsByDay: { name: 'eventsByDay', pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;

export type IndexName = keyof typeof INDEXES;

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const attrs = new Set<string>([KEYS.pk, KEYS.sk]);
  for (const idx of Object.values(INDEXES)) {
    attrs.add(idx.pk);
    attrs.add(idx.sk);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attrs].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: KEYS.pk, KeyType: 'HASH' },
      { AttributeName: KEYS.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.values(INDEXES).map((idx) => ({
      IndexName: idx.name,
      KeySchema: [
        { AttributeName: idx.pk, KeyType: 'HASH' },
        { AttributeName: idx.sk, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
