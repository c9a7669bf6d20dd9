/** CaseRepository on one DynamoDB table: keyed queries only, versioned writes, one transaction per change. */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, Case } from '../../domain/case.js';
import { conflictError } from '../../domain/errors.js';
import {
  type CaseRepository,
  IdempotencyClash,
  type IdempotencyRecord,
  type NewCaseWrite,
  type Page,
} from '../../ports/case-repository.js';
import {
  caseIndexAttributes,
  caseKey,
  contactLinkKey,
  contactPartition,
  dayPartition,
  EVENT_PREFIX,
  eventKey,
  idempotencyKey,
  OPEN_PARTITION,
  sequenceKey,
  stripKeys,
} from './case-keys.js';
import { INDEXES } from './table.js';

const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
const encodeCursor = (k: Record<string, unknown> | undefined) =>
  k ? Buffer.from(JSON.stringify(k)).toString('base64url') : undefined;
const decodeCursor = (c: string | undefined) =>
  c ? (JSON.parse(Buffer.from(c, 'base64url').toString()) as Record<string, unknown>) : undefined;

export function makeDynamoCaseRepository(db: DynamoDBDocumentClient, tableName: string): CaseRepository {
  const caseItem = (c: Case) => ({ ...caseKey(c.caseNo), type: 'case', ...caseIndexAttributes(c), ...c });
  const eventItem = (e: AuditEvent) => ({ ...eventKey(e.caseNo, e.seq), type: 'event', ...e });

  async function queryPage<T>(
    input: Omit<QueryCommandInput, 'TableName'>,
    cursor?: string,
  ): Promise<Page<T>> {
    const start = decodeCursor(cursor);
    const out = await db.send(
      new QueryCommand({ TableName: tableName, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    const next = encodeCursor(out.LastEvaluatedKey);
    return {
      items: (out.Items ?? []).map((i) => stripKeys<T>(i)),
      ...(next ? { cursor: next } : {}),
    };
  }

  /** Every item of one partition, page after page (a query returns at most 1 MB). */
  async function queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db.send(
        new QueryCommand({ TableName: tableName, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  return {
    async nextSequence(day) {
      const out = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: sequenceKey(day),
          UpdateExpression: 'ADD #n :one SET expiresAt = if_not_exists(expiresAt, :exp)',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':exp': epochSeconds(new Date(`${day}T00:00:00Z`)) + 400 * 86400,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.n);
    },

    async create(write: NewCaseWrite) {
      const { case: c, event, contactKeys, idempotency } = write;
      const items = [
        { Put: { TableName: tableName, Item: caseItem(c), ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: tableName, Item: eventItem(event) } },
        ...contactKeys.map((k) => ({
          Put: {
            TableName: tableName,
            Item: { ...contactLinkKey(k, c.receivedAt, c.caseNo), caseNo: c.caseNo },
          },
        })),
      ];
      if (idempotency) {
        items.push({
          Put: {
            TableName: tableName,
            Item: {
              ...idempotencyKey(idempotency.key),
              type: 'idempotency',
              key: idempotency.key,
              fingerprint: idempotency.fingerprint,
              caseNo: c.caseNo,
              expiresAt: epochSeconds(idempotency.expiresAt),
            },
            // TTL deletes lazily, so an expired record may still be there: treat it as gone.
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': epochSeconds(new Date(c.createdAt)) },
          } as never,
        });
      }
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (e) {
        if (idempotency && e instanceof TransactionCanceledException) {
          const reasons = e.CancellationReasons ?? [];
          const idemFailed = reasons[items.length - 1]?.Code === 'ConditionalCheckFailed';
          if (idemFailed || reasons.length === 0) {
            const existing = await this.findIdempotency(idempotency.key);
            if (existing) throw new IdempotencyClash(existing);
          }
        }
        throw e;
      }
    },

    async findIdempotency(key) {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: idempotencyKey(key), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      const { fingerprint, caseNo } = out.Item as IdempotencyRecord;
      return { key, fingerprint, caseNo };
    },

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
              {
                Put: {
                  TableName: tableName,
                  Item: caseItem(next),
                  ConditionExpression: '#v = :expected',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: eventItem(event),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
      } catch (e) {
        if (e instanceof TransactionCanceledException) {
          throw conflictError(
            `case ${next.caseNo} was changed by someone else (expected version ${expectedVersion}); reload and try again`,
          );
        }
        throw e;
      }
    },

    listOpenByDue(opts = {}) {
      const idx = INDEXES.openByDue;
      return queryPage<Case>(
        {
          IndexName: idx.name,
          KeyConditionExpression: opts.dueBefore ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
          ExpressionAttributeNames: { '#pk': idx.pk, ...(opts.dueBefore ? { '#sk': idx.sk } : {}) },
          ExpressionAttributeValues: {
            ':pk': OPEN_PARTITION,
            ...(opts.dueBefore ? { ':before': opts.dueBefore } : {}),
          },
          Limit: opts.limit ?? 100,
        },
        opts.cursor,
      );
    },

    listReceivedOn(day, opts = {}) {
      const idx = INDEXES.receivedByDay;
      return queryPage<Case>(
        {
          IndexName: idx.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': idx.pk },
          ExpressionAttributeValues: { ':pk': dayPartition(day) },
          Limit: opts.limit ?? 200,
        },
        opts.cursor,
      );
    },

    async listByContactKey(contactKey) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': contactPartition(contactKey) },
        ProjectionExpression: 'caseNo',
      });
      return items.map((i) => String(i.caseNo));
    },

    async listEvents(caseNo) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evt)',
        ExpressionAttributeValues: { ':pk': caseKey(caseNo).pk, ':evt': EVENT_PREFIX },
      });
      return items.map((i) => stripKeys<AuditEvent>(i));
    },
  };
}
