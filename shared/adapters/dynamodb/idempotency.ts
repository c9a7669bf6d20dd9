/** Idempotency records: which case a submission's key made, so a retry answers with that case. */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyRecord, NewCaseWrite } from '../../ports/case-repository.js';
import { epochSeconds, ITEM_TYPE } from './items.js';

const idempotencyKey = (key: string) => ({ pk: `IDEM#${key}`, sk: 'IDEM' });

/** The record's put in the create transaction: refused while an unexpired record holds the key. */
export function idempotencyPut(
  tableName: string,
  idempotency: NonNullable<NewCaseWrite['idempotency']>,
  caseNo: string,
  now: Date,
) {
  return {
    TableName: tableName,
    Item: {
      ...idempotencyKey(idempotency.key),
      type: ITEM_TYPE.idempotency,
      key: idempotency.key,
      fingerprint: idempotency.fingerprint,
      caseNo,
      expiresAt: epochSeconds(idempotency.expiresAt),
    },
    // TTL deletes lazily, so an expired record may still be there: treat it as gone.
    ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
    ExpressionAttributeValues: { ':now': epochSeconds(now) },
  };
}

export async function findIdempotency(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const out = await db.send(
    new GetCommand({ TableName: tableName, Key: idempotencyKey(key), ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  const { fingerprint, caseNo } = out.Item as IdempotencyRecord;
  return { key, fingerprint, caseNo };
}
