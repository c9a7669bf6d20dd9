/** The sheet sync's state and lease items on DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDynamoSheetSyncStore } from '../../../shared/adapters/dynamodb/sheet-sync.js';
import type { SheetSyncStore, SyncState } from '../../../shared/ports/sheet-sync-store.js';
import { documentClient, type LocalEnv, setupLocalEnv } from '../../support/local-env.js';

let env: LocalEnv;
let store: SheetSyncStore;
const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 2, 0, s));

beforeAll(async () => {
  env = await setupLocalEnv();
  store = makeDynamoSheetSyncStore(documentClient(), env.tableName);
});

describe('sheet sync store', () => {
  it('saves and loads the state, known case numbers included', async () => {
    expect(await store.loadState()).toBeUndefined();
    const state: SyncState = {
      spreadsheetId: 'sheet-1',
      eventsFrom: at(0).toISOString(),
      recentEvents: ['261120-001#1@2026-11-20T02:00:00.000Z'],
      historyNext: 7,
      lastHistoryKey: '261120-001#1',
      known: new Set(['261120-001', '261120-002']),
      unplaced: new Set(['261120-002']),
      timeZone: 'Asia/Shanghai',
      casesColumns: { caseNo: 1, state: 38, width: 38 },
      updatedAt: at(0).toISOString(),
    };
    await store.saveState(state);
    expect(await store.loadState()).toEqual(state);
  });

  it('one lease at a time; work left with the holder; release waits for that work', async () => {
    const lease = await store.acquire(at(0), at(60));
    expect(lease).toBeDefined();
    if (!lease) return;
    expect(await store.acquire(at(1), at(61))).toBeUndefined();
    expect(await store.enqueue(at(1), { rows: [{ row: 5, user: 'a@x' }] })).toBe(true);
    expect(await store.enqueue(at(2), { staff: true, rows: [{ row: 6 }] })).toBe(true);
    expect(await store.release(lease)).toBe(false); // work arrived
    expect(await store.takePending(lease)).toEqual({
      full: false,
      staff: true,
      rows: expect.arrayContaining([{ row: 5, user: 'a@x' }, { row: 6 }]),
    });
    expect(await store.release(lease)).toBe(true);
    expect(await store.enqueue(at(3), { full: true })).toBe(false); // nobody holds it now
  });

  it('a lease whose holder ran out of time can be taken; the old holder can no longer release it', async () => {
    const old = await store.acquire(at(10), at(20));
    expect(old).toBeDefined();
    const next = await store.acquire(at(21), at(81));
    expect(next).toBeDefined();
    if (!old || !next) return;
    expect(await store.takePending(old)).toEqual({ full: false, staff: false, rows: [] });
    expect(await store.release(old)).toBe(true); // nothing of the old holder's left to release
    expect(await store.acquire(at(22), at(82))).toBeUndefined(); // still the new holder's
    expect(await store.release(next)).toBe(true);
  });
});
