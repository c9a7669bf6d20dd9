/**
 * Writing new cases: each in one transaction with its first event, contact links and summaries,
 * idempotency record, the emails it owes (its outbox entry), the client's limits and the day's counter,
 * so a case number is taken exactly when its case is written (no gaps). Numbers are handed out one
 * writer per day in a process; requests that queue up behind a write go together in the next
 * transaction (a group commit: one counter move for all), so concurrent submissions on the local gateway
 * do not wait for each other one by one. On Lambda an instance serves one request at a time and every
 * transaction carries one case.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, RateLimitedError } from '../../domain/errors.js';
import {
  type ClientLimit,
  ContactsChanged,
  IdempotencyClash,
  type NewCaseWrite,
} from '../../ports/case-repository.js';
import { caseItem, readSequence, sequenceUpdate } from './cases.js';
import { contactLinkItem, contactSummaryPut } from './contact-links.js';
import { eventItem } from './events.js';
import { findIdempotency, idempotencyPut } from './idempotency.js';
import { outboxItem } from './outbox.js';
import { rateWindow, rateWindowCheck, rateWindowUpdate } from './rate-limiter.js';

/** How often a new case is retried with the next number when other writers keep taking it first. */
const NUMBER_ATTEMPTS = 8;
/**
 * Cases per group commit: at most 10 items each (three contacts, a link and a summary each); with the
 * counter and a quota and a lockout per case, at most 97 of a transaction's 100.
 */
const MAX_GROUP = 8;

/** The day's number was taken by another writer between our read and our write. */
class NumberTaken extends Error {}

type Part =
  | 'case'
  | 'event'
  | 'contact'
  | 'summary'
  | 'idempotency'
  | 'outbox'
  | 'sequence'
  | 'quota'
  | 'lockout';
type Tagged = [Part, Record<string, unknown>];

/** A client limit's window item, as the key several cases of one client share. */
const limitKey = (l: ClientLimit, createdAt: string) =>
  `${l.scope}#${l.subject}#${rateWindow(new Date(createdAt), l.windowSeconds).start}`;

export function makeNewCaseWriter(db: DynamoDBDocumentClient, tableName: string) {
  const put = (Item: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    Put: { TableName: tableName, Item, ...more },
  });

  /**
   * A case's own items: the case (new), its event, its contact links and summaries, its idempotency
   * record, its outbox entry.
   */
  const ownParts = ({
    case: c,
    event,
    contactKeys,
    contactsSeen,
    idempotency,
    emailsOwed,
  }: NewCaseWrite): Tagged[] => [
    ['case', put(caseItem(c), { ConditionExpression: 'attribute_not_exists(pk)' })],
    ['event', put(eventItem(event))],
    ...contactKeys.map((k): Tagged => ['contact', put(contactLinkItem(k, c))]),
    ...(contactsSeen
      ? contactKeys.map(
          (k): Tagged => ['summary', { Put: contactSummaryPut(tableName, k, c, contactsSeen.get(k)) }],
        )
      : []),
    ...(idempotency
      ? [
          [
            'idempotency',
            { Put: idempotencyPut(tableName, idempotency, c.caseNo, new Date(c.createdAt)) },
          ] as Tagged,
        ]
      : []),
    ...(emailsOwed?.length ? [['outbox', put(outboxItem(c, emailsOwed))] as Tagged] : []),
  ];

  /** The limits of several cases: one update per quota window (counting all its cases), one check per lockout. */
  function limitParts(writes: NewCaseWrite[]): Tagged[] {
    const quotas = new Map<string, { limit: ClientLimit; start: number; count: number }>();
    const lockouts = new Map<string, Tagged>();
    for (const w of writes) {
      if (w.quota) {
        const key = limitKey(w.quota, w.case.createdAt);
        const start = rateWindow(new Date(w.case.createdAt), w.quota.windowSeconds).start;
        const q = quotas.get(key) ?? { limit: w.quota, start, count: 0 };
        q.count += 1;
        quotas.set(key, q);
      }
      if (w.lockout) {
        const start = rateWindow(new Date(w.case.createdAt), w.lockout.windowSeconds).start;
        lockouts.set(limitKey(w.lockout, w.case.createdAt), [
          'lockout',
          { ConditionCheck: rateWindowCheck(tableName, w.lockout, start) },
        ]);
      }
    }
    const updates = [...quotas.values()].map(
      (q): Tagged => ['quota', { Update: rateWindowUpdate(tableName, q.limit, q.start, q.count) }],
    );
    return [...updates, ...lockouts.values()];
  }

  async function transact(parts: Tagged[]) {
    await db.send(new TransactWriteCommand({ TransactItems: parts.map(([, item]) => item) }));
  }

  /** One case; a refusal becomes its typed error. */
  async function writeOne(write: NewCaseWrite, sequence?: { day: string; taken: number }) {
    const parts: Tagged[] = [
      ...ownParts(write),
      ...(sequence
        ? [['sequence', { Update: sequenceUpdate(tableName, sequence.day, sequence.taken) }] as Tagged]
        : []),
      ...limitParts([write]),
    ];
    try {
      await transact(parts);
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      const reasons = e.CancellationReasons ?? [];
      const refused = (part: Part, codes = ['ConditionalCheckFailed']) =>
        parts.some(([p], i) => p === part && codes.includes(reasons[i]?.Code ?? ''));
      const retryAfter = (l: ClientLimit) =>
        rateWindow(new Date(write.case.createdAt), l.windowSeconds).retryAfterSeconds;
      // Locked out first: not even a replay may tell a guesser that the code was right.
      if (write.lockout && refused('lockout')) throw new RateLimitedError(retryAfter(write.lockout));
      // A retry of a submission that already made its case: answer with that case.
      if (write.idempotency && (refused('idempotency') || reasons.length === 0)) {
        const existing = await findIdempotency(db, tableName, write.idempotency.key);
        if (existing) throw new IdempotencyClash(existing, e);
      }
      if (write.quota && refused('quota')) throw new RateLimitedError(retryAfter(write.quota));
      // A returning complainant the case was not built for (or a race of two of their cases).
      if (refused('summary')) throw new ContactsChanged(e);
      if (refused('sequence', ['ConditionalCheckFailed', 'TransactionConflict'])) throw new NumberTaken();
      throw e;
    }
  }

  // The last number this process knows taken, per day: the usual case costs no read before the write.
  const lastTaken = new Map<string, number>();
  const known = async (day: string) => lastTaken.get(day) ?? (await readSequence(db, tableName, day));
  const remember = (day: string, taken: number) => {
    lastTaken.clear(); // only today's number is worth remembering
    lastTaken.set(day, taken);
  };

  /** One case numbered on its own: retried with the next number while other writers take it first. */
  async function numberOne(day: string, build: (sequence: number) => NewCaseWrite): Promise<NewCaseWrite> {
    for (let attempt = 1; ; attempt++) {
      const taken = await known(day);
      const write = build(taken + 1);
      try {
        await writeOne(write, { day, taken });
        remember(day, taken + 1);
        return write;
      } catch (e) {
        if (!(e instanceof NumberTaken)) throw e;
        lastTaken.delete(day);
        if (attempt >= NUMBER_ATTEMPTS) throw new Error(`no free case number for ${day}`, { cause: e });
        // Another instance writes the same day: back off a little, differently each time.
        await sleep(Math.random() * 20 * attempt);
      }
    }
  }

  interface Waiting {
    build: (sequence: number) => NewCaseWrite;
    done: (write: NewCaseWrite) => void;
    fail: (e: unknown) => void;
  }
  const queues = new Map<string, Waiting[]>();

  /**
   * The next group from the queue, numbered from `taken + 1`: a request whose build refuses it takes no
   * number; one whose idempotency key is already in the group waits for the next (it will be a replay).
   */
  function nextGroup(queue: Waiting[], taken: number) {
    const group: { waiting: Waiting; write: NewCaseWrite }[] = [];
    const keys = new Set<string>();
    const contacts = new Set<string>();
    while (queue.length && group.length < MAX_GROUP) {
      const waiting = queue[0] as Waiting;
      let write: NewCaseWrite;
      try {
        write = waiting.build(taken + 1 + group.length);
      } catch (e) {
        queue.shift();
        waiting.fail(e);
        continue;
      }
      const key = write.idempotency?.key;
      if (key && keys.has(key)) break;
      // One transaction may not touch an item twice, and the later case is the earlier one's repeat.
      if (write.contactKeys.some((k) => contacts.has(k))) break;
      if (key) keys.add(key);
      for (const k of write.contactKeys) contacts.add(k);
      queue.shift();
      group.push({ waiting, write });
    }
    return group;
  }

  /**
   * DynamoDB itself failing (down, paused: the SDK gave up), not a refusal of this one case: every request
   * behind it would wait out the same time limits one after another, past its function's timeout, so
   * they are all answered with it at once (their pages say "not saved, try again").
   */
  const isOutage = (e: unknown) =>
    !(e instanceof DomainError) && !(e instanceof ContactsChanged) && !(e instanceof NumberTaken);

  /** Writes each waiting case on its own; an outage fails the rest of them and the queue. */
  async function oneByOne(day: string, waiting: Waiting[], queue: Waiting[]) {
    for (const [i, w] of waiting.entries()) {
      const outage = await numberOne(day, w.build).then(
        (write) => void w.done(write),
        (e: unknown) => {
          w.fail(e);
          return isOutage(e) ? e : undefined;
        },
      );
      if (outage) {
        for (const rest of [...waiting.slice(i + 1), ...queue.splice(0)]) rest.fail(outage);
        return;
      }
    }
  }

  async function drain(day: string, queue: Waiting[]) {
    for (;;) {
      // Checked and let go in one step: a request arriving later starts a new queue.
      if (!queue.length) return void queues.delete(day);
      if (queue.length === 1) {
        await oneByOne(day, queue.splice(0, 1), queue);
        continue;
      }
      let taken: number;
      try {
        taken = await known(day);
      } catch (e) {
        for (const w of queue.splice(0)) w.fail(e);
        continue;
      }
      const group = nextGroup(queue, taken);
      if (group.length > 1) {
        const writes = group.map((g) => g.write);
        const parts = [
          ...writes.flatMap(ownParts),
          ['sequence', { Update: sequenceUpdate(tableName, day, taken, writes.length) }] as Tagged,
          ...limitParts(writes),
        ];
        const ok = await transact(parts).then(
          () => true,
          () => false,
        );
        if (ok) {
          remember(day, taken + writes.length);
          for (const g of group) g.waiting.done(g.write);
          continue;
        }
        lastTaken.delete(day);
      }
      // A group that failed (a key already used, a limit reached, a number taken elsewhere) is written
      // case by case, so each gets its own answer.
      await oneByOne(
        day,
        group.map((g) => g.waiting),
        queue,
      );
    }
  }

  return {
    /** Numbers and writes a new case (see CaseRepository.createNumbered). */
    createNumbered(day: string, build: (sequence: number) => NewCaseWrite): Promise<NewCaseWrite> {
      return new Promise((done, fail) => {
        const queue = queues.get(day);
        if (queue) return void queue.push({ build, done, fail });
        const fresh: Waiting[] = [{ build, done, fail }];
        queues.set(day, fresh);
        void drain(day, fresh).catch((e: unknown) => {
          queues.delete(day);
          for (const w of fresh.splice(0)) w.fail(e);
        });
      });
    },
    /** Writes a case already numbered (see CaseRepository.create). */
    create: (write: NewCaseWrite) => writeOne(write),
  };
}
