/** Conformance: rows and columns move as in Sheets, with their values, formats, validation and metadata. */
import { describe, expect, it } from 'vitest';
import { batch, getValues, newSpreadsheet, putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

const rows = (start: number, end: number) => ({
  sheetId: 0,
  dimension: 'ROWS',
  startIndex: start,
  endIndex: end,
});

async function seed() {
  const id = await newSpreadsheet(h.api);
  await putValues(
    h.api,
    id,
    'A1',
    [
      ['case', 'amount'],
      ['c', 30],
      ['a', 10],
      ['b', ''],
    ],
    'USER_ENTERED',
  );
  await batch(h.api, id, [
    {
      repeatCell: {
        range: { sheetId: 0, startRowIndex: 2, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 },
        cell: { userEnteredFormat: { backgroundColor: { red: 1 } } },
        fields: 'userEnteredFormat.backgroundColor',
      },
    },
    {
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: 'case',
          metadataValue: 'a',
          visibility: 'PROJECT',
          location: { dimensionRange: rows(2, 3) },
        },
      },
    },
  ]);
  return id;
}

const metaRow = async (id: string) =>
  (
    await h.api.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'case' } }] },
    })
  ).data.matchedDeveloperMetadata?.map((m) => m.developerMetadata?.location?.dimensionRange?.startIndex);

const bgOf = async (id: string, range: string) =>
  (
    await h.api.spreadsheets.get({
      spreadsheetId: id,
      ranges: [range],
      fields: 'sheets.data.rowData.values.userEnteredFormat.backgroundColor',
    })
  ).data.sheets?.[0]?.data?.[0]?.rowData?.map(
    (r) => r.values?.[0]?.userEnteredFormat?.backgroundColor ?? null,
  );

describe('rows and columns', () => {
  it('sortRange sorts the range by a column (blanks last) and moves cell formats with the values', async () => {
    const id = await seed();
    await batch(h.api, id, [
      {
        sortRange: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 4 },
          sortSpecs: [{ dimensionIndex: 1, sortOrder: 'DESCENDING' }],
        },
      },
    ]);
    expect((await getValues(h.api, id, 'A1:B4')).values).toEqual([
      ['case', 'amount'],
      ['c', '30'],
      ['a', '10'],
      ['b'],
    ]);
    await batch(h.api, id, [
      {
        sortRange: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 4 },
          sortSpecs: [{ dimensionIndex: 0 }],
        },
      },
    ]);
    expect((await getValues(h.api, id, 'A2:A4')).values).toEqual([['a'], ['b'], ['c']]);
    expect(await bgOf(id, 'A2:A4')).toEqual([{ red: 1 }]);
  });

  it('sortRange leaves row developer metadata at its row index (see README: divergence risk)', async () => {
    const id = await seed();
    await batch(h.api, id, [
      {
        sortRange: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 4 },
          sortSpecs: [{ dimensionIndex: 0 }],
        },
      },
    ]);
    expect(await metaRow(id)).toEqual([2]);
  });

  it('moveDimension moves rows with their values, formats and metadata', async () => {
    const id = await seed();
    await batch(h.api, id, [{ moveDimension: { source: rows(2, 3), destinationIndex: 1 } }]);
    expect((await getValues(h.api, id, 'A1:B4')).values).toEqual([
      ['case', 'amount'],
      ['a', '10'],
      ['c', '30'],
      ['b'],
    ]);
    expect(await bgOf(id, 'A2:A3')).toEqual([{ red: 1 }]);
    expect(await metaRow(id)).toEqual([1]);
  });

  it('insertDimension shifts rows and metadata; inheritFromBefore copies the formats of the row above', async () => {
    const id = await seed();
    await batch(h.api, id, [{ insertDimension: { range: rows(3, 5), inheritFromBefore: true } }]);
    expect((await getValues(h.api, id, 'A1:A6')).values).toEqual([['case'], ['c'], ['a'], [], [], ['b']]);
    expect(await bgOf(id, 'A3:A5')).toEqual([{ red: 1 }, { red: 1 }, { red: 1 }]);
    await batch(h.api, id, [{ insertDimension: { range: rows(0, 1) } }]);
    expect(await metaRow(id)).toEqual([3]);
    const props = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0]?.properties;
    expect(props?.gridProperties?.rowCount).toBe(1003);
  });

  it('deleteDimension removes rows; their developer metadata goes with them', async () => {
    const id = await seed();
    await batch(h.api, id, [{ deleteDimension: { range: rows(1, 2) } }]);
    expect(await metaRow(id)).toEqual([1]);
    await batch(h.api, id, [{ deleteDimension: { range: rows(1, 2) } }]);
    expect(await metaRow(id)).toBeUndefined();
    expect((await getValues(h.api, id, 'A1:B3')).values).toEqual([['case', 'amount'], ['b']]);
  });

  it('insertRange and deleteRange shift only the cells of the range', async () => {
    const id = await newSpreadsheet(h.api);
    await putValues(h.api, id, 'A1', [
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    await batch(h.api, id, [
      {
        insertRange: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          shiftDimension: 'ROWS',
        },
      },
    ]);
    expect((await getValues(h.api, id, 'A1:B3')).values).toEqual([['', 'b1'], ['a1', 'b2'], ['a2']]);
    await batch(h.api, id, [
      {
        deleteRange: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
          shiftDimension: 'ROWS',
        },
      },
    ]);
    expect((await getValues(h.api, id, 'A1:B3')).values).toEqual([['a1', 'b2'], ['a2']]);
  });

  it('conditional format and protected ranges grow with inserted rows and shrink with deleted ones', async () => {
    const id = await newSpreadsheet(h.api);
    const range = { sheetId: 0, startRowIndex: 1, endRowIndex: 5, startColumnIndex: 0, endColumnIndex: 3 };
    await batch(h.api, id, [
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [range],
            booleanRule: { condition: { type: 'NOT_BLANK' }, format: { backgroundColor: { red: 1 } } },
          },
        },
      },
      { addProtectedRange: { protectedRange: { range, warningOnly: true } } },
      { insertDimension: { range: rows(2, 4) } },
      { deleteDimension: { range: rows(0, 1) } },
    ]);
    const s = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0];
    const moved = { ...range, startRowIndex: 0, endRowIndex: 6 };
    expect(s?.conditionalFormats?.[0]?.ranges).toEqual([moved]);
    expect(s?.protectedRanges?.[0]?.range).toEqual(moved);
  });
});
