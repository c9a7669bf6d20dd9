/**
 * The send ledger in the table, one item per message key. A claim expires when it runs out (after the
 * claiming function's timeout, as Powertools' in-progress idempotency records do), so a run that died
 * between claiming and sending leaves the message to the next run instead of never sending it; a sent
 * record expires after the keep period. Either way `expiresAt` is also the item's TTL.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SendLedger } from '../../ports/mailer.js';
import { epochSeconds, ITEM_TYPE } from './items.js';

const sendKey = (key: string) => ({ pk: `SEND#${key}`, sk: 'SEND' });

const ignoreRefusal = (e: unknown) => {
  if (!(e instanceof ConditionalCheckFailedException)) throw e;
};

export function makeDynamoSendLedger(db: DynamoDBDocumentClient, tableName: string): SendLedger {
  return {
    async claim(key, now, until) {
      const token = randomUUID();
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...sendKey(key),
              type: ITEM_TYPE.send,
              state: 'claimed',
              token,
              // Whole seconds; with the strict `<` below, no one takes a claim over before `until`.
              expiresAt: epochSeconds(until),
            },
            // Free, or expired (TTL deletes lazily, so an expired item may still be there).
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': epochSeconds(now) },
            // A refusal carries the item that refused it: why, without a second read.
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { key, token, until };
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
        return { refused: e.Item?.state?.S === 'sent' ? 'sent' : 'claimed' };
      }
    },

    async release(claim) {
      await db
        .send(
          new DeleteCommand({
            TableName: tableName,
            Key: sendKey(claim.key),
            ConditionExpression: '#s = :claimed AND #token = :token',
            ExpressionAttributeNames: { '#s': 'state', '#token': 'token' },
            ExpressionAttributeValues: { ':claimed': 'claimed', ':token': claim.token },
          }),
        )
        .catch(ignoreRefusal);
    },

    async markSent(claim, messageId, keepUntil) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: sendKey(claim.key),
          UpdateExpression: 'SET #s = :sent, messageId = :id, expiresAt = :keep REMOVE #token',
          ExpressionAttributeNames: { '#s': 'state', '#token': 'token' },
          ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId, ':keep': epochSeconds(keepUntil) },
        }),
      );
    },
  };
}
