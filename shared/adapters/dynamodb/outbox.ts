/**
 * The outbox: one item per new case that owes emails, written in the case's create transaction and
 * deleted once they are sent. All entries share one partition, sorted by creation time, so the drain
 * reads what is owed with one Query on the table's own keys (no index, no Scan); a studio's intake is far
 * below one partition's write limit. Entries expire after `KEEP_DAYS`: an acknowledgment that could not
 * go out in that long is no longer an apology (the escalation sweep covers critical cases anyway).
 */
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.js';
import type { Outbox, OwedEmails } from '../../ports/outbox.js';
import { epochSeconds, ITEM_TYPE, tableReader } from './items.js';

export const OUTBOX_KEEP_DAYS = 7;

const OUTBOX_PARTITION = 'OUTBOX';
const outboxKey = (e: Pick<OwedEmails, 'caseNo' | 'since'>) => ({
  pk: OUTBOX_PARTITION,
  sk: `${e.since}#${e.caseNo}`,
});

/** The entry a new case's transaction writes: the keys of the emails it owes, nothing of their content. */
export const outboxItem = (c: Pick<Case, 'caseNo' | 'createdAt'>, keys: string[]) => ({
  ...outboxKey({ caseNo: c.caseNo, since: c.createdAt }),
  type: ITEM_TYPE.outbox,
  caseNo: c.caseNo,
  since: c.createdAt,
  keys,
  expiresAt: epochSeconds(new Date(Date.parse(c.createdAt) + OUTBOX_KEEP_DAYS * 86_400_000)),
});

export function makeDynamoOutbox(db: DynamoDBDocumentClient, tableName: string): Outbox {
  const read = tableReader(db, tableName);
  return {
    listOwed(before, opts = {}) {
      return read.page<OwedEmails>(
        {
          KeyConditionExpression: 'pk = :pk AND sk < :before',
          ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION, ':before': before },
          ConsistentRead: true,
          ...(opts.limit ? { Limit: opts.limit } : {}),
        },
        opts.cursor,
      );
    },
    async clear(entry) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: outboxKey(entry) }));
    },
  };
}
