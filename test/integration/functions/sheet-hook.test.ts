/**
 * POST /sheet-hook through the local gateway, on DynamoDB Local and the Sheets stand-in: a signed ping
 * makes the edited row's change reach the case; stale, forged, unsigned and oversize pings are refused
 * before anything is read.
 */
import { sheets } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import { invokeFunction } from '../../../local/handlers.js';
import { signBody } from '../../../shared/http/signed-body.js';
import {
  caseRepository,
  type LocalEnv,
  postComplaint,
  setupLocalEnv,
  startTestGateway,
} from '../../support/local-env.js';
import { header } from '../../support/sheet-sync.js';

let env: LocalEnv;
let gw: Gateway;

beforeAll(async () => {
  env = await setupLocalEnv();
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

async function ping(body: unknown, opts: { secret?: string; at?: number; signature?: string } = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(opts.at ?? Date.now());
  const res = await fetch(`${gw.url}/sheet-hook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-sheet-timestamp': timestamp,
      'x-sheet-signature':
        opts.signature ?? signBody(opts.secret ?? env.env.SHEET_HOOK_SECRET ?? '', timestamp, text),
    },
    body: text,
  });
  return { status: res.status, body: (await res.json()) as { outcome?: string; error?: string } };
}

describe('POST /sheet-hook', () => {
  it('a signed ping syncs the edited row: the typed status reaches the case', async () => {
    const caseNo = await postComplaint(gw, {
      name: '刘女士',
      phone: '13912345678',
      description: '底片丢失',
      category: 'quality',
    });
    await invokeFunction('sync-sheet', { schedule: 'sync-sheet' });

    const api = sheets({ version: 'v4', rootUrl: env.sheetsUrl });
    const spreadsheetId = env.env.SPREADSHEET_ID ?? '';
    const values = (await api.spreadsheets.values.get({ spreadsheetId, range: 'Cases' })).data.values ?? [];
    const head = values[0] ?? [];
    const row = values.findIndex((r) => r[0] === caseNo) + 1;
    const col = head.indexOf(header('status'));
    await api.spreadsheets.values.update({
      spreadsheetId,
      range: `Cases!${String.fromCharCode(65 + col)}${row}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['调查中 Investigating']] },
    });

    const res = await ping({
      spreadsheetId,
      sheetName: 'Cases',
      row,
      numRows: 1,
      user: 'boss@studio.example',
    });
    expect(res).toEqual({ status: 200, body: { outcome: 'synced' } });
    expect(await caseRepository().get(caseNo)).toMatchObject({ status: 'investigating', version: 2 });
    const [, event] = await caseRepository().listEvents(caseNo);
    expect(event?.actor).toEqual({ id: 'boss@studio.example', door: 'sheet' });

    expect(await ping({ spreadsheetId, sheetName: 'History', row: 5 })).toEqual({
      status: 200,
      body: { outcome: 'ignored' },
    });
    expect((await ping({ spreadsheetId: 'another', sheetName: 'Cases', row: 2 })).status).toBe(422);
  });

  it('refuses stale, future, forged and unsigned pings with 401, and large ones with 413', async () => {
    const body = { spreadsheetId: env.env.SPREADSHEET_ID, sheetName: 'Cases', row: 2 };
    expect((await ping(body, { at: Date.now() - 10 * 60_000 })).status).toBe(401);
    expect((await ping(body, { at: Date.now() + 10 * 60_000 })).status).toBe(401);
    expect((await ping(body, { secret: 'x'.repeat(40) })).status).toBe(401);
    expect((await ping(body, { signature: '' })).status).toBe(401);
    expect((await ping(body, { signature: 'ab'.repeat(32) })).status).toBe(401);
    expect((await ping({ ...body, padding: 'x'.repeat(4000) })).status).toBe(413);
    expect((await ping('{not json')).status).toBe(400);
    expect((await ping({ sheetName: 'Cases' })).status).toBe(422);
  });
});
