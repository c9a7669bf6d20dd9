import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/clock.js';
import type { RateLimiter } from '../../ports/rate-limiter.js';
import { epochSeconds, ITEM_TYPE } from './items.js';

const rateKey = (scope: string, subject: string, window: number) => ({
  pk: `RATE#${scope}#${subject}#${window}`,
  sk: 'RATE',
});

/** Fixed-window counters in the table: shared by every Lambda instance, expired by TTL. */
export function makeDynamoRateLimiter(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock,
): RateLimiter {
  return {
    async hit(scope, subject, limit, windowSeconds) {
      const nowS = epochSeconds(clock.now());
      const window = nowS - (nowS % windowSeconds);
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: rateKey(scope, subject, window),
            UpdateExpression: 'ADD #n :one SET #type = :type, expiresAt = :exp',
            ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
            ExpressionAttributeNames: { '#n': 'n', '#type': 'type' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':type': ITEM_TYPE.rateWindow,
              ':limit': limit,
              ':exp': window + 2 * windowSeconds,
            },
          }),
        );
        return true;
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) return false;
        throw e;
      }
    },
  };
}
