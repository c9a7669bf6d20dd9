/** Conformance of the made-for-testing part: Google's error bodies, faults, quotas, call counts, clock. */
import { sheets } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import {
  apiError,
  emulatorJson,
  getValues,
  newSpreadsheet,
  putValues,
  useSheetsEmulator,
} from '../../support/sheets.js';

let fakeNow = Date.parse('2026-11-24T10:00:00Z');
const h = useSheetsEmulator({ clock: () => fakeNow });

// POST batch calls are not retried by Google's client, so each fault is seen as it is injected.
const write = (id: string) =>
  h.api.spreadsheets.values.batchUpdate({
    spreadsheetId: id,
    requestBody: { valueInputOption: 'RAW', data: [{ range: 'A1', values: [['x']] }] },
  });
const noRetry = () => sheets({ version: 'v4', rootUrl: h.emulator.url, retry: false });

describe('errors and faults', () => {
  it("an unknown spreadsheet is 404 NOT_FOUND with Google's body", async () => {
    const e = await apiError(h.api.spreadsheets.get({ spreadsheetId: 'does-not-exist' }));
    expect(e.data).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });

  it("injected 403, 429, 500 and 503 answer Google's status and body", async () => {
    const id = await newSpreadsheet(h.api);
    const expected = {
      403: 'PERMISSION_DENIED',
      429: 'RESOURCE_EXHAUSTED',
      500: 'INTERNAL',
      503: 'UNAVAILABLE',
    } as const;
    for (const [code, status] of Object.entries(expected)) {
      h.emulator.injectFault({ method: 'spreadsheets.values.batchUpdate', fault: Number(code) as 403 });
      const e = await apiError(write(id));
      expect(e.data.error).toMatchObject({ code: Number(code), status });
    }
    expect((await write(id)).status).toBe(200);
  });

  it('"applied but answered 503" applies the write and still fails the call', async () => {
    const id = await newSpreadsheet(h.api);
    h.emulator.injectFault({ method: 'spreadsheets.values.batchUpdate', fault: 'applied-503' });
    expect((await apiError(write(id))).status).toBe(503);
    expect((await getValues(h.api, id, 'A1')).values).toEqual([['x']]);
  });

  it('a dropped connection fails the call without an answer; a delay only slows it', async () => {
    const id = await newSpreadsheet(h.api);
    h.emulator.injectFault({ method: 'spreadsheets.values.batchUpdate', fault: 'drop' });
    await expect(write(id)).rejects.toThrow(/socket hang up|ECONNRESET|fetch failed|terminated/i);
    h.emulator.injectFault({ method: '*', fault: { delayMs: 20 } });
    expect((await write(id)).status).toBe(200);
  });

  it("Google's client retries a failed GET by itself but not a POST batch call", async () => {
    const id = await newSpreadsheet(h.api);
    h.emulator.resetCalls();
    h.emulator.injectFault({ method: 'spreadsheets.values.get', fault: 503 });
    expect((await getValues(h.api, id, 'A1')).range).toBe('Sheet1!A1');
    h.emulator.injectFault({ method: 'spreadsheets.values.batchUpdate', fault: 503 });
    await apiError(write(id));
    expect(h.emulator.calls()).toEqual({
      'spreadsheets.values.batchUpdate': 1,
      'spreadsheets.values.get': 2,
    });
  });

  it('faults can be injected, listed and cleared over HTTP', async () => {
    const id = await newSpreadsheet(h.api);
    const url = h.emulator.url;
    await emulatorJson(url, 'faults', {
      method: 'POST',
      body: JSON.stringify({ method: 'spreadsheets.get', fault: 500, times: 2 }),
    });
    expect(await emulatorJson(url, 'faults')).toEqual({
      faults: [{ method: 'spreadsheets.get', fault: 500, times: 2 }],
    });
    expect((await apiError(noRetry().spreadsheets.get({ spreadsheetId: id }))).status).toBe(500);
    await emulatorJson(url, 'faults', { method: 'DELETE' });
    expect((await noRetry().spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
  });
});

describe('quotas and counters', () => {
  it('counts calls per method, readable programmatically and over HTTP', async () => {
    const id = await newSpreadsheet(h.api);
    h.emulator.resetCalls();
    await h.api.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['A1', 'B1'] });
    await putValues(h.api, id, 'A1', [['x']]);
    await putValues(h.api, id, 'A2', [['y']]);
    expect(h.emulator.calls()).toEqual({
      'spreadsheets.values.batchGet': 1,
      'spreadsheets.values.update': 2,
    });
    expect(await emulatorJson(h.emulator.url, 'calls')).toEqual({ calls: h.emulator.calls() });
  });

  it('answers 429 RESOURCE_EXHAUSTED with the quota detail past the per-minute limit, until the next minute', async () => {
    const id = await newSpreadsheet(h.api);
    h.emulator.setQuota({ writePerMinutePerUser: 2 });
    await write(id);
    await write(id);
    const e = await apiError(write(id));
    expect(e.data.error).toMatchObject({
      code: 429,
      status: 'RESOURCE_EXHAUSTED',
      message:
        "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:0'.",
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          metadata: expect.objectContaining({
            quota_limit: 'WriteRequestsPerMinutePerUser',
            quota_limit_value: '2',
          }),
        },
        expect.objectContaining({ '@type': 'type.googleapis.com/google.rpc.Help' }),
      ],
    });
    expect((await noRetry().spreadsheets.get({ spreadsheetId: id })).status).toBe(200); // reads are counted apart
    fakeNow += 60_000;
    expect((await write(id)).status).toBe(200);
    h.emulator.setQuota(false);
  });

  it('the project limit applies across users, and the clock can be advanced over HTTP', async () => {
    const id = await newSpreadsheet(h.api);
    h.emulator.setQuota({ readPerMinutePerProject: 2 });
    const as = (token: string) =>
      sheets({
        version: 'v4',
        rootUrl: h.emulator.url,
        retry: false,
        headers: { authorization: `Bearer ${token}` },
      });
    await as('a').spreadsheets.get({ spreadsheetId: id });
    await as('b').spreadsheets.get({ spreadsheetId: id });
    const e = await apiError(as('c').spreadsheets.get({ spreadsheetId: id }));
    expect(e.message).toContain("limit 'Read requests per minute' of service");
    await emulatorJson(h.emulator.url, 'clock', {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 60_000 }),
    });
    expect((await as('c').spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
    h.emulator.setQuota(false);
  });

  it("defaults to Google's quotas: 60 per minute per user", async () => {
    const own = await import('../../../local/sheets-emulator/index.js');
    expect(own.GOOGLE_QUOTAS).toEqual({
      readPerMinutePerUser: 60,
      readPerMinutePerProject: 300,
      writePerMinutePerUser: 60,
      writePerMinutePerProject: 300,
    });
  });
});
