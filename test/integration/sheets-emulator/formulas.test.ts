/** Conformance: formulas are stored, returned as text only with FORMULA, and evaluated otherwise. */
import { describe, expect, it } from 'vitest';
import { batch, getValues, newSpreadsheet, putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator({ clock: () => Date.parse('2026-11-24T02:00:00Z') });

describe('formulas', () => {
  it('=1+1 reads 2 (formatted and unformatted) and =1+1 with FORMULA', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [['=1+1']], 'USER_ENTERED');
    expect((await getValues(h.api, id, 'T!A1')).values).toEqual([['2']]);
    expect((await getValues(h.api, id, 'T!A1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values).toEqual([
      [2],
    ]);
    expect((await getValues(h.api, id, 'T!A1', { valueRenderOption: 'FORMULA' })).values).toEqual([['=1+1']]);
  });

  it('evaluates common functions over ranges and other tabs', async () => {
    const id = await newSpreadsheet(h.api, ['Cases', 'Summary']);
    await putValues(
      h.api,
      id,
      'Cases!A1',
      [
        ['status', 'amount'],
        ['open', 100],
        ['closed', 50],
        ['open', 25],
      ],
      'USER_ENTERED',
    );
    await putValues(
      h.api,
      id,
      'Summary!A1',
      [
        [
          '=COUNTIF(Cases!A2:A, "open")',
          '=SUM(Cases!B:B)',
          '=SUMIF(Cases!A2:A4,"open",Cases!B2:B4)',
          '=IF(B1>100,"high","low")',
          '=CONCATENATE("n=", COUNTA(Cases!A2:A))',
          '=ROUND(AVERAGE(Cases!B2:B4), 1)',
          '=IFERROR(1/0, "none")',
          '=VLOOKUP("closed", Cases!A2:B4, 2, FALSE)',
          '=TEXT(0.256, "0.0%")',
          '=UPPER("ok") & "!"',
        ],
      ],
      'USER_ENTERED',
    );
    expect(
      (await getValues(h.api, id, 'Summary!A1:J1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values,
    ).toEqual([[2, 175, 125, 'high', 'n=3', 58.3, 'none', 50, '25.6%', 'OK!']]);
  });

  it('TODAY() and NOW() use the emulator clock in the spreadsheet time zone', async () => {
    const id = await newSpreadsheet(h.api, ['T'], { timeZone: 'Asia/Shanghai' });
    await putValues(h.api, id, 'T!A1', [['=TODAY()', '=NOW()']], 'USER_ENTERED');
    const [today, now] =
      (await getValues(h.api, id, 'T!A1:B1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values?.[0] ?? [];
    expect(today).toBe(46350);
    expect(now).toBeCloseTo(46350 + 10 / 24, 6);
  });

  it('answers Sheets error values: #NAME? for unknown functions, #DIV/0!, #REF! for cycles, #ERROR! for bad syntax', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(
      h.api,
      id,
      'T!A1',
      [['=NOSUCHFN(1)', '=1/0', '=D1', '=C1+1', '=1+', '=Nope!A1']],
      'USER_ENTERED',
    );
    const row = ['#NAME?', '#DIV/0!', '#REF!', '#REF!', '#ERROR!', '#REF!'];
    expect((await getValues(h.api, id, 'T!A1:F1')).values).toEqual([row]);
    expect(
      (await getValues(h.api, id, 'T!A1:F1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values,
    ).toEqual([row]);
  });

  it('references follow inserted and deleted rows; a reference to a deleted cell becomes #REF!', async () => {
    const id = await newSpreadsheet(h.api, ['Data', 'Calc']);
    const [data] = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets ?? [];
    const sheetId = data?.properties?.sheetId as number;
    await putValues(h.api, id, 'Data!A1', [[1], [2], [3]], 'USER_ENTERED');
    await putValues(h.api, id, 'Calc!A1', [['=SUM(Data!A1:A3)', '=Data!A3', '=Data!$A$2']], 'USER_ENTERED');
    await batch(h.api, id, [
      { insertDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } },
    ]);
    expect((await getValues(h.api, id, 'Calc!A1:C1', { valueRenderOption: 'FORMULA' })).values).toEqual([
      ['=SUM(Data!A1:A5)', '=Data!A5', '=Data!$A$4'],
    ]);
    await batch(h.api, id, [
      { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 3, endIndex: 4 } } },
    ]);
    expect((await getValues(h.api, id, 'Calc!A1:C1', { valueRenderOption: 'FORMULA' })).values).toEqual([
      ['=SUM(Data!A1:A4)', '=Data!A4', '=#REF!'],
    ]);
    expect((await getValues(h.api, id, 'Calc!A1:C1')).values).toEqual([['4', '3', '#REF!']]);
  });

  it('a formula written with updateCells formulaValue is evaluated; stringValue never is', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await batch(h.api, id, [
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: [
                { userEnteredValue: { formulaValue: '=2*3' } },
                { userEnteredValue: { stringValue: '=2*3' } },
              ],
            },
          ],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect((await getValues(h.api, id, 'T!A1:B1')).values).toEqual([['6', '=2*3']]);
  });
});
