/** Conformance: layout state is kept and returned by spreadsheets.get, so an idempotent layout can be tested. */
import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import {
  apiError,
  batch,
  getValues,
  newSpreadsheet,
  putValues,
  useSheetsEmulator,
} from '../../support/sheets.js';

const h = useSheetsEmulator();

const col = (c: number, r0 = 1, r1 = 100) => ({
  sheetId: 0,
  startRowIndex: r0,
  endRowIndex: r1,
  startColumnIndex: c,
  endColumnIndex: c + 1,
});
const sheet0 = async (id: string, fields?: string) =>
  (await h.api.spreadsheets.get({ spreadsheetId: id, ...(fields ? { fields } : {}) })).data
    .sheets?.[0] as sheets_v4.Schema$Sheet;

describe('layout', () => {
  it('repeatCell number formats are stored, returned, and format FORMATTED_VALUE', async () => {
    const id = await newSpreadsheet(h.api);
    await putValues(h.api, id, 'A1', [[46350.5, 0.256, 1234.5]]);
    await batch(h.api, id, [
      {
        repeatCell: {
          range: col(0, 0, 1),
          cell: { userEnteredFormat: { numberFormat: { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        repeatCell: {
          range: col(1, 0, 1),
          cell: { userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0.0%' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
      {
        repeatCell: {
          range: col(2, 0, 1),
          cell: {
            userEnteredFormat: {
              numberFormat: { type: 'CURRENCY', pattern: '"¥"#,##0.00' },
              backgroundColor: { red: 1 },
            },
          },
          fields: 'userEnteredFormat(numberFormat,backgroundColor)',
        },
      },
    ]);
    expect((await getValues(h.api, id, 'A1:C1')).values).toEqual([
      ['2026-11-24 12:00', '25.6%', '¥1,234.50'],
    ]);
    const grid = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['C1'],
      fields: 'sheets.data.rowData.values.userEnteredFormat',
    });
    expect(grid.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.userEnteredFormat).toEqual({
      numberFormat: { type: 'CURRENCY', pattern: '"¥"#,##0.00' },
      backgroundColor: { red: 1 },
    });
  });

  it('updateCells writes values and formats as its field mask says, and nothing else', async () => {
    const id = await newSpreadsheet(h.api);
    await putValues(h.api, id, 'A1', [['keep', 'old']]);
    await batch(h.api, id, [
      {
        updateCells: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'ignored' }, note: 'n1' },
                { userEnteredValue: { numberValue: 7 }, note: 'n2' },
              ],
            },
          ],
          fields: 'note',
        },
      },
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 0, columnIndex: 1 },
          rows: [{ values: [{ userEnteredValue: { numberValue: 7 } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect((await getValues(h.api, id, 'A1:B1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      ['keep', 7],
    ]);
    const grid = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1:B1'],
      fields: 'sheets.data.rowData.values.note',
    });
    expect(grid.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values).toEqual([{ note: 'n1' }, { note: 'n2' }]);
  });

  it('data validation is kept per cell; API writes are not refused by strict validation', async () => {
    const id = await newSpreadsheet(h.api);
    const rule = {
      condition: {
        type: 'ONE_OF_LIST',
        values: [{ userEnteredValue: 'open' }, { userEnteredValue: 'closed' }],
      },
      strict: true,
      showCustomUi: true,
    };
    await batch(h.api, id, [{ setDataValidation: { range: col(1, 1, 3), rule } }]);
    await putValues(h.api, id, 'B2', [['bogus']], 'USER_ENTERED');
    expect((await getValues(h.api, id, 'B2')).values).toEqual([['bogus']]);
    const grid = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['B2:B4'],
      fields: 'sheets.data.rowData.values.dataValidation',
    });
    expect(grid.data.sheets?.[0]?.data?.[0]?.rowData).toEqual([
      { values: [{ dataValidation: rule }] },
      { values: [{ dataValidation: rule }] },
    ]);
    await batch(h.api, id, [{ setDataValidation: { range: col(1, 1, 2) } }]);
    const after = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['B2:B3'],
      fields: 'sheets.data.rowData.values.dataValidation',
    });
    expect(after.data.sheets?.[0]?.data?.[0]?.rowData).toEqual([{}, { values: [{ dataValidation: rule }] }]);
  });

  it('conditional format rules are added, updated, moved and deleted, and returned in order', async () => {
    const id = await newSpreadsheet(h.api);
    const red = {
      booleanRule: {
        condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'overdue' }] },
        format: { backgroundColor: { red: 1 } },
      },
      ranges: [col(2)],
    };
    const amber = {
      booleanRule: {
        condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=$D2>3' }] },
        format: { backgroundColor: { red: 1, green: 0.8 } },
      },
      ranges: [col(2)],
    };
    await batch(h.api, id, [
      { addConditionalFormatRule: { rule: red, index: 0 } },
      { addConditionalFormatRule: { rule: amber, index: 1 } },
    ]);
    expect((await sheet0(id, 'sheets.conditionalFormats')).conditionalFormats).toEqual([red, amber]);
    const moved = await batch(h.api, id, [
      { updateConditionalFormatRule: { sheetId: 0, index: 1, newIndex: 0 } },
    ]);
    expect(moved.replies?.[0]?.updateConditionalFormatRule).toMatchObject({ oldIndex: 1, newIndex: 0 });
    const green = { ...red, booleanRule: { ...red.booleanRule, format: { backgroundColor: { green: 1 } } } };
    await batch(h.api, id, [{ updateConditionalFormatRule: { sheetId: 0, index: 1, rule: green } }]);
    expect((await sheet0(id)).conditionalFormats).toEqual([amber, green]);
    const deleted = await batch(h.api, id, [{ deleteConditionalFormatRule: { sheetId: 0, index: 0 } }]);
    expect(deleted.replies?.[0]?.deleteConditionalFormatRule?.rule).toEqual(amber);
    expect((await sheet0(id)).conditionalFormats).toEqual([green]);
    const e = await apiError(batch(h.api, id, [{ deleteConditionalFormatRule: { sheetId: 0, index: 5 } }]));
    expect(e.message).toBe(
      'Invalid requests[0].deleteConditionalFormatRule: No conditional format on sheet: 0 at index: 5',
    );
  });

  it('protected ranges (warning-only) are kept with an id and can be updated and deleted', async () => {
    const id = await newSpreadsheet(h.api);
    const res = await batch(h.api, id, [
      {
        addProtectedRange: {
          protectedRange: { range: col(0, 0, 1), description: 'header', warningOnly: true },
        },
      },
    ]);
    const pr = res.replies?.[0]?.addProtectedRange?.protectedRange;
    expect(pr).toMatchObject({
      protectedRangeId: expect.any(Number),
      warningOnly: true,
      description: 'header',
    });
    expect((await sheet0(id)).protectedRanges).toEqual([pr]);
    await batch(h.api, id, [
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId: pr?.protectedRangeId, description: 'Header row' },
          fields: 'description',
        },
      },
    ]);
    expect((await sheet0(id)).protectedRanges?.[0]?.description).toBe('Header row');
    await batch(h.api, id, [{ deleteProtectedRange: { protectedRangeId: pr?.protectedRangeId } }]);
    expect((await sheet0(id)).protectedRanges).toBeUndefined();
  });

  it('the basic filter, frozen rows, column widths and charts are kept and returned', async () => {
    const id = await newSpreadsheet(h.api);
    const filter = {
      range: { sheetId: 0, startRowIndex: 0, endRowIndex: 50, startColumnIndex: 0, endColumnIndex: 5 },
    };
    const chart = {
      spec: { title: 'Daily', basicChart: { chartType: 'COLUMN', domains: [], series: [] } },
      position: { overlayPosition: { anchorCell: { sheetId: 0, rowIndex: 2, columnIndex: 6 } } },
    };
    const res = await batch(h.api, id, [
      { setBasicFilter: { filter } },
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
          fields: 'gridProperties.frozenRowCount',
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 },
          properties: { pixelSize: 240 },
          fields: 'pixelSize',
        },
      },
      { addChart: { chart } },
    ]);
    const chartId = res.replies?.[3]?.addChart?.chart?.chartId;
    expect(chartId).toEqual(expect.any(Number));
    const s = await sheet0(id);
    expect(s.basicFilter).toEqual(filter);
    expect(s.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect(s.charts).toEqual([{ ...chart, chartId }]);
    const grid = await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['A1:D1'],
      fields: 'sheets.data.columnMetadata.pixelSize',
    });
    expect(grid.data.sheets?.[0]?.data?.[0]?.columnMetadata).toEqual([
      { pixelSize: 100 },
      { pixelSize: 240 },
      { pixelSize: 240 },
      { pixelSize: 100 },
    ]);
    await batch(h.api, id, [
      { clearBasicFilter: { sheetId: 0 } },
      { deleteEmbeddedObject: { objectId: chartId } },
    ]);
    const after = await sheet0(id);
    expect([after.basicFilter, after.charts]).toEqual([undefined, undefined]);
  });

  it('developer metadata is created, found by key, location or range, updated and deleted', async () => {
    const id = await newSpreadsheet(h.api);
    const rowMeta = (row: number, caseNo: string) => ({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'case',
          metadataValue: caseNo,
          visibility: 'PROJECT',
          location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: row, endIndex: row + 1 } },
        },
      },
    });
    const res = await batch(h.api, id, [
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'layout',
            metadataValue: 'v3',
            visibility: 'DOCUMENT',
            location: { spreadsheet: true },
          },
        },
      },
      rowMeta(1, '261122-001'),
      rowMeta(2, '261122-002'),
    ]);
    const created = res.replies?.[1]?.createDeveloperMetadata?.developerMetadata;
    expect(created).toEqual({
      metadataId: expect.any(Number),
      metadataKey: 'case',
      metadataValue: '261122-001',
      visibility: 'PROJECT',
      location: {
        locationType: 'ROW',
        dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
      },
    });
    const byKey = await h.api.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'case' } }] },
    });
    expect(byKey.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataValue)).toEqual([
      '261122-001',
      '261122-002',
    ]);
    const byRange = await h.api.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ a1Range: 'Sheet1!A3:Z3' }] },
    });
    expect(byRange.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataValue)).toEqual([
      '261122-002',
    ]);
    const got = await h.api.spreadsheets.developerMetadata.get({
      spreadsheetId: id,
      metadataId: created?.metadataId as number,
    });
    expect(got.data).toEqual(created);
    expect(
      (await h.api.spreadsheets.get({ spreadsheetId: id, fields: 'developerMetadata' })).data
        .developerMetadata?.[0],
    ).toMatchObject({
      metadataKey: 'layout',
      location: { locationType: 'SPREADSHEET', spreadsheet: true },
    });
    await batch(h.api, id, [
      {
        updateDeveloperMetadata: {
          dataFilters: [{ developerMetadataLookup: { metadataValue: '261122-002' } }],
          developerMetadata: { metadataValue: 'moved' },
          fields: 'metadataValue',
        },
      },
      { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: 'layout' } } } },
    ]);
    const all = await h.api.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: {
        dataFilters: [
          { developerMetadataLookup: { locationType: 'ROW' } },
          { developerMetadataLookup: { metadataKey: 'layout' } },
        ],
      },
    });
    expect(all.data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.metadataValue)).toEqual([
      '261122-001',
      'moved',
    ]);
  });

  it('row metadata must name exactly one row', async () => {
    const id = await newSpreadsheet(h.api);
    const e = await apiError(
      batch(h.api, id, [
        {
          createDeveloperMetadata: {
            developerMetadata: {
              metadataKey: 'k',
              visibility: 'DOCUMENT',
              location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 } },
            },
          },
        },
      ]),
    );
    expect(e.message).toBe(
      'Invalid requests[0].createDeveloperMetadata: The dimension range must represent a single row or column.',
    );
  });
});
