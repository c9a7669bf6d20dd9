import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SendLedger } from '../../ports/mailer.js';
import { sendKey } from './case-keys.js';

const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function makeDynamoSendLedger(db: DynamoDBDocumentClient, tableName: string): SendLedger {
  return {
    async claim(key, expiresAt) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...sendKey(key), type: 'send', state: 'claimed', expiresAt: epochSeconds(expiresAt) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) return false;
        throw e;
      }
    },
    async release(key) {
      await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: sendKey(key),
          ConditionExpression: '#s = :claimed',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      );
    },
    async markSent(key, messageId) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: sendKey(key),
          UpdateExpression: 'SET #s = :sent, messageId = :id',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId },
        }),
      );
    },
  };
}
