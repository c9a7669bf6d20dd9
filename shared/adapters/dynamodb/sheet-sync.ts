/**
 * The sheet sync's two items: its state (`SHEETSYNC`/`STATE`, rewritten whole after each sync) and its
 * lease (`SHEETSYNC`/`LEASE`, a conditional put that expires with the holder's timeout; work left for
 * the holder is a string set on it). The known case numbers are stored compactly, day by day as
 * sequence ranges (`261120: "1-7,9"`), so 50,000 cases take a few kilobytes.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SheetLocation, SheetLocator } from '../../ports/sheet-locator.js';
import type { PendingWork, SheetSyncStore, SyncState } from '../../ports/sheet-sync-store.js';
import { epochSeconds, ITEM_TYPE, stripKeys } from './items.js';

const stateKey = { pk: 'SHEETSYNC', sk: 'STATE' } as const;
const leaseKey = { pk: 'SHEETSYNC', sk: 'LEASE' } as const;

/** `{ "261120": "1-7,9" }` for 261120-001 … 261120-007 and 261120-009; other numbers kept as they are. */
export function compactCaseNumbers(numbers: Iterable<string>): Record<string, string> {
  const byDay = new Map<string, number[]>();
  const other: string[] = [];
  for (const n of numbers) {
    const m = /^(\d{6})-(\d+)$/.exec(n);
    if (!m?.[1] || !m[2] || String(Number(m[2])).padStart(3, '0') !== m[2].padStart(3, '0')) other.push(n);
    else byDay.set(m[1], [...(byDay.get(m[1]) ?? []), Number(m[2])]);
  }
  const out: Record<string, string> = {};
  for (const [day, seqs] of byDay) {
    const sorted = [...new Set(seqs)].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
      parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
      i = j + 1;
    }
    out[day] = parts.join(',');
  }
  if (other.length) out['*'] = other.join(',');
  return out;
}

export function expandCaseNumbers(compact: Record<string, string> | undefined): Set<string> {
  const out = new Set<string>();
  for (const [day, ranges] of Object.entries(compact ?? {})) {
    if (day === '*') {
      for (const n of ranges.split(',').filter(Boolean)) out.add(n);
      continue;
    }
    for (const part of ranges.split(',').filter(Boolean)) {
      const [a = 0, b = a] = part.split('-').map(Number);
      for (let s = a; s <= b; s++) out.add(`${day}-${String(s).padStart(3, '0')}`);
    }
  }
  return out;
}

const refused = (e: unknown) => e instanceof ConditionalCheckFailedException;

const encodeWork = (w: Partial<PendingWork>): string[] => [
  ...(w.full ? ['full'] : []),
  ...(w.staff ? ['staff'] : []),
  ...(w.rows ?? []).map((r) => `row:${r.row}:${r.user ?? ''}`),
];

function decodeWork(items: Iterable<string> | undefined): PendingWork {
  const work: PendingWork = { full: false, staff: false, rows: [] };
  for (const s of items ?? []) {
    if (s === 'full') work.full = true;
    else if (s === 'staff') work.staff = true;
    else {
      const [, row, ...user] = s.split(':');
      const u = user.join(':');
      if (Number(row) > 0) work.rows.push({ row: Number(row), ...(u ? { user: u } : {}) });
    }
  }
  return work;
}

export function makeDynamoSheetSyncStore(db: DynamoDBDocumentClient, tableName: string): SheetSyncStore {
  return {
    async loadState() {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: stateKey, ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      type Stored = Omit<SyncState, 'known' | 'unplaced'> &
        Record<'known' | 'unplaced', Record<string, string>>;
      const { known, unplaced, ...rest } = stripKeys<Stored>(out.Item);
      return { ...rest, known: expandCaseNumbers(known), unplaced: expandCaseNumbers(unplaced) };
    },

    async saveState(state) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...stateKey,
            type: ITEM_TYPE.sheetSync,
            ...state,
            known: compactCaseNumbers(state.known),
            unplaced: compactCaseNumbers(state.unplaced),
          },
        }),
      );
    },

    async acquire(now, until) {
      const owner = randomUUID();
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...leaseKey, type: ITEM_TYPE.sheetSync, owner, expiresAt: epochSeconds(until) },
            // TTL deletes lazily, so an expired lease may still be there: treat it as free.
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': epochSeconds(now) },
          }),
        );
        return { owner, until };
      } catch (e) {
        if (refused(e)) return undefined;
        throw e;
      }
    },

    async enqueue(now, work) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: leaseKey,
            UpdateExpression: 'ADD #pending :work',
            ConditionExpression: 'attribute_exists(pk) AND expiresAt >= :now',
            ExpressionAttributeNames: { '#pending': 'pending' },
            ExpressionAttributeValues: { ':work': new Set(encodeWork(work)), ':now': epochSeconds(now) },
          }),
        );
        return true;
      } catch (e) {
        if (refused(e)) return false;
        throw e;
      }
    },

    async takePending(lease) {
      try {
        const out = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: leaseKey,
            UpdateExpression: 'REMOVE #pending',
            ConditionExpression: '#owner = :me',
            ExpressionAttributeNames: { '#pending': 'pending', '#owner': 'owner' },
            ExpressionAttributeValues: { ':me': lease.owner },
            ReturnValues: 'UPDATED_OLD',
          }),
        );
        return decodeWork(out.Attributes?.pending as Set<string> | undefined);
      } catch (e) {
        // The lease ran out and someone else holds it: the work is theirs.
        if (refused(e)) return decodeWork(undefined);
        throw e;
      }
    },

    async release(lease) {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: leaseKey,
            ConditionExpression: '#owner = :me AND attribute_not_exists(#pending)',
            ExpressionAttributeNames: { '#owner': 'owner', '#pending': 'pending' },
            ExpressionAttributeValues: { ':me': lease.owner },
          }),
        );
        return true;
      } catch (e) {
        if (!refused(e)) throw e;
        const out = await db.send(
          new GetCommand({ TableName: tableName, Key: leaseKey, ConsistentRead: true }),
        );
        // Still ours, so work arrived: go on. Not ours any more: nothing left to release.
        return out.Item?.owner !== lease.owner;
      }
    },
  };
}

/** Where the sheet is, from the sync's state item (two attributes of it, not the case numbers). */
export function makeDynamoSheetLocator(db: DynamoDBDocumentClient, tableName: string): SheetLocator {
  return {
    async locate() {
      const out = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: stateKey,
          ProjectionExpression: 'spreadsheetId, casesSheetId',
        }),
      );
      const item = out.Item as SheetLocation | undefined;
      if (!item?.spreadsheetId) return undefined;
      return {
        spreadsheetId: item.spreadsheetId,
        ...(item.casesSheetId === undefined ? {} : { casesSheetId: Number(item.casesSheetId) }),
      };
    },
  };
}
