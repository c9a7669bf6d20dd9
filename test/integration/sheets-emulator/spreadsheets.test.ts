/** Conformance: spreadsheets.create / get (fields, ranges, includeGridData) / batchUpdate sheet requests. */
import { describe, expect, it } from 'vitest';
import { apiError, batch, newSpreadsheet, putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

describe('spreadsheets', () => {
  it('create makes a default Sheet1 of 1000×26', async () => {
    const res = await h.api.spreadsheets.create({ requestBody: { properties: { title: 'Cases' } } });
    expect(res.data.sheets).toEqual([
      {
        properties: {
          sheetId: 0,
          title: 'Sheet1',
          index: 0,
          sheetType: 'GRID',
          gridProperties: { rowCount: 1000, columnCount: 26 },
        },
      },
    ]);
  });

  it('get honours fields in both spellings', async () => {
    const id = await newSpreadsheet(h.api, ['Cases', 'Log']);
    const dotted = await h.api.spreadsheets.get({
      spreadsheetId: id,
      fields: 'spreadsheetId,sheets.properties.title',
    });
    expect(dotted.data).toEqual({
      spreadsheetId: id,
      sheets: [{ properties: { title: 'Cases' } }, { properties: { title: 'Log' } }],
    });
    const nested = await h.api.spreadsheets.get({
      spreadsheetId: id,
      fields: 'sheets(properties(title,index))',
    });
    expect(nested.data).toEqual({
      sheets: [{ properties: { title: 'Cases', index: 0 } }, { properties: { title: 'Log', index: 1 } }],
    });
  });

  it('get refuses unknown field names and spaces after commas', async () => {
    const id = await newSpreadsheet(h.api);
    for (const fields of ['sheets.nope', 'properties, sheets.properties', 'sheets(properties']) {
      const e = await apiError(h.api.spreadsheets.get({ spreadsheetId: id, fields }));
      expect(e).toMatchObject({ status: 400, message: 'Request contains an invalid argument.' });
    }
  });

  it('get with ranges returns only those tabs, and with includeGridData their cells', async () => {
    const id = await newSpreadsheet(h.api, ['Cases', 'Log']);
    await putValues(h.api, id, 'Log!A1', [['when', '=1+1'], ['x']], 'USER_ENTERED');
    const some = await h.api.spreadsheets.get({ spreadsheetId: id, ranges: ['Log!A1:B2'] });
    expect(some.data.sheets?.map((s) => [s.properties?.title, s.data])).toEqual([['Log', undefined]]);
    const grid = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['Log!A1:B2'],
      includeGridData: true,
    });
    const data = grid.data.sheets?.[0]?.data?.[0];
    expect(data?.rowData?.[0]?.values?.[1]).toMatchObject({
      userEnteredValue: { formulaValue: '=1+1' },
      effectiveValue: { numberValue: 2 },
      formattedValue: '2',
    });
    expect(data?.rowData?.[1]?.values).toEqual([
      expect.objectContaining({ userEnteredValue: { stringValue: 'x' }, formattedValue: 'x' }),
    ]);
    expect(data?.rowMetadata).toEqual([{ pixelSize: 21 }, { pixelSize: 21 }]);
    expect(data?.columnMetadata).toEqual([{ pixelSize: 100 }, { pixelSize: 100 }]);
  });

  it('a fields mask naming sheets.data returns grid data without includeGridData', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [['a', 5]], 'USER_ENTERED');
    const res = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['T!A1:B1'],
      fields: 'sheets.data.rowData.values(userEnteredValue,effectiveValue)',
    });
    expect(res.data).toEqual({
      sheets: [
        {
          data: [
            {
              rowData: [
                {
                  values: [
                    { userEnteredValue: { stringValue: 'a' }, effectiveValue: { stringValue: 'a' } },
                    { userEnteredValue: { numberValue: 5 }, effectiveValue: { numberValue: 5 } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('adds, renames, freezes, grows, moves and deletes sheets; masked fields only', async () => {
    const id = await newSpreadsheet(h.api);
    const added = await batch(h.api, id, [
      { addSheet: { properties: { title: 'Cases' } } },
      { addSheet: {} },
    ]);
    expect(added.replies?.[0]?.addSheet?.properties).toMatchObject({ title: 'Cases', index: 1 });
    expect(added.replies?.[1]?.addSheet?.properties?.title).toBe('Sheet3');
    const sheetId = added.replies?.[0]?.addSheet?.properties?.sheetId as number;
    await batch(h.api, id, [
      {
        updateSheetProperties: {
          properties: { sheetId, title: 'Open cases', index: 0, gridProperties: { frozenRowCount: 1 } },
          fields: 'title,index,gridProperties.frozenRowCount',
        },
      },
      { appendDimension: { sheetId, dimension: 'ROWS', length: 10 } },
      {
        updateSheetProperties: {
          properties: { sheetId, title: 'Ignored' },
          fields: 'gridProperties.frozenColumnCount',
        },
      },
    ]);
    const got = await h.api.spreadsheets.get({ spreadsheetId: id, fields: 'sheets.properties' });
    expect(got.data.sheets?.[0]?.properties).toMatchObject({
      title: 'Open cases',
      index: 0,
      gridProperties: { rowCount: 1010, columnCount: 26, frozenRowCount: 1 },
    });
    await batch(h.api, id, [{ deleteSheet: { sheetId } }]);
    const final = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(final.data.sheets?.map((s) => [s.properties?.title, s.properties?.index])).toEqual([
      ['Sheet1', 0],
      ['Sheet3', 1],
    ]);
  });

  it('a batchUpdate is all-or-nothing and answers 400 with the failing request named', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    const dup = await apiError(
      batch(h.api, id, [
        { addSheet: { properties: { title: 'New' } } },
        { addSheet: { properties: { title: 'cases' } } },
      ]),
    );
    expect(dup).toMatchObject({
      status: 400,
      message:
        'Invalid requests[1].addSheet: A sheet with the name "cases" already exists. Please enter another name.',
    });
    const got = await h.api.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.map((s) => s.properties?.title)).toEqual(['Cases']);
    expect((await apiError(batch(h.api, id, [{ deleteSheet: { sheetId: 999 } }]))).message).toBe(
      'Invalid requests[0].deleteSheet: No grid with id: 999',
    );
    expect((await apiError(batch(h.api, id, [{ deleteSheet: { sheetId: 0 } }]))).status).toBe(400);
  });

  it('batchUpdate field masks refuse unknown names and empty masks', async () => {
    const id = await newSpreadsheet(h.api);
    const unknown = await apiError(
      batch(h.api, id, [
        { updateSheetProperties: { properties: { sheetId: 0, title: 'X' }, fields: 'title,colour' } },
      ]),
    );
    expect(unknown).toMatchObject({
      status: 400,
      message: 'Invalid requests[0].updateSheetProperties: Invalid field mask: title,colour',
    });
    const empty = await apiError(
      batch(h.api, id, [{ updateSheetProperties: { properties: { sheetId: 0, title: 'X' } } }]),
    );
    expect(empty.message).toBe(
      "Invalid requests[0].updateSheetProperties: At least one field must be updated, but 'fields' is empty.",
    );
  });
});
