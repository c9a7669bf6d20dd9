/** Conformance: spreadsheets.values.* — reads, writes, ranges, append, clear, render options. */
import { describe, expect, it } from 'vitest';
import { apiError, getValues, newSpreadsheet, putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

describe('values: reading and writing', () => {
  it('writes and reads a range, trimming trailing empty rows and cells', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    const res = await putValues(h.api, id, 'Cases!A1', [
      ['id', 'name', 'note'],
      ['1', 'Ann'],
      [],
      ['3', '', 'late'],
    ]);
    expect(res).toMatchObject({
      updatedRange: 'Cases!A1:C4',
      updatedRows: 4,
      updatedColumns: 3,
      updatedCells: 8,
    });
    const data = await getValues(h.api, id, 'Cases!A1:Z100');
    expect(data).toEqual({
      range: 'Cases!A1:Z100',
      majorDimension: 'ROWS',
      values: [['id', 'name', 'note'], ['1', 'Ann'], [], ['3', '', 'late']],
    });
    expect(await getValues(h.api, id, 'Cases!E10:F20')).toEqual({
      range: 'Cases!E10:F20',
      majorDimension: 'ROWS',
    });
  });

  it('reads and writes COLUMNS-major; null leaves a cell, "" clears it', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [['a', 'b', 'c']]);
    await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'T!A2',
      valueInputOption: 'RAW',
      requestBody: { majorDimension: 'COLUMNS', values: [['x', 'y'], ['z']] },
    });
    await putValues(h.api, id, 'T!A1', [[null, '', 'C']]);
    expect((await getValues(h.api, id, 'T')).values).toEqual([['a', '', 'C'], ['x', 'z'], ['y']]);
    expect((await getValues(h.api, id, 'T!A1:C3', { majorDimension: 'COLUMNS' })).values).toEqual([
      ['a', 'x', 'y'],
      ['', 'z'],
      ['C'],
    ]);
  });

  it('batchGet reads several tabs in one call; batchUpdate writes several ranges in one call', async () => {
    const id = await newSpreadsheet(h.api, ['A', 'B']);
    const res = await h.api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: [
          { range: 'A!A1', values: [['a1', '2']] },
          { range: 'B!B2:C3', values: [['x'], ['y', 'z']] },
        ],
      },
    });
    expect(res.data).toMatchObject({ totalUpdatedCells: 5, totalUpdatedSheets: 2, totalUpdatedRows: 3 });
    const got = await h.api.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['A', 'B!B2:C3', 'B!Z1'],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    expect(got.data.valueRanges).toEqual([
      { range: 'A!A1:Z1000', majorDimension: 'ROWS', values: [['a1', 2]] },
      { range: 'B!B2:C3', majorDimension: 'ROWS', values: [['x'], ['y', 'z']] },
      { range: 'B!Z1', majorDimension: 'ROWS' },
    ]);
  });

  it('a batch write is all-or-nothing', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    const e = await apiError(
      h.api.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'T!A1', values: [['kept?']] },
            { range: 'Nope!A1', values: [['x']] },
          ],
        },
      }),
    );
    expect(e.status).toBe(400);
    expect((await getValues(h.api, id, 'T')).values).toBeUndefined();
  });

  it('includeValuesInResponse echoes the written cells', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    const res = await h.api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'T!A1',
      valueInputOption: 'USER_ENTERED',
      includeValuesInResponse: true,
      responseValueRenderOption: 'UNFORMATTED_VALUE',
      requestBody: { values: [['=1+1', '7']] },
    });
    expect(res.data.updatedData).toEqual({ range: 'T!A1:B1', majorDimension: 'ROWS', values: [[2, 7]] });
  });
});

describe('values: ranges', () => {
  it('quoted names, whole rows and columns, the first sheet, open ends, columns past Z', async () => {
    const id = await newSpreadsheet(h.api, ['Tab with spaces', "Bob's"]);
    await putValues(h.api, id, "'Tab with spaces'!A1", [
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
      ['i', 'j', 'k', 'l'],
    ]);
    expect(await getValues(h.api, id, "'Tab with spaces'!A:C")).toMatchObject({
      range: "'Tab with spaces'!A1:C1000",
      values: [
        ['a', 'b', 'c'],
        ['e', 'f', 'g'],
        ['i', 'j', 'k'],
      ],
    });
    expect((await getValues(h.api, id, "'Tab with spaces'!2:3")).values).toEqual([
      ['e', 'f', 'g', 'h'],
      ['i', 'j', 'k', 'l'],
    ]);
    expect((await getValues(h.api, id, "'Tab with spaces'!B2:C")).values).toEqual([
      ['f', 'g'],
      ['j', 'k'],
    ]);
    expect((await getValues(h.api, id, 'A1:B1')).values).toEqual([['a', 'b']]);
    expect((await getValues(h.api, id, "'tab with spaces'!D3")).values).toEqual([['l']]);
    await putValues(h.api, id, "'Bob''s'!Y1", [['y', null, 'far', 'further']]);
    expect(await getValues(h.api, id, "'Bob''s'!Z1:AB1")).toEqual({
      range: "'Bob''s'!Z1:AB1",
      majorDimension: 'ROWS',
      values: [['', 'far', 'further']],
    });
  });

  it('echoed ranges quote a sheet name only when needed', async () => {
    const id = await newSpreadsheet(h.api, ['Cases', 'Cases 案件', 'A1', 'Daily_2026']);
    expect((await getValues(h.api, id, "'Cases'!A1:B2")).range).toBe('Cases!A1:B2');
    expect((await getValues(h.api, id, "'Cases 案件'!A1")).range).toBe("'Cases 案件'!A1");
    expect((await getValues(h.api, id, "'A1'!A1")).range).toBe("'A1'!A1");
    expect((await getValues(h.api, id, 'Daily_2026!A1')).range).toBe('Daily_2026!A1');
  });

  it('a read or clear whose end lies past the grid is clamped to it', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    await putValues(h.api, id, 'Cases!Z1000', [['corner']]);
    expect(await getValues(h.api, id, 'Cases!Y999:AC2000')).toEqual({
      range: 'Cases!Y999:Z1000',
      majorDimension: 'ROWS',
      values: [[], ['', 'corner']],
    });
    const cleared = await h.api.spreadsheets.values.clear({ spreadsheetId: id, range: 'Cases!Z1:AZ5000' });
    expect(cleared.data.clearedRange).toBe('Cases!Z1:Z1000');
    expect((await getValues(h.api, id, 'Cases')).values).toBeUndefined();
  });

  it('a range whose start lies outside the grid is a 400', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    const read = await apiError(getValues(h.api, id, 'Cases!AA1:AB2'));
    expect(read).toMatchObject({
      status: 400,
      message: "Range ('Cases'!AA1:AB2) exceeds grid limits. Max rows: 1000, max columns: 26",
    });
    const write = await apiError(putValues(h.api, id, 'Cases!A1001', [['x']]));
    expect(write.message).toBe("Range ('Cases'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26");
  });

  it("unparsable ranges, unknown sheets and too-wide writes are 400 with Google's messages", async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    expect(await apiError(getValues(h.api, id, 'Nope!A1:B2'))).toMatchObject({
      status: 400,
      message: 'Unable to parse range: Nope!A1:B2',
    });
    expect((await apiError(getValues(h.api, id, 'Cases!A1:B2:C3'))).message).toBe(
      'Unable to parse range: Cases!A1:B2:C3',
    );
    const wide = await apiError(putValues(h.api, id, 'Cases!A1:B1', [['1', '2', '3']]));
    expect(wide.message).toBe(
      'Requested writing within range [Cases!A1:B1], but tried writing to column [C]',
    );
  });
});

describe('values: append', () => {
  it('finds the table from the range and appends below it (OVERWRITE and INSERT_ROWS)', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [['h1', 'h2'], ['r1', 'x'], [], ['below']]);
    const res = await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'T!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['new']] },
    });
    expect(res.data).toMatchObject({ tableRange: 'T!A1:B2', updates: { updatedRange: 'T!A3' } });
    expect((await getValues(h.api, id, 'T')).values).toEqual([
      ['h1', 'h2'],
      ['r1', 'x'],
      ['new'],
      [],
      ['below'],
    ]);
    await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'T',
      valueInputOption: 'RAW',
      requestBody: { values: [['over'], ['writes']] },
    });
    expect((await getValues(h.api, id, 'T')).values).toEqual([
      ['h1', 'h2'],
      ['r1', 'x'],
      ['new'],
      ['over'],
      ['writes'],
    ]);
  });

  it('grows the sheet when appending past its last row', async () => {
    const id = await newSpreadsheet(h.api);
    await h.api.spreadsheets.batchUpdate({
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
    await putValues(h.api, id, 'Sheet1!A1', [['h'], ['1']]);
    const res = await h.api.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Sheet1',
      valueInputOption: 'RAW',
      requestBody: { values: [['2'], ['3']] },
    });
    expect(res.data.updates?.updatedRange).toBe('Sheet1!A3:A4');
    const sheet = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0]?.properties;
    expect(sheet?.gridProperties?.rowCount).toBe(4);
  });
});

describe('values: clear', () => {
  it('clear and batchClear remove values but keep formats and validation', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ]);
    await h.api.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            repeatCell: {
              range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
              cell: { userEnteredFormat: { numberFormat: { type: 'TEXT' } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
        ],
      },
    });
    expect(
      (await h.api.spreadsheets.values.clear({ spreadsheetId: id, range: 'T!B1:B2' })).data.clearedRange,
    ).toBe('T!B1:B2');
    const batch = await h.api.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ['T!3:3', 'T!C:C'] },
    });
    expect(batch.data.clearedRanges).toEqual(['T!A3:Z3', 'T!C1:C1000']);
    expect((await getValues(h.api, id, 'T')).values).toEqual([['a'], ['d']]);
    await putValues(h.api, id, 'T!B1', [['0012']], 'USER_ENTERED');
    expect((await getValues(h.api, id, 'T!B1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      ['0012'],
    ]);
  });
});

describe('values: render options', () => {
  it('FORMATTED_VALUE formats by the number format; UNFORMATTED_VALUE gives numbers and booleans; FORMULA gives formulas', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [[42, 1.5, true, 'text', '=A1*2', '1,234.5', '50%']], 'USER_ENTERED');
    expect((await getValues(h.api, id, 'T!A1:G1')).values).toEqual([
      ['42', '1.5', 'TRUE', 'text', '84', '1,234.5', '50%'],
    ]);
    expect(
      (await getValues(h.api, id, 'T!A1:G1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values,
    ).toEqual([[42, 1.5, true, 'text', 84, 1234.5, 0.5]]);
    expect((await getValues(h.api, id, 'T!A1:G1', { valueRenderOption: 'FORMULA' })).values).toEqual([
      [42, 1.5, true, 'text', '=A1*2', 1234.5, 0.5],
    ]);
  });

  it('dates: SERIAL_NUMBER (days since 1899-12-30) or FORMATTED_STRING; FORMATTED_VALUE ignores it', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [['2026-11-24', '2026-11-24 14:30', '1900-01-01']], 'USER_ENTERED');
    const serial = await getValues(h.api, id, 'T!A1:C1', {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    expect(serial.values).toEqual([[46350, 46350 + 14.5 / 24, 2]]);
    const text = await getValues(h.api, id, 'T!A1:C1', {
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(text.values).toEqual([['2026-11-24', '2026-11-24 14:30', '1900-01-01']]);
    const formatted = await getValues(h.api, id, 'T!A1', { dateTimeRenderOption: 'SERIAL_NUMBER' });
    expect(formatted.values).toEqual([['2026-11-24']]);
  });

  it("bad enum values are refused with Google's message", async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    const render = await apiError(getValues(h.api, id, 'T!A1', { valueRenderOption: 'PRETTY' }));
    expect(render).toMatchObject({
      status: 400,
      message: 'Invalid value at \'value_render_option\' (TYPE_ENUM), "PRETTY"',
    });
    const dates = await apiError(getValues(h.api, id, 'T!A1', { dateTimeRenderOption: 'ISO' }));
    expect(dates.message).toBe('Invalid value at \'date_time_render_option\' (TYPE_ENUM), "ISO"');
    const input = await apiError(putValues(h.api, id, 'T!A1', [['x']], 'TYPED'));
    expect(input.message).toBe('Invalid value at \'value_input_option\' (TYPE_ENUM), "TYPED"');
    const missing = await apiError(
      h.api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'T!A1',
        requestBody: { values: [['x']] },
      }),
    );
    expect(missing.message).toBe("'valueInputOption' is required but not specified");
  });
});
