/** Builders for the Sheets stand-in conformance tests: an emulator per file, Google's client on it. */
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  type SheetsEmulator,
  type SheetsEmulatorOptions,
  startSheetsEmulator,
} from '../../local/sheets-emulator/index.js';

export interface SheetsHarness {
  emulator: SheetsEmulator;
  api: sheets_v4.Sheets;
}

/** Starts a stand-in for this test file (quotas off unless asked) and Google's client pointed at it. */
export function useSheetsEmulator(opts: SheetsEmulatorOptions = {}): SheetsHarness {
  const h = {} as SheetsHarness;
  beforeAll(async () => {
    h.emulator = await startSheetsEmulator({ port: 0, quota: false, ...opts });
    h.api = sheets({ version: 'v4', rootUrl: h.emulator.url });
  });
  afterAll(async () => {
    await h.emulator?.close();
  });
  return h;
}

export async function newSpreadsheet(
  api: sheets_v4.Sheets,
  tabs: string[] = [],
  properties: sheets_v4.Schema$SpreadsheetProperties = {},
): Promise<string> {
  const res = await api.spreadsheets.create({
    requestBody: {
      properties: { title: 'test', ...properties },
      ...(tabs.length ? { sheets: tabs.map((title) => ({ properties: { title } })) } : {}),
    },
  });
  return res.data.spreadsheetId as string;
}

/** The GaxiosError the client throws, checked to carry Google's error body. */
export async function apiError(
  p: Promise<unknown>,
): Promise<{ status: number; message: string; data: { error: Record<string, unknown> } }> {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect((err as Error).constructor.name).toBe('GaxiosError');
  const e = err as { status: number; message: string; response?: { data?: unknown } };
  expect(e.response?.data).toMatchObject({ error: { code: e.status, message: e.message } });
  return {
    status: e.status,
    message: e.message,
    data: e.response?.data as { error: Record<string, unknown> },
  };
}

export async function getValues(
  api: sheets_v4.Sheets,
  id: string,
  range: string,
  params: Partial<sheets_v4.Params$Resource$Spreadsheets$Values$Get> = {},
) {
  return (await api.spreadsheets.values.get({ spreadsheetId: id, range, ...params })).data;
}

export async function putValues(
  api: sheets_v4.Sheets,
  id: string,
  range: string,
  values: unknown[][],
  valueInputOption = 'RAW',
) {
  return (
    await api.spreadsheets.values.update({
      spreadsheetId: id,
      range,
      valueInputOption,
      requestBody: { values },
    })
  ).data;
}

export async function batch(api: sheets_v4.Sheets, id: string, requests: sheets_v4.Schema$Request[]) {
  return (await api.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } })).data;
}

/** The emulator's own JSON endpoints (`/__emulator/...`). */
export async function emulatorJson<T>(base: string, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(new URL(`__emulator/${path}`, base), {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}
