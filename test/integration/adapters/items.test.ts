/** Every item in the one table says what it is (`type`), whichever adapter wrote it. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import { makeContactHasher } from '../../../shared/adapters/contact-hasher.js';
import { ITEM_TYPE } from '../../../shared/adapters/dynamodb/items.js';
import { makeDynamoRateLimiter } from '../../../shared/adapters/dynamodb/rate-limiter.js';
import { makeDynamoReportState } from '../../../shared/adapters/dynamodb/report-state.js';
import { makeDynamoRosterStore } from '../../../shared/adapters/dynamodb/roster.js';
import { makeDynamoSendLedger } from '../../../shared/adapters/dynamodb/send-ledger.js';
import { makeDynamoSheetSyncStore } from '../../../shared/adapters/dynamodb/sheet-sync.js';
import { newCaseWithEvent, RECEIVED_AT } from '../../support/builders.js';
import { caseRepository, documentClient, type LocalEnv, setupLocalEnv } from '../../support/local-env.js';

let env: LocalEnv;

beforeAll(async () => {
  env = await setupLocalEnv();
});

describe('the table', () => {
  it('holds only typed items: cases, events, contact links and summaries, idempotency records, sequences, sends, rate windows, the roster, the sheet sync state and lease, the report state, the outbox', async () => {
    const db = documentClient();
    const cases = caseRepository();
    const made = newCaseWithEvent({ submission: { phone: '13912340000', email: 'wang@example.com' } });
    await cases.createNumbered('2026-11-20', () => ({
      ...made,
      contactKeys: makeContactHasher('k'.repeat(32))(made.case.complainant),
      idempotency: { key: 'key-items-0001', fingerprint: 'f', expiresAt: new Date('2026-11-27T02:00:00Z') },
      contactsSeen: new Map(),
      emailsOwed: ['ack#261120-001'],
    }));
    const now = new Date(RECEIVED_AT);
    const ledger = makeDynamoSendLedger(db, env.tableName);
    const claim = await ledger.claim('ack#261120-001', now, new Date(now.getTime() + 10_000));
    if (!('refused' in claim)) await ledger.markSent(claim, 'm-1', new Date(now.getTime() + 86_400_000));
    await ledger.claim('critical#261120-001', now, new Date(now.getTime() + 10_000));
    await makeDynamoRateLimiter(db, env.tableName, fixedClock(now)).hit('submit', 'client', 5, 3600);
    const roster = makeDynamoRosterStore(db, env.tableName);
    expect(await roster.get()).toBeUndefined();
    const stored = {
      members: [{ name: '李主管', roles: ['store_supervisor' as const], email: 'li@studio.example' }],
      source: 'sheet' as const,
      updatedAt: now.toISOString(),
    };
    await roster.put(stored);
    expect(await roster.get()).toEqual(stored);
    const sync = makeDynamoSheetSyncStore(db, env.tableName);
    await sync.acquire(now, new Date(now.getTime() + 60_000));
    await sync.saveState({
      spreadsheetId: 's',
      eventsFrom: now.toISOString(),
      recentEvents: [],
      historyNext: 2,
      known: new Set(['261120-001']),
      unplaced: new Set(),
      timeZone: 'Asia/Shanghai',
      casesColumns: { caseNo: 1, state: 38, width: 38 },
      updatedAt: now.toISOString(),
    });

    const reports = makeDynamoReportState(db, env.tableName);
    await reports.markDone('daily', '2026-11-20', now);
    expect(await reports.lastDone('daily')).toBe('2026-11-20');

    // A scan is fine here: this is the test's own table, not a request path.
    const { Items = [] } = await db.send(new ScanCommand({ TableName: env.tableName }));
    const types = Items.map((i) => i.type);
    expect(new Set(types)).toEqual(new Set(Object.values(ITEM_TYPE)));
    expect(types.filter((t) => t === ITEM_TYPE.contactLink)).toHaveLength(2); // phone and email
    expect(types.filter((t) => t === ITEM_TYPE.contactSummary)).toHaveLength(2);
    expect(Items.every((i) => typeof i.type === 'string')).toBe(true);
  });
});
