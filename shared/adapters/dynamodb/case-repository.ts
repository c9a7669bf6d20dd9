/**
 * CaseRepository on one DynamoDB table: keyed queries only, versioned writes, one transaction per change.
 * The items themselves live in their modules: cases, events, contact links, idempotency records.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.js';
import { conflictError, RateLimitedError } from '../../domain/errors.js';
import { type CaseRepository, IdempotencyClash, type NewCaseWrite } from '../../ports/case-repository.js';
import { caseItem, caseKey, listOpenByDue, listReceivedOn, readSequence, sequenceUpdate } from './cases.js';
import { contactHistory, contactLinkItem, listByContactKey } from './contact-links.js';
import { eventItem, listEvents, listEventsBetween } from './events.js';
import { findIdempotency, idempotencyPut } from './idempotency.js';
import { stripKeys, tableReader } from './items.js';
import { rateWindow, rateWindowCheck, rateWindowUpdate } from './rate-limiter.js';

/** How often a new case is retried with the next number when other writers keep taking it first. */
const NUMBER_ATTEMPTS = 8;

/** The day's number was taken by another writer between our read and our write. */
class NumberTaken extends Error {}

type Part = 'case' | 'event' | 'contact' | 'idempotency' | 'sequence' | 'quota' | 'lockout';

/** Runs `fn` after every earlier call with the same key has settled: one writer per key in this process. */
function keyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}

export function makeDynamoCaseRepository(db: DynamoDBDocumentClient, tableName: string): CaseRepository {
  const read = tableReader(db, tableName);
  const put = (Item: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    Put: { TableName: tableName, Item, ...more },
  });
  const findIdempotencyRecord = (key: string) => findIdempotency(db, tableName, key);
  // The last number this process knows taken, per day: the usual case costs no read before the write.
  const lastTaken = new Map<string, number>();
  // Concurrent requests in one process would only race each other for the same number.
  const oneAtATime = keyedQueue();

  async function writeNewCase(write: NewCaseWrite, sequence?: { day: string; taken: number }) {
    const { case: c, event, contactKeys, idempotency, quota, lockout } = write;
    const createdAt = new Date(c.createdAt);
    const window = quota ? rateWindow(createdAt, quota.windowSeconds) : undefined;
    const lockoutWindow = lockout ? rateWindow(createdAt, lockout.windowSeconds) : undefined;
    const parts: [Part, Record<string, unknown>][] = [
      ['case', put(caseItem(c), { ConditionExpression: 'attribute_not_exists(pk)' })],
      ['event', put(eventItem(event))],
      ...contactKeys.map((k): [Part, Record<string, unknown>] => ['contact', put(contactLinkItem(k, c))]),
      ...(idempotency
        ? [
            ['idempotency', { Put: idempotencyPut(tableName, idempotency, c.caseNo, createdAt) }] as [
              Part,
              never,
            ],
          ]
        : []),
      ...(sequence
        ? [['sequence', { Update: sequenceUpdate(tableName, sequence.day, sequence.taken) }] as [Part, never]]
        : []),
      ...(quota && window
        ? [['quota', { Update: rateWindowUpdate(tableName, quota, window.start) }] as [Part, never]]
        : []),
      ...(lockout && lockoutWindow
        ? [
            ['lockout', { ConditionCheck: rateWindowCheck(tableName, lockout, lockoutWindow.start) }] as [
              Part,
              never,
            ],
          ]
        : []),
    ];
    try {
      await db.send(new TransactWriteCommand({ TransactItems: parts.map(([, item]) => item) }));
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      const reasons = e.CancellationReasons ?? [];
      const refused = (part: Part, codes = ['ConditionalCheckFailed']) =>
        parts.some(([p], i) => p === part && codes.includes(reasons[i]?.Code ?? ''));
      // Locked out first: not even a replay may tell a guesser that the code was right.
      if (lockoutWindow && refused('lockout')) throw new RateLimitedError(lockoutWindow.retryAfterSeconds);
      // A retry of a submission that already made its case: answer with that case.
      if (idempotency && (refused('idempotency') || reasons.length === 0)) {
        const existing = await findIdempotencyRecord(idempotency.key);
        if (existing) throw new IdempotencyClash(existing, e);
      }
      if (window && refused('quota')) throw new RateLimitedError(window.retryAfterSeconds);
      if (refused('sequence', ['ConditionalCheckFailed', 'TransactionConflict'])) throw new NumberTaken();
      throw e;
    }
  }

  return {
    createNumbered: (day, build) =>
      oneAtATime(day, async () => {
        for (let attempt = 1; ; attempt++) {
          const taken = lastTaken.get(day) ?? (await readSequence(db, tableName, day));
          const write = build(taken + 1);
          try {
            await writeNewCase(write, { day, taken });
            lastTaken.clear(); // only today's number is worth remembering
            lastTaken.set(day, taken + 1);
            return write;
          } catch (e) {
            if (!(e instanceof NumberTaken)) throw e;
            lastTaken.delete(day);
            if (attempt >= NUMBER_ATTEMPTS) throw new Error(`no free case number for ${day}`, { cause: e });
            // Another instance writes the same day: back off a little, differently each time.
            await sleep(Math.random() * 20 * attempt);
          }
        }
      }),

    create: (write) => writeNewCase(write),

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
    listByContactKey: (contactKey) => listByContactKey(read, contactKey),
    contactHistory: (contactKey, keep) => contactHistory(read, contactKey, keep),
    listEvents: (caseNo) => listEvents(read, caseNo),
    listEventsBetween: (from, to, opts = {}) => listEventsBetween(read, from, to, opts),
  };
}
