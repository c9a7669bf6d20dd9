/** The product's SheetGateway adapter over Google's client, against the stand-in. */
import { describe, expect, it } from 'vitest';
import { makeGoogleSheetGateway } from '../../../shared/adapters/sheets/google-sheet-gateway.js';
import {
  apiError,
  emulatorJson,
  getValues,
  newSpreadsheet,
  putValues,
  useSheetsEmulator,
} from '../../support/sheets.js';

const h = useSheetsEmulator();

type CellsResponse = { cells: { value: unknown; isFormula: boolean }[][] };
const cells = (id: string, range: string) =>
  emulatorJson<CellsResponse>(h.emulator.url, `spreadsheets/${id}/cells?range=${encodeURIComponent(range)}`);

async function revision(id: string): Promise<number> {
  const list = await emulatorJson<{ spreadsheets: { spreadsheetId: string; revision: number }[] }>(
    h.emulator.url,
    'spreadsheets',
  );
  return list.spreadsheets.find((s) => s.spreadsheetId === id)?.revision ?? -1;
}

describe('GoogleSheetGateway', () => {
  const header = ['id', 'name', 'note'];

  it('ensureTab creates the tab with header and frozen row, and is idempotent', async () => {
    const id = await newSpreadsheet(h.api);
    const gw = makeGoogleSheetGateway({ spreadsheetId: id, rootUrl: h.emulator.url });
    await gw.ensureTab('Cases 案件', header);
    const tab = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.find(
      (s) => s.properties?.title === 'Cases 案件',
    );
    expect(tab?.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect((await getValues(h.api, id, "'Cases 案件'!1:1")).values).toEqual([header]);

    const before = await revision(id);
    await gw.ensureTab('Cases 案件', header);
    expect(await revision(id)).toBe(before); // nothing written the second time
    expect((await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets).toHaveLength(2);
  });

  it('ensureTab fixes an existing tab: header, frozen row, width', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    await putValues(h.api, id, 'Cases!A1', [['old', 'header', 'x', 'y']]);
    const wide = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const gw = makeGoogleSheetGateway({ spreadsheetId: id, rootUrl: h.emulator.url });
    await gw.ensureTab('Cases', wide);
    expect((await getValues(h.api, id, 'Cases!1:1')).values).toEqual([wide]);
    const props = (await h.api.spreadsheets.get({ spreadsheetId: id })).data.sheets?.[0]?.properties;
    expect(props?.gridProperties).toMatchObject({ columnCount: 30, frozenRowCount: 1 });

    await gw.ensureTab('Cases', header); // shorter header clears the old extra cells
    expect((await getValues(h.api, id, 'Cases!1:1')).values).toEqual([header]);
  });

  it('reads, writes and appends rows as plain text', async () => {
    const id = await newSpreadsheet(h.api);
    const gw = makeGoogleSheetGateway({ spreadsheetId: id, rootUrl: h.emulator.url });
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
    await putValues(h.api, id, 'Cases!A6', [[5, true]], 'USER_ENTERED'); // a manager typing numbers / TRUE
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
    const gw = makeGoogleSheetGateway({ spreadsheetId: 'missing', rootUrl: h.emulator.url });
    const e = await apiError(gw.readRows('Cases'));
    expect(e.status).toBe(404);
  });
});
