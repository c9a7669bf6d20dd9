/**
 * The Apps Script shipped for the sheet (sheet/apps-script/Code.gs), run in a sandbox with Apps Script's
 * services stubbed: its ping is what the endpoint expects, signed the way the endpoint checks.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import { signedBody } from '../../../shared/http/signed-body.js';
import type { HttpRequest } from '../../../shared/http/types.js';
import { parseCaseFileRequest } from '../../../shared/sheet/case-file-request.js';
import { parseEditPing } from '../../../shared/sheet/edit-ping.js';

const code = readFileSync(new URL('../../../sheet/apps-script/Code.gs', import.meta.url), 'utf8');
const secret = 'the-shared-secret-of-32-characters-or-more';

function sandbox(now: number) {
  const fetched: { url: string; options: { payload: string; headers: Record<string, string> } }[] = [];
  const triggers: string[] = [];
  const alerts: string[] = [];
  const menus: string[] = [];
  const context = {
    Date: { now: () => now },
    console,
    PropertiesService: {
      getScriptProperties: () => ({
        getProperty: (k: string) => ({ SYNC_URL: 'https://api.example/sheet-hook', SYNC_SECRET: secret })[k],
      }),
    },
    // Apps Script answers signed bytes (-128…127), as Java does.
    Utilities: {
      Charset: { UTF_8: 'UTF-8' },
      computeHmacSha256Signature: (value: string, key: string) =>
        [...createHmac('sha256', key).update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b)),
    },
    UrlFetchApp: {
      fetch: (url: string, options: { payload: string; headers: Record<string, string> }) => {
        fetched.push({ url, options });
        return { getResponseCode: () => 200, getContentText: () => '' };
      },
    },
    SpreadsheetApp: {
      getActive: () => ({ getId: () => 'sheet-123' }),
      getActiveSheet: () => ({
        getName: () => 'Cases',
        getLastColumn: () => 3,
        getActiveRange: () => ({ getRow: () => 5 }),
        getRange: (row: number, col: number) => ({
          getValues: () => [['状态 Status', '案例编号 Case No', '顾客 Complainant']],
          getValue: () => (row === 5 && col === 2 ? '261120-007' : ''),
        }),
      }),
      getUi: () => ({
        alert: (m: string) => alerts.push(m),
        createMenu: (name: string) => {
          const menu = {
            addItem: (label: string, fn: string) => {
              menus.push(`${name} > ${label} > ${fn}`);
              return menu;
            },
            addToUi: () => undefined,
          };
          return menu;
        },
      }),
    },
    Session: { getActiveUser: () => ({ getEmail: () => 'li@studio.example' }) },
    ScriptApp: {
      getProjectTriggers: () => [],
      newTrigger: (fn: string) => ({
        forSpreadsheet: () => ({ onEdit: () => ({ create: () => triggers.push(fn) }) }),
      }),
    },
  };
  runInNewContext(code, context);
  return {
    context: context as typeof context & Record<string, (...a: unknown[]) => void>,
    fetched,
    triggers,
    alerts,
    menus,
  };
}

/** Runs the signed-body check the endpoints run on what the script sent. */
async function acceptedBody(
  sent: { options: { payload: string; headers: Record<string, string> } },
  now: number,
) {
  const request = {
    event: {
      body: sent.options.payload,
      isBase64Encoded: false,
      headers: Object.fromEntries(Object.entries(sent.options.headers).map(([k, v]) => [k.toLowerCase(), v])),
    },
  } as unknown as HttpRequest;
  await signedBody({
    secret: async () => secret,
    clock: fixedClock(new Date(now)),
    windowSeconds: 120,
    maxBytes: 2048,
  }).before?.(request);
  return request.event.body;
}

describe('the Apps Script', () => {
  it('installs an on-edit trigger for its handler', () => {
    const { context, triggers } = sandbox(0);
    context.installTrigger?.();
    expect(triggers).toEqual(['onEditPing']);
  });

  it('pings with where and who, signed so that the endpoint accepts it', async () => {
    const now = Date.UTC(2026, 10, 20, 2);
    const { context, fetched } = sandbox(now);
    context.onEditPing?.({
      source: { getId: () => 'sheet-123' },
      range: { getRow: () => 7, getNumRows: () => 2, getSheet: () => ({ getName: () => 'Cases' }) },
      user: { getEmail: () => 'wang@studio.example' },
    });
    expect(fetched).toHaveLength(1);
    expect(fetched[0]?.url).toBe('https://api.example/sheet-hook');
    expect(parseEditPing(await acceptedBody(fetched[0] as (typeof fetched)[0], now))).toEqual({
      spreadsheetId: 'sheet-123',
      sheetName: 'Cases',
      row: 7,
      numRows: 2,
      user: 'wang@studio.example',
    });
  });

  it("adds a Complaints menu whose item asks for the selected row's case file, signed, for the user", async () => {
    const now = Date.UTC(2026, 10, 20, 2);
    const { context, fetched, menus, alerts } = sandbox(now);
    context.onOpen?.();
    expect(menus).toEqual(['投诉 Complaints > 发送案例档案 Email me the case file > requestCaseFile']);
    context.requestCaseFile?.();
    expect(fetched[0]?.url).toBe('https://api.example/case-file');
    expect(parseCaseFileRequest(await acceptedBody(fetched[0] as (typeof fetched)[0], now))).toEqual({
      spreadsheetId: 'sheet-123',
      caseNo: '261120-007',
      user: 'li@studio.example',
    });
    expect(alerts[0]).toContain('261120-007');
  });
});
