/** Conformance: ValueInputOption — USER_ENTERED parses as the Sheets UI does; RAW stores text as it is. */
import { describe, expect, it } from 'vitest';
import {
  batch,
  emulatorJson,
  getValues,
  newSpreadsheet,
  putValues,
  useSheetsEmulator,
} from '../../support/sheets.js';

const h = useSheetsEmulator();

async function enter(values: string[], locale = 'en_US') {
  const id = await newSpreadsheet(h.api, ['T'], { locale });
  await putValues(h.api, id, 'T!A1', [values], 'USER_ENTERED');
  const unformatted = await getValues(h.api, id, 'T!1:1', { valueRenderOption: 'UNFORMATTED_VALUE' });
  const formatted = await getValues(h.api, id, 'T!1:1');
  return { id, unformatted: unformatted.values?.[0], formatted: formatted.values?.[0] };
}

describe('USER_ENTERED', () => {
  it('numbers with grouping, currency and percentages become numbers, shown as typed', async () => {
    const typed = ['1,234', '-1,234.50', '$1,234.50', '¥88', '50%', '12.5%', '1e3', ' 42 '];
    const { unformatted, formatted } = await enter(typed);
    expect(unformatted).toEqual([1234, -1234.5, 1234.5, 88, 0.5, 0.125, 1000, 42]);
    expect(formatted).toEqual(['1,234', '-1,234.50', '$1,234.50', '¥88', '50%', '12.50%', '1000', '42']);
  });

  it('TRUE and FALSE in any case become booleans', async () => {
    const { unformatted, formatted } = await enter(['true', 'False', 'TRUE']);
    expect(unformatted).toEqual([true, false, true]);
    expect(formatted).toEqual(['TRUE', 'FALSE', 'TRUE']);
  });

  it('dates and times become date-time serials (ISO, 2026/11/24, 2026年11月24日, 14:30, 2:30 PM)', async () => {
    const { unformatted, formatted } = await enter([
      '2026-11-24',
      '2026/11/24',
      '2026年11月24日',
      '14:30',
      '2:30 PM',
      '2026-11-24 09:05:30',
    ]);
    const day = 46350;
    expect(unformatted).toEqual([
      day,
      day,
      day,
      14.5 / 24,
      14.5 / 24,
      day + (9 * 3600 + 5 * 60 + 30) / 86400,
    ]);
    expect(formatted).toEqual([
      '2026-11-24',
      '2026/11/24',
      '2026年11月24日',
      '14:30',
      '2:30 PM',
      '2026-11-24 09:05:30',
    ]);
  });

  it('short dates follow the spreadsheet locale (en_US month first, en_GB day first)', async () => {
    expect((await enter(['11/24/2026'], 'en_US')).unformatted).toEqual([46350]);
    expect((await enter(['24/11/2026'], 'en_GB')).unformatted).toEqual([46350]);
    expect((await enter(['24/11/2026'], 'en_US')).unformatted).toEqual(['24/11/2026']);
  });

  it('text that is not a valid number or date stays text', async () => {
    const typed = ['2026-02-30', '+86 138 0013 8000', '1,23', 'N/A', '12:75', '2026-11-24T10:00:00'];
    expect((await enter(typed)).unformatted).toEqual(typed);
  });

  it('a leading apostrophe keeps text and is not stored', async () => {
    const { unformatted } = await enter(["'0012", "'=1+1", "'TRUE"]);
    expect(unformatted).toEqual(['0012', '=1+1', 'TRUE']);
  });

  it('a cell formatted as plain text (TEXT) keeps 0012, +86… and =1+1 as typed', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await batch(h.api, id, [
      {
        repeatCell: {
          range: { sheetId: 0, startColumnIndex: 0, endColumnIndex: 3 },
          cell: { userEnteredFormat: { numberFormat: { type: 'TEXT' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
    ]);
    await putValues(h.api, id, 'T!A1', [['0012', '+86 138 0013 8000', '=1+1']], 'USER_ENTERED');
    expect(
      (await getValues(h.api, id, 'T!A1:C1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values,
    ).toEqual([['0012', '+86 138 0013 8000', '=1+1']]);
  });
});

describe('RAW', () => {
  it('stores strings exactly as sent: no numbers, dates or formulas', async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    const typed = ['=HYPERLINK("http://x")', '0123', 'true', "'=1+1", '2026-11-24', '50%', '@SUM(1)', '+1'];
    await putValues(h.api, id, 'T!A1', [typed], 'RAW');
    expect((await getValues(h.api, id, 'T!1:1', { valueRenderOption: 'FORMULA' })).values).toEqual([typed]);
    const stored = await emulatorJson<{ cells: { isFormula: boolean }[][] }>(
      h.emulator.url,
      `spreadsheets/${id}/cells?range=T!A1:H1`,
    );
    expect(stored.cells[0]?.every((c) => c.isFormula === false)).toBe(true);
  });

  it("a customer's formula-looking text written RAW is never evaluated", async () => {
    const id = await newSpreadsheet(h.api, ['T']);
    await putValues(h.api, id, 'T!A1', [['=1+1', '=IMPORTXML("http://evil")']], 'RAW');
    expect((await getValues(h.api, id, 'T!A1:B1')).values).toEqual([['=1+1', '=IMPORTXML("http://evil")']]);
    expect(
      (await getValues(h.api, id, 'T!A1:B1', { valueRenderOption: 'UNFORMATTED_VALUE' })).values,
    ).toEqual([['=1+1', '=IMPORTXML("http://evil")']]);
  });
});
