/** The product's SheetGateway adapter over Google's client, against the Sheets stand-in. */
import { describe, expect, it } from 'vitest';
import { makeGoogleSheetGateway } from '../../../shared/adapters/sheets/google-sheet-gateway.js';
import { planLayout as plan0, type TabLayout, type TabSpec } from '../../../shared/sheet/tab-spec.js';
import {
  apiError,
  batch,
  emulatorJson,
  getValues,
  newSpreadsheet,
  putValues,
  useSheetsEmulator,
} from '../../support/sheets.js';

const h = useSheetsEmulator();

/** The layout a spec needs (failing the test when it needs none). */
function planLayout(...args: Parameters<typeof plan0>): TabLayout {
  const p = plan0(...args);
  if (!p) throw new Error('expected a layout');
  return p;
}
const noWait = { sleep: async () => undefined, random: () => 0 };
const gateway = (spreadsheetId: string) =>
  makeGoogleSheetGateway({ spreadsheetId, rootUrl: h.emulator.url, retry: noWait });

const spec = (title = 'Cases', extra: Partial<TabSpec> = {}): TabSpec => ({
  title,
  columns: [
    { header: '编号 No', width: 90, format: 'text', system: true },
    { header: '状态 Status', width: 120, format: 'text', dropdown: { options: ['开 Open', '关 Closed'] } },
    { header: '期限 Due', width: 130, format: 'datetime' },
    { header: '金额 Amount', width: 80, format: 'number' },
    { header: '状态 State', width: 40, format: 'text', system: true, hidden: true },
  ],
  frozenRows: 1,
  frozenColumns: 1,
  initialRows: 50,
  growBy: 50,
  filter: true,
  highlights: [
    { formula: '=AND({期限 Due}2<>"",{期限 Due}2<NOW())', color: { red: 1, green: 0.8, blue: 0.8 } },
  ],
  ...extra,
});

type Cells = { cells: { value: unknown; isFormula: boolean }[][] };
const cells = (id: string, range: string) =>
  emulatorJson<Cells>(h.emulator.url, `spreadsheets/${id}/cells?range=${encodeURIComponent(range)}`);

async function layoutState(id: string) {
  const res = await h.api.spreadsheets.get({
    spreadsheetId: id,
    fields:
      'sheets(properties,protectedRanges(description,warningOnly,range),conditionalFormats,basicFilter,developerMetadata,data(columnMetadata(pixelSize,hiddenByUser)))',
    ranges: ['Cases!A1:E2'],
  });
  return res.data.sheets?.find((s) => s.properties?.title === 'Cases');
}

describe('GoogleSheetGateway', () => {
  it('lays out a new tab in one batch: header, frozen panes, formats, dropdowns, protection, colours, filter, widths', async () => {
    const id = await newSpreadsheet(h.api);
    const gw = gateway(id);
    const info = await gw.info();
    const plan = planLayout(spec(), undefined, undefined);
    expect(plan).toBeDefined();
    await gw.layout([plan]);
    expect(gw.requests()).toEqual({ 'spreadsheets.get': 1, 'spreadsheets.batchUpdate': 1 });
    const tab = (await gw.info()).tabs.find((t) => t.title === 'Cases');
    expect(tab).toMatchObject({ rowCount: 50, columnCount: 5, layoutVersion: plan?.version });
    expect(info.timeZone).toBeTruthy();
    expect((await getValues(h.api, id, 'Cases!1:1')).values).toEqual([
      ['编号 No', '状态 Status', '期限 Due', '金额 Amount', '状态 State'],
    ]);

    const s = await layoutState(id);
    expect(s?.properties?.gridProperties).toMatchObject({ frozenRowCount: 1, frozenColumnCount: 1 });
    expect(
      s?.protectedRanges?.map((p) => [p.range?.startColumnIndex, p.range?.endColumnIndex, p.warningOnly]),
    ).toEqual([
      [0, 1, true],
      [4, 5, true],
    ]);
    expect(s?.conditionalFormats).toHaveLength(1);
    expect(s?.basicFilter).toBeDefined();
    expect(s?.data?.[0]?.columnMetadata?.map((c) => c.pixelSize)).toEqual([90, 120, 130, 80, 40]);
    expect(s?.data?.[0]?.columnMetadata?.[4]?.hiddenByUser).toBe(true);

    // A manager typing into the text column keeps leading zeros and a +86 prefix; into the date column, a date.
    await putValues(
      h.api,
      id,
      'Cases!A2:C2',
      [['0012', '+86 138 0013 8000', '2026-11-24 14:30']],
      'USER_ENTERED',
    );
    const [row] = (await gw.read([{ tab: 'Cases', fromRow: 2, toRow: 2 }]))[0] ?? [];
    expect(row?.[0]).toBe('0012');
    expect(typeof row?.[2]).toBe('number');
  });

  it('re-laying out a new version replaces only its own rules and keeps a manager’s, plus their extra column', async () => {
    const id = await newSpreadsheet(h.api);
    const gw = gateway(id);
    await gw.layout([planLayout(spec(), undefined, undefined)]);
    const sheetId = (await gw.info()).tabs.find((t) => t.title === 'Cases')?.sheetId ?? -1;
    await batch(h.api, id, [{ appendDimension: { sheetId, dimension: 'COLUMNS', length: 1 } }]);
    await putValues(h.api, id, 'Cases!F1', [['经理备注 My column']]);
    await batch(h.api, id, [
      {
        addConditionalFormatRule: {
          index: 0,
          rule: {
            ranges: [{ sheetId, startRowIndex: 1, startColumnIndex: 5, endColumnIndex: 6 }],
            booleanRule: { condition: { type: 'NOT_BLANK' }, format: { backgroundColor: { blue: 1 } } },
          },
        },
      },
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId, startColumnIndex: 5, endColumnIndex: 6 }, description: 'mine' },
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 },
          properties: { pixelSize: 300 },
          fields: 'pixelSize',
        },
      },
    ]);

    const current = (await gw.info()).tabs.find((t) => t.title === 'Cases');
    const header = (await gw.read([{ tab: 'Cases', fromRow: 1, toRow: 1 }]))[0]?.[0];
    expect(plan0(spec(), current, header)).toBeUndefined(); // same version: nothing to do

    const next = spec('Cases', {
      highlights: [{ formula: '=AND({期限 Due}2<>"")', color: { red: 1, green: 1, blue: 0.5 } }],
    });
    await gw.layout([planLayout(next, current, header)]);
    const s = await layoutState(id);
    expect(s?.conditionalFormats).toHaveLength(2);
    expect(s?.conditionalFormats?.map((r) => r.booleanRule?.condition?.type)).toEqual([
      'CUSTOM_FORMULA',
      'NOT_BLANK',
    ]);
    expect(s?.protectedRanges?.map((p) => p.description)).toContain('mine');
    expect(s?.protectedRanges).toHaveLength(3);
    expect(s?.data?.[0]?.columnMetadata?.[1]?.pixelSize).toBe(300); // widths only on creation
    expect((await getValues(h.api, id, 'Cases!F1')).values).toEqual([['经理备注 My column']]);
    expect(s?.developerMetadata?.filter((m) => m.metadataKey === 'complaintSync.layout')).toHaveLength(1);
  });

  it('finds moved columns by header, writes missing headers, and grows by whole chunks', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    await putValues(h.api, id, 'Cases!A1:C1', [['期限 Due', '编号 No', 'mine']]);
    const gw = gateway(id);
    const current = (await gw.info()).tabs.find((t) => t.title === 'Cases');
    const plan = planLayout(spec(), current, ['期限 Due', '编号 No', 'mine'], 1200);
    expect(plan?.headers.map((x) => x.column)).toEqual([3, 4, 5]);
    expect(plan?.minRows).toBe(1200); // 1000 rows + 4 × 50
    await gw.layout([plan]);
    expect((await getValues(h.api, id, 'Cases!1:1')).values).toEqual([
      ['期限 Due', '编号 No', 'mine', '状态 Status', '金额 Amount', '状态 State'],
    ]);
    expect((await gw.info()).tabs[0]?.rowCount).toBe(1200);
  });

  it('reads several areas in one call and writes RAW: formula-looking text stays text, "" clears', async () => {
    const id = await newSpreadsheet(h.api, ['Cases', 'Staff']);
    const gw = gateway(id);
    await gw.write([
      { tab: 'Cases', row: 2, column: 1, values: [['=IMPORTXML("http://x","//a")', '+86 138', 7, true]] },
      { tab: 'Cases', row: 4, column: 2, values: [['@home', '-1']] },
      { tab: 'Staff', row: 1, column: 1, values: [['name']] },
    ]);
    const stored = await cells(id, 'Cases!A2:D2');
    expect(stored.cells.flat().every((c) => c.isFormula === false)).toBe(true);
    const [cases, staff, column] = await gw.read([
      { tab: 'Cases' },
      { tab: 'Staff' },
      { tab: 'Cases', fromColumn: 2, toColumn: 2 },
    ]);
    expect(cases).toEqual([
      [],
      ['=IMPORTXML("http://x","//a")', '+86 138', 7, true],
      [],
      ['', '@home', '-1'],
    ]);
    expect(staff).toEqual([['name']]);
    expect(column).toEqual([[], ['+86 138'], [], ['@home']]);
    await gw.write([{ tab: 'Cases', row: 2, column: 2, values: [['', null]] }]);
    expect((await gw.read([{ tab: 'Cases', fromRow: 2, toRow: 2 }]))[0]).toEqual([
      ['=IMPORTXML("http://x","//a")', '', '', true],
    ]);
    expect(gw.requests()).toEqual({
      'spreadsheets.values.batchUpdate': 2,
      'spreadsheets.values.batchGet': 2,
    });
  });

  it('retries 429 and 5xx with backoff, and gives up at the deadline', async () => {
    const id = await newSpreadsheet(h.api, ['Cases']);
    const gw = gateway(id);
    h.emulator.injectFault({ method: 'spreadsheets.values.batchUpdate', fault: 429, times: 2 });
    await gw.write([{ tab: 'Cases', row: 1, column: 1, values: [['x']] }]);
    h.emulator.injectFault({ method: 'spreadsheets.values.batchGet', fault: 503, times: 1 });
    h.emulator.injectFault({ method: 'spreadsheets.values.batchGet', fault: 'drop', times: 1 });
    expect(await gw.read([{ tab: 'Cases' }])).toEqual([[['x']]]);
    expect(gw.requests()).toEqual({
      'spreadsheets.values.batchUpdate': 3,
      'spreadsheets.values.batchGet': 3,
    });

    const slow = makeGoogleSheetGateway({
      spreadsheetId: id,
      rootUrl: h.emulator.url,
      retry: { random: () => 1, sleep: async () => undefined },
    });
    h.emulator.injectFault({ method: 'spreadsheets.values.batchGet', fault: 429, times: 1 });
    const e = await apiError(slow.read([{ tab: 'Cases' }], { deadline: Date.now() + 100 }));
    expect(e.status).toBe(429);
    h.emulator.clearFaults();
  });

  it('a layout answered 503 after it was applied is not applied twice', async () => {
    const id = await newSpreadsheet(h.api);
    const gw = gateway(id);
    h.emulator.injectFault({ method: 'spreadsheets.batchUpdate', fault: 'applied-503', times: 1 });
    await gw.layout([planLayout(spec(), undefined, undefined)]);
    const s = await layoutState(id);
    expect(s?.conditionalFormats).toHaveLength(1);
    expect(gw.requests()['spreadsheets.batchUpdate']).toBe(1);
  });

  it('surfaces other API errors at once', async () => {
    const gw = gateway('missing');
    const e = await apiError(gw.read([{ tab: 'Cases' }]));
    expect(e.status).toBe(404);
    expect(gw.requests()['spreadsheets.values.batchGet']).toBe(1);
  });
});
