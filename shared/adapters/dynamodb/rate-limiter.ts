import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/clock.js';
import type { RateLimiter, RateWindow } from '../../ports/rate-limiter.js';
import { epochSeconds, ITEM_TYPE } from './items.js';

const rateKey = (scope: string, subject: string, windowStart: number) => ({
  pk: `RATE#${scope}#${subject}#${windowStart}`,
  sk: 'RATE',
});

/** The fixed window `at` falls in, and how long until it ends. */
export function rateWindow(at: Date, windowSeconds: number): RateWindow {
  const nowS = epochSeconds(at);
  const start = nowS - (nowS % windowSeconds);
  return { start, retryAfterSeconds: Math.max(1, start + windowSeconds - nowS) };
}

/**
 * `count` more hits in a window, refused unless all fit under `limit`: alone, or inside a transaction
 * (where several new cases of one client count at once).
 */
export function rateWindowUpdate(
  tableName: string,
  q: { scope: string; subject: string; limit: number; windowSeconds: number },
  windowStart: number,
  count = 1,
) {
  return {
    TableName: tableName,
    Key: rateKey(q.scope, q.subject, windowStart),
    UpdateExpression: 'ADD #n :count SET #type = :type, expiresAt = :exp',
    // More hits at once than the limit never fit, even in a fresh window.
    ConditionExpression: count > q.limit ? '#n <= :most' : 'attribute_not_exists(#n) OR #n <= :most',
    ExpressionAttributeNames: { '#n': 'n', '#type': 'type' },
    ExpressionAttributeValues: {
      ':count': count,
      ':type': ITEM_TYPE.rateWindow,
      ':most': q.limit - count,
      ':exp': windowStart + 2 * q.windowSeconds,
    },
  };
}

/** A transaction's check that a window has not reached `limit` hits (it counts nothing). */
export function rateWindowCheck(
  tableName: string,
  q: { scope: string; subject: string; limit: number },
  windowStart: number,
) {
  return {
    TableName: tableName,
    Key: rateKey(q.scope, q.subject, windowStart),
    ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
    ExpressionAttributeNames: { '#n': 'n' },
    ExpressionAttributeValues: { ':limit': q.limit },
  };
}

/** Fixed-window counters in the table: shared by every Lambda instance, expired by TTL. */
export function makeDynamoRateLimiter(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock,
): RateLimiter {
  return {
    async hit(scope, subject, limit, windowSeconds) {
      const window = rateWindow(clock.now(), windowSeconds);
      try {
        await db.send(
          new UpdateCommand(
            rateWindowUpdate(tableName, { scope, subject, limit, windowSeconds }, window.start),
          ),
        );
        return { allowed: true, retryAfterSeconds: window.retryAfterSeconds };
      } catch (e) {
        if (e instanceof ConditionalCheckFailedException) {
          return { allowed: false, retryAfterSeconds: window.retryAfterSeconds };
        }
        throw e;
      }
    },

    async check(scope, subject, limit, windowSeconds) {
      const window = rateWindow(clock.now(), windowSeconds);
      const out = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: rateKey(scope, subject, window.start),
          ConsistentRead: true,
        }),
      );
      return { allowed: Number(out.Item?.n ?? 0) < limit, retryAfterSeconds: window.retryAfterSeconds };
    },
  };
}
