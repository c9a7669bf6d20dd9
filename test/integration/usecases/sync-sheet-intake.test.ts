/**
 * Rows typed into the sheet becoming cases, and the sync's safety: a sync killed between creating a case
 * and writing its number back, two syncs at once, injected 429s, a sync that runs out of time.
 */
import { describe, expect, it } from 'vitest';
import { emailsTo, freshSync, header, plenty } from '../../support/sheet-sync.js';
import { useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

let n = 0;
/** A complaint as front desk types it into a row; each test's customer has their own address. */
const typed = () => ({
  name: '陈女士',
  phone: '13912345678',
  email: `chen-${Date.now()}-${++n}@example.com`,
  description: '电话投诉：取件时相册封面有划痕',
  category: '技术/质量 Photo / technical quality',
  channel: '电话 Phone',
});

/** Cases received today in the business calendar, from the store. */
async function todays(s: Awaited<ReturnType<typeof freshSync>>) {
  const day = s.deps.rules.calendar.localDate(new Date());
  return (await s.cases.listReceivedOn(day)).items;
}

describe('sync-sheet: rows typed into the sheet', () => {
  it('a hand-typed row becomes a case, with its number, deadlines and received time written back', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    const TYPED = typed();
    await s.type(2, TYPED);
    await s.sync(); // the row gets its row id …
    await s.sync(); // … and becomes a case (the sync runs this second pass by itself under the lease)
    const [c] = await todays(s);
    expect(c).toMatchObject({
      source: 'sheet',
      channel: 'phone',
      complainant: { name: '陈女士', phone: '13912345678' },
    });
    const row = await s.rowOf(c?.caseNo ?? '');
    expect(row._row).toBe(2);
    expect(typeof row[header('receivedAt')]).toBe('number');
    expect(typeof row[header('nextDue')]).toBe('number');
    expect(typeof row[header('promisedReplyAt')]).toBe('number');
    expect(row[header('note')]).toBe(`ℹ 已登记为 Registered as ${c?.caseNo}`);
    expect((await emailsTo(TYPED.email)).length).toBe(1);
  });

  it('registers a complete row in one sync call: the lease holder runs the second pass itself', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    await s.type(2, { ...typed(), owner: '王店长', status: '调查中 Investigating' });
    const out = await s.sync();
    expect(out.passes.map((p) => p.kind)).toEqual(['full', 'full']);
    const [c] = await todays(s);
    // What was typed beyond the complaint itself is applied as an edit of the new case.
    expect(c).toMatchObject({ owner: '王店长', status: 'investigating', version: 2 });
  });

  it('a half-typed row is not registered; its note says what is missing; completing it registers it', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    await s.type(2, { name: '周先生', category: '服务态度 Service attitude' });
    await s.syncRows([2]);
    const note = String((await s.rows())[0]?.[header('note')]);
    expect(note).toMatch(
      /^⚠ 尚未登记，缺少 Not registered yet, missing: 电话\/邮箱\/微信 Phone\/Email\/WeChat, 经过 What happened/,
    );
    expect(await todays(s)).toHaveLength(0);
    await s.type(2, { wechat: 'zhou_wx', description: '摄影师迟到40分钟' });
    await s.syncRows([2]);
    const [c] = await todays(s);
    expect(c?.complainant).toEqual({ name: '周先生', wechat: 'zhou_wx' });
    expect((await s.rows())[0]?.[header('caseNo')]).toBe(c?.caseNo);
  });

  it('a sync killed after creating the case and before writing the number back creates no second case', async () => {
    let crash = true;
    const s = await freshSync(h.emulator, {
      afterCaseCreated: async () => {
        if (crash) throw new Error('killed');
      },
    });
    await s.sync();
    const TYPED = typed();
    await s.type(2, TYPED);
    // The edit pass gives the row its id, the holder's second pass creates the case, and dies.
    await expect(s.syncRows([2])).rejects.toThrow('killed');
    expect(await todays(s)).toHaveLength(1);
    expect((await s.rows())[0]?.[header('caseNo')]).toBe('');
    // Meanwhile a manager adds a note to the row: the content changed, the row id did not.
    await s.type(2, { notes: '已致电安抚' });
    crash = false;
    await s.sync();
    const cases = await todays(s);
    expect(cases).toHaveLength(1);
    expect((await s.rows())[0]?.[header('caseNo')]).toBe(cases[0]?.caseNo);
    expect((await s.cases.get(cases[0]?.caseNo ?? ''))?.notes).toBe('已致电安抚');
    expect(
      (await emailsTo(TYPED.email)).filter((m) => m.subject.includes(cases[0]?.caseNo ?? '?')),
    ).toHaveLength(1);
  });

  it('two syncs at once never apply an edit twice or register a row twice', async () => {
    const s = await freshSync(h.emulator);
    const c = await s.submit();
    await s.sync();
    await s.type(3, typed());
    await s.syncRows([3]);
    const row = (await s.rowOf(c.caseNo))._row;
    await s.type(row, { status: '调查中 Investigating' });
    const outcomes = await Promise.all([s.sync(), s.syncRows([row, 3], 'a@studio.example'), s.sync()]);
    expect(outcomes.filter((o) => o.ran).length).toBeGreaterThanOrEqual(1);
    await s.sync();
    expect(await todays(s)).toHaveLength(2);
    const events = await s.cases.listEvents(c.caseNo);
    expect(events.filter((e) => e.to === 'investigating')).toHaveLength(1);
  });

  it('a caller finding the lease held leaves its rows with the holder, which syncs them before letting go', async () => {
    const s = await freshSync(h.emulator);
    const c = await s.submit();
    await s.sync();
    const row = (await s.rowOf(c.caseNo))._row;
    const lease = await s.deps.store.acquire(new Date(), new Date(Date.now() + 60_000));
    if (!lease) throw new Error('no lease');
    await s.type(row, { owner: '排队的人' });
    expect(await s.syncRows([row], 'late@studio.example')).toEqual({ ran: false, passes: [] });
    expect((await s.cases.get(c.caseNo))?.owner).toBeUndefined();
    // The holder (here: the test) takes the left work as the sync would.
    const work = await s.deps.store.takePending(lease);
    expect(work).toEqual({ full: false, staff: false, rows: [{ row, user: 'late@studio.example' }] });
    expect(await s.deps.store.release(lease)).toBe(true);
    await s.syncSheet(work, plenty);
    expect((await s.cases.get(c.caseNo))?.owner).toBe('排队的人');
  });

  it('retries injected 429s and 503s with backoff and completes', async () => {
    const s = await freshSync(h.emulator);
    await s.submit();
    h.emulator.injectFault({ method: 'spreadsheets.values.batchGet', fault: 429, times: 2 });
    h.emulator.injectFault({ method: 'spreadsheets.values.batchUpdate', fault: 503, times: 1 });
    h.emulator.resetCalls();
    await s.sync();
    expect((await s.rows()).length).toBe(1);
    expect(h.emulator.calls()['spreadsheets.values.batchGet']).toBe(3);
    expect(h.emulator.calls()['spreadsheets.values.batchUpdate']).toBe(2);
  });

  it('a sync out of time writes nothing it did not finish; the next sync completes', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    await s.submit();
    await s.submit({ name: '第二位' });
    let left = 9000;
    const tight = { remainingMs: () => (left -= 600) };
    const out = await s.syncSheet({ full: true }, tight);
    expect(out.passes[0]?.incomplete).toBe(true);
    await s.sync();
    await s.sync();
    expect((await s.rows()).length).toBe(2);
  });
});
