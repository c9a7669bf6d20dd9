/**
 * CaseRepository on one DynamoDB table: keyed queries only, versioned writes, one transaction per change.
 * The items themselves live in their modules: cases, events, contact links, idempotency records.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.js';
import { conflictError } from '../../domain/errors.js';
import { type CaseRepository, IdempotencyClash, type NewCaseWrite } from '../../ports/case-repository.js';
import { caseItem, caseKey, countReceivedOn, listOpenByDue, listReceivedOn, nextSequence } from './cases.js';
import { contactLinkItem, listByContactKey } from './contact-links.js';
import { eventItem, listEvents, listEventsBetween } from './events.js';
import { findIdempotency, idempotencyPut } from './idempotency.js';
import { stripKeys, tableReader } from './items.js';

export function makeDynamoCaseRepository(db: DynamoDBDocumentClient, tableName: string): CaseRepository {
  const read = tableReader(db, tableName);
  const put = (Item: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    Put: { TableName: tableName, Item, ...more },
  });
  const findIdempotencyRecord = (key: string) => findIdempotency(db, tableName, key);

  return {
    nextSequence: (day) => nextSequence(db, tableName, day),

    async create(write: NewCaseWrite) {
      const { case: c, event, contactKeys, idempotency } = write;
      const items = [
        put(caseItem(c), { ConditionExpression: 'attribute_not_exists(pk)' }),
        put(eventItem(event)),
        ...contactKeys.map((k) => put(contactLinkItem(k, c))),
        ...(idempotency
          ? [{ Put: idempotencyPut(tableName, idempotency, c.caseNo, new Date(c.createdAt)) }]
          : []),
      ];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (e) {
        if (idempotency && e instanceof TransactionCanceledException) {
          const reasons = e.CancellationReasons ?? [];
          const idemFailed = reasons[items.length - 1]?.Code === 'ConditionalCheckFailed';
          if (idemFailed || reasons.length === 0) {
            const existing = await findIdempotencyRecord(idempotency.key);
            if (existing) throw new IdempotencyClash(existing, e);
          }
        }
        throw e;
      }
    },

    findIdempotency: findIdempotencyRecord,

    async get(caseNo) {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: caseKey(caseNo), ConsistentRead: true }),
      );
      return out.Item ? stripKeys<Case>(out.Item) : undefined;
    },

    async update(next, expectedVersion, event) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              put(caseItem(next), {
                ConditionExpression: '#v = :expected',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
              put(eventItem(event), { ConditionExpression: 'attribute_not_exists(pk)' }),
            ],
          }),
        );
      } catch (e) {
        if (e instanceof TransactionCanceledException) {
          throw conflictError(
            `case ${next.caseNo} was changed by someone else (expected version ${expectedVersion}); reload and try again`,
            e,
          );
        }
        throw e;
      }
    },

    listOpenByDue: (opts = {}) => listOpenByDue(read, opts),
    listReceivedOn: (day, opts = {}) => listReceivedOn(read, day, opts),
    countReceivedOn: (day) => countReceivedOn(db, tableName, day),
    listByContactKey: (contactKey) => listByContactKey(read, contactKey),
    listEvents: (caseNo) => listEvents(read, caseNo),
    listEventsBetween: (from, to, opts = {}) => listEventsBetween(read, from, to, opts),
  };
}
