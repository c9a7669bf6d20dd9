/**
 * The sheet sync's full pass against DynamoDB Local and the Sheets stand-in: the layout, cases into rows,
 * History, the Staff tab into the roster, contact masking, and what a pass costs in API calls (counted by
 * this file's own stand-in).
 */
import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS } from '../../../shared/sheet/columns.js';
import { freshSync, header } from '../../support/sheet-sync.js';
import { putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

const sum = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
const writesOf = (calls: Record<string, number>) =>
  (calls['spreadsheets.values.batchUpdate'] ?? 0) + (calls['spreadsheets.batchUpdate'] ?? 0);

async function tabs(api: Awaited<ReturnType<typeof freshSync>>['api'], id: string) {
  const res = await api.spreadsheets.get({
    spreadsheetId: id,
    fields:
      'sheets(properties(title,gridProperties(frozenRowCount,frozenColumnCount)),protectedRanges(warningOnly),conditionalFormats,basicFilter)',
  });
  return res.data.sheets ?? [];
}

describe('sync-sheet: the full pass', () => {
  it('lays the tabs out on the first run; a run with nothing new makes 2 calls and writes nothing', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    const laid = await tabs(s.api, s.spreadsheetId);
    expect(laid.map((t) => t.properties?.title).sort()).toEqual(['Cases', 'History', 'Staff']);
    const cases = laid.find((t) => t.properties?.title === 'Cases');
    expect(cases?.properties?.gridProperties).toMatchObject({ frozenRowCount: 1, frozenColumnCount: 1 });
    expect(cases?.protectedRanges?.every((p) => p.warningOnly)).toBe(true);
    expect(cases?.conditionalFormats).toHaveLength(2);
    expect(cases?.basicFilter).toBeDefined();
    const head = (await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'Cases!1:1' }))
      .data.values?.[0];
    expect(head).toEqual(CASE_COLUMNS.map((c) => c.header));

    h.emulator.resetCalls();
    const second = await s.sync();
    expect(second.passes[0]).toMatchObject({ rowsWritten: 0, history: 0 });
    const calls = h.emulator.calls();
    expect(calls).toEqual({ 'spreadsheets.get': 1, 'spreadsheets.values.batchGet': 1 });
    expect(writesOf(calls)).toBe(0);
  });

  it('shows a complaint from the form as a row within one sync, and its History once', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    const c = await s.submit({ phone: '013800138000', channel: 'phone' });
    await s.sync();
    const row = await s.rowOf(c.caseNo);
    expect(row).toMatchObject({
      [header('status')]: '已登记 Received',
      [header('channel')]: '电话 Phone',
      [header('phone')]: '013800138000',
      [header('version')]: 1,
      [header('note')]: '',
    });
    expect(typeof row[header('receivedAt')]).toBe('number');
    expect(typeof row[header('promisedReplyAt')]).toBe('number');

    await s.update(c.caseNo, 1, { patch: { owner: '小王' }, actor: { id: 'api-user', door: 'api' } });
    await s.sync();
    await s.sync();
    expect(await s.rowOf(c.caseNo)).toMatchObject({ [header('owner')]: '小王', [header('version')]: 2 });
    const history = (
      await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'History' })
    ).data.values as string[][];
    const keys = history.slice(1).map((r) => r[9]);
    expect(keys).toEqual([`${c.caseNo}#1`, `${c.caseNo}#2`]);
    expect(history[2]).toEqual(
      expect.arrayContaining([c.caseNo, '接口 API', 'api-user', '修改 Updated', '负责人 Owner', '小王']),
    );
  });

  it('appends each event to History once, even when a sync dies after writing and before saving its state', async () => {
    const s = await freshSync(h.emulator);
    const c = await s.submit();
    await s.sync();
    await s.update(c.caseNo, 1, { patch: { owner: '小王' }, actor: { id: 'api', door: 'api' } });
    const save = s.deps.store.saveState;
    s.deps.store.saveState = async () => {
      throw new Error('killed before saving');
    };
    await expect(s.sync()).rejects.toThrow('killed before saving');
    s.deps.store.saveState = save;
    await s.update(c.caseNo, 2, { patch: { notes: '又来电' }, actor: { id: 'api', door: 'api' } });
    await s.sync();
    await s.sync();
    const history = (
      await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'History!J2:J' })
    ).data.values;
    expect(history?.flat()).toEqual([`${c.caseNo}#1`, `${c.caseNo}#2`, `${c.caseNo}#3`]);
  });

  it('finds the end of History again after a manager deleted rows there, then costs 2 calls again', async () => {
    const s = await freshSync(h.emulator);
    const c = await s.submit();
    await s.sync();
    await s.update(c.caseNo, 1, { patch: { owner: '小王' }, actor: { id: 'api', door: 'api' } });
    await s.sync(); // History: #1, #2
    const historyId = await s.sheetIdOf('History');
    await s.api.spreadsheets.batchUpdate({
      spreadsheetId: s.spreadsheetId,
      requestBody: {
        requests: [
          {
            deleteDimension: { range: { sheetId: historyId, dimension: 'ROWS', startIndex: 2, endIndex: 3 } },
          },
        ],
      },
    });
    await s.update(c.caseNo, 2, { patch: { notes: '再次来电' }, actor: { id: 'api', door: 'api' } });
    await s.sync();
    const keys = (
      await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'History!J2:J' })
    ).data.values;
    expect(keys?.flat()).toEqual([`${c.caseNo}#1`, `${c.caseNo}#3`]);
    h.emulator.resetCalls();
    await s.sync();
    expect(h.emulator.calls()).toEqual({ 'spreadsheets.get': 1, 'spreadsheets.values.batchGet': 1 });
  });

  it('a hundred changed cases cost three calls: get, batchGet, one batchUpdate', async () => {
    const s = await freshSync(h.emulator);
    const made = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        s.submit({ name: `顾客${i}`, phone: `1380013${String(i).padStart(4, '0')}` }),
      ),
    );
    await s.sync();
    await s.sync(); // History catches up with the hundred new cases
    await Promise.all(
      made.map((c) =>
        s.update(c.caseNo, 1, { patch: { notes: `第${c.caseNo}号` }, actor: { id: 'api', door: 'api' } }),
      ),
    );
    h.emulator.resetCalls();
    const out = await s.sync();
    expect(out.passes[0]).toMatchObject({ rowsWritten: 100, history: 100 });
    expect(h.emulator.calls()).toEqual({
      'spreadsheets.get': 1,
      'spreadsheets.values.batchGet': 1,
      'spreadsheets.values.batchUpdate': 1,
    });
    const rows = await s.rows();
    expect(rows.filter((r) => String(r[header('notes')]).startsWith('第'))).toHaveLength(100);
  });

  it('masks contacts in the Cases tab when the studio asks; History always masks', async () => {
    const s = await freshSync(h.emulator, { maskContacts: true });
    const c = await s.submit({ phone: '13800138000', email: 'li.hua@example.com', wechat: 'lihua88' });
    await s.sync();
    const row = await s.rowOf(c.caseNo);
    expect(row).toMatchObject({
      [header('phone')]: '138****8000',
      [header('email')]: 'l***@example.com',
      [header('wechat')]: '***',
    });
    await s.update(c.caseNo, 1, {
      patch: {
        complainant: { name: '张三', phone: '13900139000' },
        notes: '客户说打 13900139000 或 li.hua@example.com',
      },
      actor: { id: 'api', door: 'api' },
    });
    await s.sync();
    await s.sync();
    const history = JSON.stringify(
      (await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'History' })).data.values,
    );
    expect(history).not.toMatch(/13900139000|13800138000|li\.hua@example\.com|lihua88/);
    // The setting masks the contact columns; what staff typed into free text is theirs to keep.
    expect(await s.rowOf(c.caseNo)).toMatchObject({
      [header('phone')]: '139****9000',
      [header('email')]: '',
    });
  });

  it('re-running the layout keeps a manager’s own column, colours and widths; a new version restyles only ours', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    const sheetId = await s.sheetIdOf('Cases');
    await s.api.spreadsheets.batchUpdate({
      spreadsheetId: s.spreadsheetId,
      requestBody: {
        requests: [
          { appendDimension: { sheetId, dimension: 'COLUMNS', length: 1 } },
          {
            addConditionalFormatRule: {
              index: 0,
              rule: {
                ranges: [{ sheetId, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }],
                booleanRule: { condition: { type: 'NOT_BLANK' }, format: { backgroundColor: { blue: 1 } } },
              },
            },
          },
        ],
      },
    });
    expect(CASE_COLUMNS).toHaveLength(38); // A…AL: column AM is the manager's
    await putValues(s.api, s.spreadsheetId, 'Cases!AM1', [['我的列 Mine']]);
    await s.submit();
    await s.sync();
    await s.sync();
    const cases = (await tabs(s.api, s.spreadsheetId)).find((t) => t.properties?.title === 'Cases');
    expect(cases?.conditionalFormats).toHaveLength(3);
    expect(
      (await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'Cases!AM1' })).data
        .values,
    ).toEqual([['我的列 Mine']]);
  });

  it('reads the Staff tab into the roster, notes rows it cannot use, and falls back to the environment when empty', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    expect((await s.deps.roster.get())?.source).toBe('environment');
    await putValues(
      s.api,
      s.spreadsheetId,
      'Staff!A2:H4',
      [
        [
          '王店长',
          '门店主管 Store supervisor, 处理人',
          'wang@studio.example',
          'wang01',
          '门市',
          '2026-11-25',
          '2026-11-27',
          '李经理',
        ],
        ['李经理', 'executive_manager', 'li@studio.example', '', '', '', '', ''],
        ['', '处理人', 'nobody@studio.example', '', '', '', '', ''],
      ],
      'USER_ENTERED',
    );
    await s.sync();
    const roster = await s.deps.roster.get();
    expect(roster?.source).toBe('sheet');
    expect(roster?.members).toEqual([
      {
        name: '王店长',
        roles: ['store_supervisor', 'handler'],
        email: 'wang@studio.example',
        chatId: 'wang01',
        department: '门市',
        absentFrom: '2026-11-25',
        absentUntil: '2026-11-27',
        standIn: '李经理',
      },
      { name: '李经理', roles: ['executive_manager'], email: 'li@studio.example' },
    ]);
    const notes = (
      await s.api.spreadsheets.values.get({ spreadsheetId: s.spreadsheetId, range: 'Staff!I2:I4' })
    ).data.values;
    expect(notes?.[2]?.[0]).toMatch(/缺少姓名/);
    expect(notes?.[0]?.[0] ?? '').toBe('');
  });

  it('counts its calls: the sum of a pass’s calls is logged per method', async () => {
    const s = await freshSync(h.emulator);
    h.emulator.resetCalls();
    await s.sync();
    const first = h.emulator.calls();
    // First run: get, batchGet, get (the rules of the tab to restyle), layout, and the writes.
    expect(sum(first)).toBeLessThanOrEqual(5);
    expect(s.deps.sheet.requests()).toEqual(first);
  });
});
