/**
 * The Sheets stand-in's grid page in a real headless Chromium: a person types into cells, picks from
 * a validation dropdown, sees conditional colours, sorts by a column, inserts and deletes rows; each
 * typed edit reaches the on-edit hook with Apps Script's event fields, and API writes never do.
 */
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EditEvent,
  type SheetsEmulator,
  startSheetsEmulator,
} from '../../local/sheets-emulator/index.js';
import { launchChromium } from '../support/browser.js';

let emulator: SheetsEmulator;
let api: sheets_v4.Sheets;
let browser: Browser;
const edits: EditEvent[] = [];

beforeAll(async () => {
  emulator = await startSheetsEmulator({ port: 0, quota: false, onEdit: (e) => void edits.push(e) });
  api = sheets({ version: 'v4', rootUrl: emulator.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

async function managersSheet(): Promise<string> {
  const created = await api.spreadsheets.create({
    requestBody: {
      properties: { title: 'Complaint cases' },
      sheets: [{ properties: { title: 'Cases', sheetId: 0, gridProperties: { frozenRowCount: 1 } } }],
    },
  });
  const id = created.data.spreadsheetId as string;
  await api.spreadsheets.values.update({
    spreadsheetId: id,
    range: 'Cases!A1',
    valueInputOption: 'RAW',
    requestBody: {
      values: [
        ['case', 'status', 'days'],
        ['c-2', 'open', 5],
        ['c-1', 'closed', 1],
        ['c-3', 'open', 2],
      ],
    },
  });
  const status = { sheetId: 0, startRowIndex: 1, endRowIndex: 100, startColumnIndex: 1, endColumnIndex: 2 };
  await api.spreadsheets.batchUpdate({
    spreadsheetId: id,
    requestBody: {
      requests: [
        {
          setDataValidation: {
            range: status,
            rule: {
              condition: {
                type: 'ONE_OF_LIST',
                values: [{ userEnteredValue: 'open' }, { userEnteredValue: 'closed' }],
              },
              strict: true,
              showCustomUi: true,
            },
          },
        },
        {
          addConditionalFormatRule: {
            index: 0,
            rule: {
              ranges: [
                { sheetId: 0, startRowIndex: 1, endRowIndex: 100, startColumnIndex: 0, endColumnIndex: 3 },
              ],
              booleanRule: {
                condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=$C2>3' }] },
                format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } },
              },
            },
          },
        },
      ],
    },
  });
  return id;
}

async function open(id: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${emulator.url}grid/${id}`);
  await page.getByLabel('A1', { exact: true }).waitFor();
  return page;
}

const columnA = async (page: Page) =>
  Promise.all([2, 3, 4].map((r) => page.getByLabel(`A${r}`, { exact: true }).inputValue()));

describe('grid page', () => {
  it('lists spreadsheets at the root; JSON stays available by Accept and under /__emulator', async () => {
    const id = await managersSheet();
    const page = await browser.newPage();
    await page.goto(emulator.url);
    await page.getByRole('link', { name: 'Complaint cases' }).first().click();
    await expect(page.getByLabel('A1', { exact: true }).inputValue()).resolves.toBe('case');
    await page.close();
    const json = await fetch(emulator.url, { headers: { accept: 'application/json' } });
    expect(await json.json()).toMatchObject({ status: 'ok', service: 'sheets-emulator' });
    const list = (await (await fetch(`${emulator.url}__emulator/spreadsheets`)).json()) as {
      spreadsheets: { spreadsheetId: string }[];
    };
    expect(list.spreadsheets.map((s) => s.spreadsheetId)).toContain(id);
  });

  it('typing into a cell stores it as USER_ENTERED and fires the on-edit hook; API writes do not', async () => {
    const id = await managersSheet();
    const page = await open(id);
    edits.length = 0;
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Cases!D2',
      valueInputOption: 'RAW',
      requestBody: { values: [['api']] },
    });
    const cell = page.getByLabel('C2', { exact: true });
    await cell.fill('2026-11-24');
    await cell.press('Tab');
    await expect.poll(() => edits.length).toBe(1);
    expect(edits[0]).toEqual({
      spreadsheetId: id,
      sheetId: 0,
      sheetName: 'Cases',
      range: 'C2',
      row: 2,
      column: 3,
      oldValue: '5',
      value: '2026-11-24',
      user: { email: 'manager@studio.example' },
    });
    const got = await api.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Cases!C2',
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(got.data.values).toEqual([[46350]]);
    await page.close();
  });

  it('shows validation dropdowns and refuses a strict-invalid value; shows conditional colours', async () => {
    const id = await managersSheet();
    const page = await open(id);
    const status = page.getByLabel('B3', { exact: true });
    await expect(status.evaluate((el) => el.tagName)).resolves.toBe('SELECT');
    await status.selectOption('open');
    await expect
      .poll(
        async () => (await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Cases!B3' })).data.values,
      )
      .toEqual([['open']]);
    const typed = page.getByLabel('C3', { exact: true });
    const background = (label: string) => () =>
      page
        .getByLabel(label, { exact: true })
        .evaluate((el) => getComputedStyle(el.parentElement as Element).backgroundColor);
    await expect.poll(background('A2'), { timeout: 5000 }).toBe('rgb(255, 204, 204)');
    await expect.poll(background('C3'), { timeout: 5000 }).toBe('rgba(0, 0, 0, 0)');
    await typed.fill('9');
    await typed.press('Tab');
    await expect.poll(background('C3'), { timeout: 5000 }).toBe('rgb(255, 204, 204)');
    // Strict validation refuses what a person types, as the Sheets UI does (API writes are not refused).
    const refused = await fetch(`${emulator.url}__emulator/ui/${id}/edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheetId: 0, row: 1, col: 1, value: 'maybe' }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'The data you entered in cell B2 violates the data validation rules set on this cell.',
    );
    await page.close();
  });

  it('sorts by a column below the frozen header, and inserts and deletes rows', async () => {
    const id = await managersSheet();
    const page = await open(id);
    await page.getByRole('button', { name: 'Sort by column A ascending' }).click();
    await expect.poll(() => columnA(page), { timeout: 5000 }).toEqual(['c-1', 'c-2', 'c-3']);
    await page.getByRole('button', { name: 'Sort by column C descending' }).click();
    await expect.poll(() => columnA(page), { timeout: 5000 }).toEqual(['c-2', 'c-3', 'c-1']);
    await page.getByRole('button', { name: 'Insert row below 2', exact: true }).click();
    await expect.poll(() => columnA(page), { timeout: 5000 }).toEqual(['c-2', '', 'c-3']);
    await page.getByRole('button', { name: 'Delete row 2', exact: true }).click();
    await expect.poll(() => columnA(page), { timeout: 5000 }).toEqual(['', 'c-3', 'c-1']);
    const values = await api.spreadsheets.values.get({ spreadsheetId: id, range: 'Cases!A1:A4' });
    expect(values.data.values).toEqual([['case'], [], ['c-3'], ['c-1']]);
    await page.close();
  });
});
