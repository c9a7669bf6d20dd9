/**
 * CaseRepository on one DynamoDB table: keyed queries only, versioned writes, one transaction per change.
 * The items themselves live in their modules: cases, events, contact links, idempotency records; new
 * cases are numbered and written by new-cases.ts.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.js';
import { conflictError } from '../../domain/errors.js';
import type { CaseRepository } from '../../ports/case-repository.js';
import { caseItem, caseKey, countReceivedOn, listOpenByDue, listReceivedOn, openSortKey } from './cases.js';
import { contactHistory, listByContactKey } from './contact-links.js';
import { eventItem, listEvents, listEventsBetween } from './events.js';
import { findIdempotency } from './idempotency.js';
import { conditionalWrite, stripKeys, tableReader } from './items.js';
import { makeNewCaseWriter } from './new-cases.js';
import { INDEXES } from './table.js';

export function makeDynamoCaseRepository(db: DynamoDBDocumentClient, tableName: string): CaseRepository {
  const read = tableReader(db, tableName);
  const put = (Item: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    Put: { TableName: tableName, Item, ...more },
  });
  const newCases = makeNewCaseWriter(db, tableName);

  return {
    createNumbered: newCases.createNumbered,
    create: newCases.create,

    findIdempotency: (key) => findIdempotency(db, tableName, key),

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

    setEscalation: (caseNo, expectedVersion, escalation) =>
      conditionalWrite(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: caseKey(caseNo),
            UpdateExpression: 'SET escalation = :e, #sk = :sk',
            ConditionExpression: '#v = :expected AND attribute_exists(#pk)',
            ExpressionAttributeNames: {
              '#v': 'version',
              '#pk': INDEXES.openByDue.pk,
              '#sk': INDEXES.openByDue.sk,
            },
            ExpressionAttributeValues: {
              ':e': escalation,
              ':expected': expectedVersion,
              ':sk': openSortKey({ caseNo, escalation, updatedAt: '' }),
            },
          }),
        ),
      ),

    listOpenByDue: (opts = {}) => listOpenByDue(read, opts),
    listReceivedOn: (day, opts = {}) => listReceivedOn(read, day, opts),
    countReceivedOn: (day) => countReceivedOn(db, tableName, day),
    listByContactKey: (contactKey) => listByContactKey(read, contactKey),
    contactHistory: (contactKey, keep) => contactHistory(read, contactKey, keep),
    listEvents: (caseNo) => listEvents(read, caseNo),
    listEventsBetween: (from, to, opts = {}) => listEventsBetween(read, from, to, opts),
  };
}
