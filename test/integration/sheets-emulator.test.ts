import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SheetsEmulator, startSheetsEmulator } from '../../local/sheets-emulator/index.js';
import { makeGoogleSheetGateway } from '../../shared/adapters/sheets/google-sheet-gateway.js';

let emulator: SheetsEmulator;
let api: sheets_v4.Sheets;

beforeAll(async () => {
  emulator = await startSheetsEmulator({ port: 0 });
  api = sheets({ version: 'v4', rootUrl: emulator.url });
});

afterAll(async () => {
  await emulator?.close();
});

async function newSpreadsheet(...tabs: string[]): Promise<string> {
  const res = await api.spreadsheets.create({
    requestBody: {
      properties: { title: 'test' },
      ...(tabs.length ? { sheets: tabs.map((title) => ({ properties: { title } })) } : {}),
    },
  });
  return res.data.spreadsheetId as string;
}

async function emulatorJson<T>(path: string, base = emulator.url): Promise<T> {
  const res = await fetch(new URL(path, base));
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

type CellsResponse = { cells: { value: unknown; isFormula: boolean }[][] };
const cells = (id: string, range: string) =>
  emulatorJson<CellsResponse>(`__emulator/spreadsheets/${id}/cells?range=${encodeURIComponent(range)}`);

async function revision(id: string): Promise<number> {
  const list = await emulatorJson<{ spreadsheets: { spreadsheetId: string; revision: number }[] }>(
    '__emulator/spreadsheets',
  );
  return list.spreadsheets.find((s) => s.spreadsheetId === id)?.revision ?? -1;
}

/** The GaxiosError the client throws, for asserting Google-shaped errors. */
async function apiError(p: Promise<unknown>): Promise<{ status: number; code: unknown; message: string }> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect((err as Error).constructor.name).toBe('GaxiosError');
  const e = err as { status: number; code: unknown; message: string; response?: { data?: unknown } };
  expect(e.response?.data).toMatchObject({ error: { code: e.status, message: e.message } });
  return e;
}

async function get(
  id: string,
  range: string,
  params: Partial<sheets_v4.Params$Resource$Spreadsheets$Values$Get> = {},
) {
  return (await api.spreadsheets.values.get({ spreadsheetId: id, range, ...params })).data;
}

async function put(id: string, range: string, values: unknown[][], valueInputOption = 'RAW') {
  return (
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range,
      valueInputOption,
      requestBody: { values },
    })
  ).data;
}

describe('health and listing', () => {
  it('answers GET / and lists spreadsheets', async () => {
    const health = await emulatorJson<{ status: string }>('');
    expect(health.status).toBe('ok');
    const id = await newSpreadsheet();
    const list = await emulatorJson<{ spreadsheets: { spreadsheetId: string; title: string }[] }>(
      '__emulator/spreadsheets',
    );
    expect(list.spreadsheets).toContainEqual(expect.objectContaining({ spreadsheetId: id, title: 'test' }));
  });
});

describe('spreadsheets', () => {
  it('creates a spreadsheet with a default Sheet1', async () => {
    const res = await api.spreadsheets.create({ requestBody: { properties: { title: 'Cases' } } });
    expect(res.data.properties?.title).toBe('Cases');
    expect(res.data.sheets).toEqual([
      {
        properties: expect.objectContaining({
          sheetId: 0,
          title: 'Sheet1',
          index: 0,
          sheetType: 'GRID',
          gridProperties: { rowCount: 1000, columnCount: 26 },
        }),
      },
    ]);
    const got = await api.spreadsheets.get({ spreadsheetId: res.data.spreadsheetId as string });
    expect(got.data.sheets?.map((s) => s.properties?.title)).toEqual(['Sheet1']);
  });

  it('creates named tabs and filters get() by ranges', async () => {
    const id = await newSpreadsheet('Cases', 'Log');
    const all = await api.spreadsheets.get({ spreadsheetId: id });
    expect(all.data.sheets?.map((s) => [s.properties?.title, s.properties?.index])).toEqual([
      ['Cases', 0],
      ['Log', 1],
    ]);
    const some = await api.spreadsheets.get({ spreadsheetId: id, ranges: ['Log!A1:B2'] });
    expect(some.data.sheets?.map((s) => s.properties?.title)).toEqual(['Log']);
  });

  it('adds, renames, freezes, grows and deletes sheets', async () => {
    const id = await newSpreadsheet();
    const added = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'Cases' } } }, { addSheet: {} }] },
    });
    expect(added.data.spreadsheetId).toBe(id);
    const props = added.data.replies?.[0]?.addSheet?.properties;
    expect(props).toMatchObject({
      title: 'Cases',
      index: 1,
      gridProperties: { rowCount: 1000, columnCount: 26 },
    });
    expect(added.data.replies?.[1]?.addSheet?.properties?.title).toBe('Sheet3');
    const sheetId = props?.sheetId as number;

    const updated = await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId, title: 'Open cases', gridProperties: { frozenRowCount: 1 } },
              fields: 'title,gridProperties.frozenRowCount',
            },
          },
          { appendDimension: { sheetId, dimension: 'ROWS', length: 10 } },
          { appendDimension: { sheetId, dimension: 'COLUMNS', length: 4 } },
          { repeatCell: { range: { sheetId }, cell: {}, fields: 'userEnteredFormat' } },
          { updateCells: { range: { sheetId }, fields: 'note' } },
          { setDataValidation: { range: { sheetId }, rule: {} } },
          { addConditionalFormatRule: { rule: { ranges: [{ sheetId }] }, index: 0 } },
          { addProtectedRange: { protectedRange: { range: { sheetId }, warningOnly: true } } },
        ],
      },
    });
    expect(updated.data.replies?.slice(0, 7)).toEqual([{}, {}, {}, {}, {}, {}, {}]);
    expect(updated.data.replies?.[7]?.addProtectedRange?.protectedRange?.protectedRangeId).toEqual(
      expect.any(Number),
    );
    const got = await api.spreadsheets.get({ spreadsheetId: id });
    const sheet = got.data.sheets?.find((s) => s.properties?.sheetId === sheetId)?.properties;
    expect(sheet).toMatchObject({
      title: 'Open cases',
      gridProperties: { rowCount: 1010, columnCount: 30, frozenRowCount: 1 },
    });

    // Only the masked fields change.
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId, title: 'Ignored' },
              fields: 'gridProperties.frozenRowCount',
            },
          },
        ],
      },
    });
    const after = await api.spreadsheets.get({ spreadsheetId: id });
    expect(after.data.sheets?.find((s) => s.properties?.sheetId === sheetId)?.properties).toMatchObject({
      title: 'Open cases',
      gridProperties: { rowCount: 1010, columnCount: 30 },
    });
    expect(
      after.data.sheets?.find((s) => s.properties?.sheetId === sheetId)?.properties?.gridProperties,
    ).not.toHaveProperty('frozenRowCount');

    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ deleteSheet: { sheetId } }] },
    });
    const final = await api.spreadsheets.get({ spreadsheetId: id });
    expect(final.data.sheets?.map((s) => [s.properties?.title, s.properties?.index])).toEqual([
      ['Sheet1', 0],
      ['Sheet3', 1],
    ]);
  });

  it('rejects bad requests and applies a batch all-or-nothing', async () => {
    const id = await newSpreadsheet('Cases');
    const dup = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { addSheet: { properties: { title: 'New' } } },
            { addSheet: { properties: { title: 'cases' } } },
          ],
        },
      }),
    );
    expect(dup.status).toBe(400);
    expect(dup.message).toContain('already exists');
    const got = await api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.map((s) => s.properties?.title)).toEqual(['Cases']); // 'New' was rolled back

    const unknownSheet = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ deleteSheet: { sheetId: 999 } }] },
      }),
    );
    expect(unknownSheet.status).toBe(400);
    expect(unknownSheet.message).toContain('No grid with id: 999');

    const lastSheet = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ deleteSheet: { sheetId: 0 } }] },
      }),
    );
    expect(lastSheet.status).toBe(400);

    const noFields = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ updateSheetProperties: { properties: { sheetId: 0, title: 'X' } } }] },
      }),
    );
    expect(noFields.status).toBe(400);

    const unsupported = await apiError(
      api.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ sortRange: { range: { sheetId: 0 } } }] },
      }),
    );
    expect(unsupported.status).toBe(400);
  });
});

describe('values', () => {
  it('writes and reads a range, trimming trailing empties like Google', async () => {
    const id = await newSpreadsheet('Cases');
    const res = await put(id, 'Cases!A1', [['id', 'name', 'note'], ['1', 'Ann'], [], ['3', '', 'late']]);
    expect(res).toMatchObject({
      spreadsheetId: id,
      updatedRange: 'Cases!A1:C4',
      updatedRows: 4,
      updatedColumns: 3,
      updatedCells: 8,
    });
    const data = await get(id, 'Cases!A1:Z100');
    expect(data.range).toBe('Cases!A1:Z100');
    expect(data.majorDimension).toBe('ROWS');
    expect(data.values).toEqual([['id', 'name', 'note'], ['1', 'Ann'], [], ['3', '', 'late']]);

    const empty = await get(id, 'Cases!E10:F20');
    expect(empty).toEqual({ range: 'Cases!E10:F20', majorDimension: 'ROWS' });

    const cols = await get(id, 'Cases!A1:C4', { majorDimension: 'COLUMNS' });
    expect(cols.values).toEqual([
      ['id', '1', '', '3'],
      ['name', 'Ann'],
      ['note', '', '', 'late'],
    ]);
  });

  it('writes COLUMNS-major input, skips nulls and clears on empty strings', async () => {
    const id = await newSpreadsheet('T');
    await put(id, 'T!A1', [['a', 'b', 'c']]);
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'T!A2',
      valueInputOption: 'RAW',
      requestBody: { majorDimension: 'COLUMNS', values: [['x', 'y'], ['z']] },
    });
    await put(id, 'T!A1', [[null, '', 'C']]);
    expect((await get(id, 'T')).values).toEqual([['a', '', 'C'], ['x', 'z'], ['y']]);
  });

  it('renders values per valueRenderOption', async () => {
    const id = await newSpreadsheet('T');
    await put(id, 'T!A1', [[42, 1.5, true, 'text', '=SUM(A1:B1)']], 'USER_ENTERED');
    expect((await get(id, 'T!A1:E1')).values).toEqual([['42', '1.5', 'TRUE', 'text', '=SUM(A1:B1)']]);
    expect((await get(id, 'T!A1:E1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      [42, 1.5, true, 'text', '=SUM(A1:B1)'],
    ]);
    expect((await get(id, 'T!A1:E1', { valueRenderOption: 'FORMULA' })).values).toEqual([
      [42, 1.5, true, 'text', '=SUM(A1:B1)'],
    ]);
  });

  it('reads several ranges with batchGet and writes several with batchUpdate', async () => {
    const id = await newSpreadsheet('A', 'B');
    const res = await api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          { range: 'A!A1', values: [['a1', 'b1']] },
          { range: 'B!B2:C3', values: [['x'], ['y', 'z']] },
        ],
      },
    });
    expect(res.data).toMatchObject({ totalUpdatedCells: 5, totalUpdatedSheets: 2, totalUpdatedRows: 3 });
    expect(res.data.responses?.map((r) => r.updatedRange)).toEqual(['A!A1:B1', 'B!B2:C3']);
    const got = await api.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['A!A1:B1', 'B!B2:C3', 'B!Z1'],
    });
    expect(got.data.valueRanges).toEqual([
      { range: 'A!A1:B1', majorDimension: 'ROWS', values: [['a1', 'b1']] },
      { range: 'B!B2:C3', majorDimension: 'ROWS', values: [['x'], ['y', 'z']] },
      { range: 'B!Z1', majorDimension: 'ROWS' },
    ]);
  });

  it('clears one range and several ranges', async () => {
    const id = await newSpreadsheet('T');
    await put(id, 'T!A1', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ]);
    const cleared = await api.spreadsheets.values.clear({ spreadsheetId: id, range: 'T!B1:B2' });
    expect(cleared.data).toEqual({ spreadsheetId: id, clearedRange: 'T!B1:B2' });
    expect((await get(id, 'T')).values).toEqual([
      ['a', '', 'c'],
      ['d', '', 'f'],
      ['g', 'h', 'i'],
    ]);
    const batch = await api.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ['T!3:3', 'T!C:C'] },
    });
    expect(batch.data.clearedRanges).toEqual(['T!A3:Z3', 'T!C1:C1000']);
    expect((await get(id, 'T')).values).toEqual([['a'], ['d']]);
  });
});

describe('append', () => {
  it('appends below the table and reports the ranges', async () => {
    const id = await newSpreadsheet('Cases');
    const first = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Cases',
      valueInputOption: 'RAW',
      requestBody: { values: [['id', 'name']] },
    });
    expect(first.data.tableRange).toBeUndefined();
    expect(first.data.updates?.updatedRange).toBe('Cases!A1:B1');

    const second = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Cases!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: {
        values: [
          ['1', 'Ann'],
          ['2', 'Bob'],
        ],
      },
    });
    expect(second.data).toMatchObject({
      spreadsheetId: id,
      tableRange: 'Cases!A1:B1',
      updates: {
        spreadsheetId: id,
        updatedRange: 'Cases!A2:B3',
        updatedRows: 2,
        updatedColumns: 2,
        updatedCells: 4,
      },
    });
    expect((await get(id, 'Cases')).values).toEqual([
      ['id', 'name'],
      ['1', 'Ann'],
      ['2', 'Bob'],
    ]);
  });

  it('INSERT_ROWS shifts rows below; OVERWRITE writes over them', async () => {
    const id = await newSpreadsheet('T');
    await put(id, 'T!A1', [['h1', 'h2'], ['r1', 'x'], [], ['below']]);
    await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'T!A:B',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['new']] },
    });
    expect((await get(id, 'T')).values).toEqual([['h1', 'h2'], ['r1', 'x'], ['new'], [], ['below']]);
    const sheet = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0]?.properties;
    expect(sheet?.gridProperties?.rowCount).toBe(1001);

    await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'T',
      valueInputOption: 'RAW',
      insertDataOption: 'OVERWRITE',
      requestBody: { values: [['over'], ['writes']] },
    });
    expect((await get(id, 'T')).values).toEqual([['h1', 'h2'], ['r1', 'x'], ['new'], ['over'], ['writes']]);
  });

  it('grows the sheet when appending past its last row', async () => {
    const id = await newSpreadsheet();
    await api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateSheetProperties: {
              properties: { sheetId: 0, gridProperties: { rowCount: 2 } },
              fields: 'gridProperties.rowCount',
            },
          },
        ],
      },
    });
    await put(id, 'Sheet1!A1', [['h'], ['1']]);
    const res = await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1',
      valueInputOption: 'RAW',
      requestBody: { values: [['2'], ['3']] },
    });
    expect(res.data.updates?.updatedRange).toBe('Sheet1!A3:A4');
    const sheet = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0]?.properties;
    expect(sheet?.gridProperties?.rowCount).toBe(4);
  });
});

describe('A1 notation through the API', () => {
  it('handles quoted names, whole rows/columns, the first sheet, open ends and columns past Z', async () => {
    const id = await newSpreadsheet('Tab with spaces', "Bob's");
    await put(id, "'Tab with spaces'!A1", [
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
      ['i', 'j', 'k', 'l'],
    ]);
    expect((await get(id, "'Tab with spaces'!A:C")).values).toEqual([
      ['a', 'b', 'c'],
      ['e', 'f', 'g'],
      ['i', 'j', 'k'],
    ]);
    expect((await get(id, "'Tab with spaces'!A:C")).range).toBe("'Tab with spaces'!A1:C1000");
    expect((await get(id, "'Tab with spaces'!2:3")).values).toEqual([
      ['e', 'f', 'g', 'h'],
      ['i', 'j', 'k', 'l'],
    ]);
    expect((await get(id, "'Tab with spaces'!B2:C")).values).toEqual([
      ['f', 'g'],
      ['j', 'k'],
    ]);
    expect((await get(id, 'A1:B1')).values).toEqual([['a', 'b']]); // first sheet
    expect((await get(id, "'Tab with spaces'")).range).toBe("'Tab with spaces'!A1:Z1000");
    expect((await get(id, "'tab with spaces'!D3")).values).toEqual([['l']]);

    await put(id, "'Bob''s'!Y1", [['y', null, 'far', 'further']]); // grows the grid past Z
    const bob = await get(id, "'Bob''s'!Z1:AB1");
    expect(bob).toEqual({
      range: "'Bob''s'!Z1:AB1",
      majorDimension: 'ROWS',
      values: [['', 'far', 'further']],
    });
    const grown = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[1]?.properties;
    expect(grown?.gridProperties?.columnCount).toBe(28);
  });

  it('answers 400 for unparsable ranges, unknown sheets and ranges beyond the grid', async () => {
    const id = await newSpreadsheet('Cases');
    const unknown = await apiError(get(id, 'Nope!A1:B2'));
    expect(unknown).toMatchObject({ status: 400, code: 400, message: 'Unable to parse range: Nope!A1:B2' });
    const bad = await apiError(get(id, 'Cases!A1:B2:C3'));
    expect(bad).toMatchObject({ status: 400, message: 'Unable to parse range: Cases!A1:B2:C3' });
    const beyond = await apiError(get(id, 'Cases!A1:AB1'));
    expect(beyond.status).toBe(400);
    expect(beyond.message).toContain('exceeds grid limits');
    const outside = await apiError(put(id, 'Cases!AA1', [['x']]));
    expect(outside.message).toBe("Range ('Cases'!AA1) exceeds grid limits. Max rows: 1000, max columns: 26");
    const tooWide = await apiError(put(id, 'Cases!A1:B1', [['1', '2', '3']]));
    expect(tooWide.status).toBe(400);
    expect(tooWide.message).toContain('tried writing to column [C]');
  });
});

describe('USER_ENTERED vs RAW', () => {
  const formula = '=HYPERLINK("http://x")';

  it('USER_ENTERED makes a formula; RAW stores the same text verbatim', async () => {
    const id = await newSpreadsheet('T');
    await put(id, 'T!A1', [[formula, '0123', 'true', "'=1+1"]], 'USER_ENTERED');
    await put(id, 'T!A2', [[formula, '0123', 'true', "'=1+1"]], 'RAW');

    const stored = await cells(id, 'T!A1:D2');
    expect(stored.cells).toEqual([
      [
        { value: formula, isFormula: true },
        { value: 123, isFormula: false },
        { value: true, isFormula: false },
        { value: '=1+1', isFormula: false },
      ],
      [
        { value: formula, isFormula: false },
        { value: '0123', isFormula: false },
        { value: 'true', isFormula: false },
        { value: "'=1+1", isFormula: false },
      ],
    ]);
    expect((await get(id, 'T!A1:A2', { valueRenderOption: 'FORMULA' })).values).toEqual([
      [formula],
      [formula],
    ]);
  });

  it('append with RAW never creates a formula either', async () => {
    const id = await newSpreadsheet('T');
    await api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'T',
      valueInputOption: 'RAW',
      requestBody: { values: [[formula, '@SUM(1)', '+1', '-1']] },
    });
    const stored = await cells(id, 'T!A1:D1');
    expect(stored.cells[0]?.every((c) => c.isFormula === false && typeof c.value === 'string')).toBe(true);
  });
});

describe('errors', () => {
  it('answers 404 NOT_FOUND for an unknown spreadsheet', async () => {
    const e = await apiError(api.spreadsheets.get({ spreadsheetId: 'does-not-exist' }));
    expect(e).toMatchObject({ status: 404, code: 404 });
    const v = await apiError(get('does-not-exist', 'A1'));
    expect(v.status).toBe(404);
    const res = await fetch(new URL('v4/spreadsheets/does-not-exist', emulator.url));
    expect(await res.json()).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });

  it('answers 400 INVALID_ARGUMENT for a missing valueInputOption and for bad JSON', async () => {
    const id = await newSpreadsheet();
    const e = await apiError(
      api.spreadsheets.values.update({ spreadsheetId: id, range: 'A1', requestBody: { values: [['x']] } }),
    );
    expect(e.status).toBe(400);
    const res = await fetch(new URL(`v4/spreadsheets/${id}/values/A1?valueInputOption=RAW`, emulator.url), {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"values": [[',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
  });
});

describe('persistence', () => {
  it('keeps spreadsheets across a restart when given a data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    try {
      const dataFile = join(dir, 'nested', 'sheets.json');
      const first = await startSheetsEmulator({ port: 0, dataFile });
      const client1 = sheets({ version: 'v4', rootUrl: first.url });
      const created = await client1.spreadsheets.create({
        requestBody: { properties: { title: 'Kept' }, sheets: [{ properties: { title: 'Cases' } }] },
      });
      const id = created.data.spreadsheetId as string;
      await client1.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Cases!A1',
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['id', 7, '=A1']] },
      });
      await first.close();
      expect(existsSync(dataFile)).toBe(true);
      expect(readdirSync(join(dir, 'nested'))).toEqual(['sheets.json']); // no temp file left behind

      const second = await startSheetsEmulator({ port: 0, dataFile });
      try {
        const client2 = sheets({ version: 'v4', rootUrl: second.url });
        const got = await client2.spreadsheets.get({ spreadsheetId: id });
        expect(got.data.properties?.title).toBe('Kept');
        const values = await client2.spreadsheets.values.get({
          spreadsheetId: id,
          range: 'Cases!A1:C1',
          valueRenderOption: 'UNFORMATTED_VALUE',
        });
        expect(values.data.values).toEqual([['id', 7, '=A1']]);
        const stored = await emulatorJson<CellsResponse>(
          `__emulator/spreadsheets/${id}/cells?range=Cases!C1`,
          second.url,
        );
        expect(stored.cells).toEqual([[{ value: '=A1', isFormula: true }]]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GoogleSheetGateway', () => {
  const header = ['id', 'name', 'note'];

  it('ensureTab creates the tab with header and frozen row, and is idempotent', async () => {
    const id = await newSpreadsheet();
    const gw = makeGoogleSheetGateway({ spreadsheetId: id, rootUrl: emulator.url });
    await gw.ensureTab('Cases 案件', header);
    const tab = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.find(
      (s) => s.properties?.title === 'Cases 案件',
    );
    expect(tab?.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect((await get(id, "'Cases 案件'!1:1")).values).toEqual([header]);

    const before = await revision(id);
    await gw.ensureTab('Cases 案件', header);
    expect(await revision(id)).toBe(before); // nothing written the second time
    expect((await api.spreadsheets.get({ spreadsheetId: id })).data.sheets).toHaveLength(2);
  });

  it('ensureTab fixes an existing tab: header, frozen row, width', async () => {
    const id = await newSpreadsheet('Cases');
    await put(id, 'Cases!A1', [['old', 'header', 'x', 'y']]);
    const wide = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const gw = makeGoogleSheetGateway({ spreadsheetId: id, rootUrl: emulator.url });
    await gw.ensureTab('Cases', wide);
    expect((await get(id, 'Cases!1:1')).values).toEqual([wide]);
    const props = (await api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0]?.properties;
    expect(props?.gridProperties).toMatchObject({ columnCount: 30, frozenRowCount: 1 });

    await gw.ensureTab('Cases', header); // shorter header clears the old extra cells
    expect((await get(id, 'Cases!1:1')).values).toEqual([header]);
  });

  it('reads, writes and appends rows as plain text', async () => {
    const id = await newSpreadsheet();
    const gw = makeGoogleSheetGateway({ spreadsheetId: id, rootUrl: emulator.url });
    await gw.ensureTab('Cases', header);
    expect(await gw.readRows('Cases')).toEqual([]);

    await gw.appendRows('Cases', [
      ['1', 'Ann', '=HYPERLINK("http://x")'],
      ['2', 'Bob'],
    ]);
    await gw.appendRows('Cases', [['3', 'Cy', '+1 555']]);
    expect(await gw.readRows('Cases')).toEqual([
      ['1', 'Ann', '=HYPERLINK("http://x")'],
      ['2', 'Bob', ''],
      ['3', 'Cy', '+1 555'],
    ]);
    const stored = await cells(id, 'Cases!A2:C4');
    expect(stored.cells.flat().every((c) => c.value === null || c.isFormula === false)).toBe(true);

    await gw.writeRows('Cases', 3, [['2', 'Bea', '0042']]);
    await put(id, 'Cases!A6', [[5, true]], 'USER_ENTERED'); // a manager typing numbers / TRUE
    expect(await gw.readRows('Cases')).toEqual([
      ['1', 'Ann', '=HYPERLINK("http://x")'],
      ['2', 'Bea', '0042'],
      ['3', 'Cy', '+1 555'],
      ['', '', ''],
      ['5', 'TRUE', ''],
    ]);
    await expect(gw.writeRows('Cases', 0, [['x']])).rejects.toThrow(RangeError);
  });

  it('surfaces API errors from the adapter', async () => {
    const gw = makeGoogleSheetGateway({ spreadsheetId: 'missing', rootUrl: emulator.url });
    const e = await apiError(gw.readRows('Cases'));
    expect(e.status).toBe(404);
  });
});
