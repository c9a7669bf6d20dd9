/**
 * A manager's edit in the sheet reaches the case within seconds, in a real headless Chromium: the Sheets
 * stand-in's grid page fires its on-edit hook, which signs and POSTs to /sheet-hook as the Apps Script
 * does; the endpoint reads the row and applies the change through the case core.
 */
import { sheets } from '@googleapis/sheets';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../local/gateway.js';
import { invokeFunction } from '../../local/handlers.js';
import { ensureLocalSpreadsheet } from '../../local/resources.js';
import { sheetHookRelay } from '../../local/sheet-hook-relay.js';
import { type SheetsEmulator, startSheetsEmulator } from '../../local/sheets-emulator/index.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { CASE_COLUMNS } from '../../shared/sheet/columns.js';
import { columnLetter } from '../../shared/sheet/tab-spec.js';
import { launchChromium } from '../support/browser.js';
import {
  caseRepository,
  type LocalEnv,
  postComplaint,
  setupLocalEnv,
  startTestGateway,
} from '../support/local-env.js';

let emulator: SheetsEmulator;
let env: LocalEnv;
let gw: Gateway;
let browser: Browser;
let hookUrl: string | undefined;

beforeAll(async () => {
  const secret = 'e2e-sheet-hook-secret-0123456789abcdef';
  emulator = await startSheetsEmulator({
    port: 0,
    quota: false,
    onEdit: sheetHookRelay({ url: () => hookUrl, secret, clock: () => systemClock }),
  });
  const spreadsheetId = await ensureLocalSpreadsheet(emulator.url, undefined);
  env = await setupLocalEnv({
    SHEETS_ROOT_URL: emulator.url,
    SPREADSHEET_ID: spreadsheetId,
    SHEET_HOOK_SECRET: secret,
  });
  gw = await startTestGateway();
  hookUrl = `${gw.url}/sheet-hook`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await gw?.close();
  await emulator?.close();
});

describe('the managers’ sheet in a browser', () => {
  it('a status picked in the grid page reaches the case through the on-edit endpoint', async () => {
    const caseNo = await postComplaint(gw, {
      name: '赵女士',
      phone: '13700137000',
      description: '妆面脱落',
      category: 'quality',
    });
    await invokeFunction('sync-sheet', { schedule: 'sync-sheet' });

    const page = await browser.newPage();
    await page.goto(`${emulator.url}grid/${env.env.SPREADSHEET_ID}`);
    await page.getByLabel('A1', { exact: true }).waitFor();
    await expect(page.getByLabel('A2', { exact: true }).inputValue()).resolves.toBe(caseNo);
    const status = page.getByLabel(`${columnLetter(CASE_COLUMNS.findIndex((c) => c.key === 'status'))}2`, {
      exact: true,
    });
    await status.selectOption('调查中 Investigating');
    await expect
      .poll(async () => (await caseRepository().get(caseNo))?.status, { timeout: 20_000 })
      .toBe('investigating');
    const [, event] = await caseRepository().listEvents(caseNo);
    expect(event?.actor).toEqual({ id: 'manager@studio.example', door: 'sheet' });

    // An illegal edit is refused, and the row says why.
    await status.selectOption('已结案 Closed');
    const noteColumn = CASE_COLUMNS.findIndex((c) => c.key === 'note');
    const api = sheets({ version: 'v4', rootUrl: emulator.url });
    const note = async () =>
      (
        await api.spreadsheets.values.get({
          spreadsheetId: env.env.SPREADSHEET_ID ?? '',
          range: `Cases!${columnLetter(noteColumn)}2`,
        })
      ).data.values?.[0]?.[0];
    await expect.poll(note, { timeout: 20_000 }).toMatch(/^⚠ 未生效 Not applied: 请先填写调查结果/);
    expect((await caseRepository().get(caseNo))?.status).toBe('investigating');
    await page.close();
  }, 90_000);
});
