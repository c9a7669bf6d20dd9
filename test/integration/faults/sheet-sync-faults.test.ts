/**
 * The sheet sync under faults, on a sheet with work of every kind pending (a manager's edit, a case
 * changed through another door, a complaint typed into a row): the Sheets stand-in answering 429, 500,
 * 503 after applying, and slowly; a sync killed after its sheet write and before its state save, and
 * one killed mid-ingest, by DynamoDB stopping under it (then back). After each fault a second sync
 * finishes the work, and the counts say nothing was lost or doubled: cases, audit events, rows in
 * Cases, History rows, emails. (Retried 429/503 on reads, a sync dying before its save, and one dying
 * before writing a new case's number back are in test/integration/usecases/sync-sheet*.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../local/sheets-emulator/testing.js';
import type { Case } from '../../../shared/domain/case.js';
import { CASES_TAB } from '../../../shared/sheet/columns.js';
import { eventKey, HISTORY_TAB } from '../../../shared/sheet/history.js';
import { useFaultProxy } from '../../support/fault-proxy.js';
import { emailsTo, freshSync, header } from '../../support/sheet-sync.js';
import { emulatorJson, getValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();
const dynamo = useFaultProxy('dynamoEndpoint');

let n = 0;
const address = (who: string) => `${who}-${Date.now()}-${++n}@example.com`;

/** A clock a test can move past a dead run's lease, as the next scheduled run would come after it. */
function movableClock() {
  let skewMs = 0;
  return {
    now: () => new Date(Date.now() + skewMs),
    skip(ms: number) {
      skewMs += ms;
    },
  };
}

/**
 * Two cases from the form, synced; then a manager edits the first one's row, the second is changed
 * through another door, and a complaint is typed into the next free row: one sync has all three to do.
 */
async function pendingWork(opts: { afterCaseCreated?: () => Promise<void> } = {}) {
  const clock = movableClock();
  const s = await freshSync(h.emulator, {
    clock,
    dynamoEndpoint: dynamo.url(),
    afterCaseCreated: async () => opts.afterCaseCreated?.(),
  });
  const emails = [address('form-a'), address('form-b'), address('typed')];
  const a = await s.submit({ email: emails[0], phone: '13912340001' });
  const b = await s.submit({ email: emails[1], phone: '13912340002' });
  await s.sync();
  await s.sync();
  await s.type((await s.rowOf(a.caseNo))._row, { owner: '王店长' });
  await s.update(b.caseNo, b.version, { patch: { notes: '客户来电' }, actor: { id: 'desk', door: 'api' } });
  await s.type(4, {
    name: '陈女士',
    email: emails[2] as string,
    description: '电话投诉：取件时相册封面有划痕',
    category: '技术/质量 Photo / technical quality',
    channel: '电话 Phone',
  });
  return { s, clock, a, b, emails };
}

/** After the fault and a clean sync: every count as one fault-free run leaves it. */
async function expectNothingLostOrDoubled(w: Awaited<ReturnType<typeof pendingWork>>) {
  const { s, a, b, emails } = w;
  const day = s.deps.rules.calendar.localDate(new Date());
  const cases = (await s.cases.listReceivedOn(day)).items;
  expect(cases).toHaveLength(3);
  const typed = cases.find((c) => c.source === 'sheet') as Case;
  expect(typed).toBeDefined();

  // The edits: each applied once, each case's events counted.
  expect(await s.cases.get(a.caseNo)).toMatchObject({ owner: '王店长', version: 2 });
  expect(await s.cases.get(b.caseNo)).toMatchObject({ notes: '客户来电', version: 2 });
  const events = (await Promise.all(cases.map((c) => s.cases.listEvents(c.caseNo)))).flat();
  expect(events.map((e) => e.caseNo).sort()).toEqual(
    [a.caseNo, a.caseNo, b.caseNo, b.caseNo, typed.caseNo].sort(),
  );

  // Cases: each case in exactly one row; the store's change shown in its row.
  const rows = await s.rows();
  expect(rows.map((r) => r[header('caseNo')]).sort()).toEqual([a.caseNo, b.caseNo, typed.caseNo].sort());
  expect((await s.rowOf(b.caseNo))[header('notes')]).toBe('客户来电');

  // History: every event, none twice.
  const history = (await getValues(s.api, s.spreadsheetId, `${HISTORY_TAB}!A2:Z`)).values ?? [];
  const lines = history.map((r) => JSON.stringify(r));
  expect(new Set(lines).size).toBe(lines.length);
  const shownKeys = new Set(history.map((r) => String(r.at(-1))));
  expect(shownKeys).toEqual(new Set(events.map(eventKey)));

  // One acknowledgment per customer.
  for (const to of emails) expect(await emailsTo(to)).toHaveLength(1);

  // And a further sync finds nothing left to do.
  const again = await s.sync();
  expect(again.passes.every((p) => p.rowsWritten === 0 && p.appended === 0 && p.history === 0)).toBe(true);
}

const ALL_CALLS = ['spreadsheets.get', 'spreadsheets.values.batchGet', 'spreadsheets.values.batchUpdate'];

describe('sheet sync under faults', () => {
  it.each<[string, FaultKind, string[]]>([
    ['429 on every call', 429, ALL_CALLS],
    ['500 on every call', 500, ALL_CALLS],
    ['503 after applying its write', 'applied-503', ['spreadsheets.values.batchUpdate']],
    ['slow (1.5 s a call)', { delayMs: 1500 }, ALL_CALLS],
  ])('the stand-in answering %s: retried, nothing lost or doubled', async (_name, fault, methods) => {
    const w = await pendingWork();
    for (const method of methods) h.emulator.injectFault({ method, fault, times: 1 });
    await w.s.sync();
    expect(await emulatorJson(h.emulator.url, 'faults')).toEqual({ faults: [] }); // each one was met
    await w.s.sync();
    await expectNothingLostOrDoubled(w);
  });

  it('DynamoDB stopped after the sheet write, before the state save: the next run writes nothing twice', async () => {
    const w = await pendingWork();
    const write = w.s.deps.sheet.write;
    w.s.deps.sheet.write = async (writes, o) => {
      await write(writes, o);
      dynamo.set('down');
    };
    await expect(w.s.sync()).rejects.toThrow();
    w.s.deps.sheet.write = write;
    // The dead run wrote its rows (the store's change shows) but did not save the state that says so.
    expect((await w.s.rowOf(w.b.caseNo))[header('notes')]).toBe('客户来电');
    dynamo.set('pass');
    w.clock.skip(61_000); // the dead run's lease has run out
    await w.s.sync();
    await w.s.sync();
    await expectNothingLostOrDoubled(w);
  });

  it('DynamoDB stopped mid-ingest (the typed row is a case, its number not yet written back): one case, one email', async () => {
    let stop = true;
    const w = await pendingWork({
      afterCaseCreated: async () => {
        if (stop) dynamo.set('down');
      },
    });
    await expect(w.s.sync()).rejects.toThrow();
    expect((await getValues(w.s.api, w.s.spreadsheetId, `${CASES_TAB}!A4`)).values).toBeUndefined();
    stop = false;
    dynamo.set('pass');
    w.clock.skip(61_000);
    await w.s.sync();
    await expectNothingLostOrDoubled(w);
  });
});
