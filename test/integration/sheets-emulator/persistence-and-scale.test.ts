/** The stand-in keeps its data across restarts, and carries tabs of the size the sync benchmark uses. */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheets } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { startSheetsEmulator } from '../../../local/sheets-emulator/index.js';
import { batch, newSpreadsheet, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

describe('persistence', () => {
  it('keeps values, formulas and layout across a restart when given a data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    try {
      const dataFile = join(dir, 'nested', 'sheets.json');
      const first = await startSheetsEmulator({ port: 0, dataFile, quota: false });
      const api1 = sheets({ version: 'v4', rootUrl: first.url });
      const id = await newSpreadsheet(api1, ['Cases']);
      await api1.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Cases!A1',
        valueInputOption: 'USER_ENTERED',
        requestBody: { values: [['id', 7, '=B1*2', '2026-11-24']] },
      });
      const [cases] = (await api1.spreadsheets.get({ spreadsheetId: id })).data.sheets ?? [];
      await batch(api1, id, [
        {
          addProtectedRange: {
            protectedRange: {
              range: { sheetId: cases?.properties?.sheetId as number, endRowIndex: 1 },
              warningOnly: true,
            },
          },
        },
      ]);
      await first.close();
      expect(existsSync(dataFile)).toBe(true);
      expect(readdirSync(join(dir, 'nested'))).toEqual(['sheets.json']); // no temp file left behind

      const second = await startSheetsEmulator({ port: 0, dataFile, quota: false });
      try {
        const api2 = sheets({ version: 'v4', rootUrl: second.url });
        const values = await api2.spreadsheets.values.get({
          spreadsheetId: id,
          range: 'Cases!A1:D1',
          valueRenderOption: 'FORMULA',
        });
        expect(values.data.values).toEqual([['id', 7, '=B1*2', 46350]]);
        const formatted = await api2.spreadsheets.values.get({ spreadsheetId: id, range: 'Cases!C1:D1' });
        expect(formatted.data.values).toEqual([['14', '2026-11-24']]);
        const got = await api2.spreadsheets.get({
          spreadsheetId: id,
          fields: 'sheets.protectedRanges.warningOnly',
        });
        expect(got.data.sheets?.[0]).toEqual({ protectedRanges: [{ warningOnly: true }] });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scale', () => {
  it('writes and reads back a 10,000-row, 35-column tab in one batchUpdate and one batchGet', async () => {
    const id = await newSpreadsheet(h.api, ['Cases', 'Log']);
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 35 }, (_, c) =>
        c === 0 ? `261122-${String(r).padStart(5, '0')}` : c % 5 === 0 ? r * c : `text ${r}/${c}`,
      ),
    );
    await batch(h.api, id, [
      { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 9_100 } },
      { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 9 } },
    ]);
    const written = await h.api.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: { valueInputOption: 'RAW', data: [{ range: 'Cases!A2', values: rows }] },
    });
    expect(written.data.totalUpdatedCells).toBe(350_000);
    const read = await h.api.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['Cases', 'Log'],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    const [cases, log] = read.data.valueRanges ?? [];
    expect(cases?.values?.length).toBe(10_001);
    expect(cases?.values?.[10_000]).toEqual(rows[9_999]);
    expect(log?.values).toBeUndefined();
  });
});

describe('data file size', () => {
  it('stores plain cells as bare values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-emulator-'));
    try {
      const dataFile = join(dir, 'sheets.json');
      const emu = await startSheetsEmulator({ port: 0, dataFile, quota: false });
      const api = sheets({ version: 'v4', rootUrl: emu.url });
      const id = await newSpreadsheet(api);
      const rows = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 10 }, () => `v${r}`));
      await api.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'A1',
        valueInputOption: 'RAW',
        requestBody: { values: rows },
      });
      await emu.close();
      const payload = JSON.stringify(rows).length;
      expect(statSync(dataFile).size).toBeLessThan(payload * 1.2 + 2_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
