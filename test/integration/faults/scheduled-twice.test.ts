/**
 * EventBridge Scheduler delivers at least once: a run may come twice, and two runs may overlap. The
 * second delivery changes nothing more: the reports mail each manager once and keep one row for the period; the
 * escalation sweep records and sends each step once between overlapping runs, and a repeat does nothing; the
 * sheet sync, whose overlapping runs meet at its lease, leaves each case once in the Cases tab, no event
 * twice in History, and the cases themselves untouched.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { sheets } from '@googleapis/sheets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../../../functions/catalog.js';
import { invokeFunction } from '../../../local/handlers.js';
import { CASE_COLUMNS, CASES_TAB } from '../../../shared/sheet/columns.js';
import { HISTORY_TAB } from '../../../shared/sheet/history.js';
import { hoursAfter, newCaseWithEvent, RECEIVED_AT } from '../../support/builders.js';
import {
  caseRepository,
  documentClient,
  type LocalEnv,
  sesEmails,
  setupLocalEnv,
} from '../../support/local-env.js';

let env: LocalEnv;
beforeAll(async () => {
  env = await setupLocalEnv();
  const repo = caseRepository();
  for (let i = 1; i <= 3; i++) {
    const made = newCaseWithEvent({
      caseNo: `261120-00${i}`,
      receivedAt: hoursAfter(RECEIVED_AT, i),
      submission: { phone: `1391234000${i}` },
    });
    await repo.create({ ...made, contactKeys: [] });
  }
});

/** Every item of this file's own table (a scan is fine in a test), but what the sheet sync keeps for itself. */
async function tableItems() {
  const { Items = [] } = await documentClient().send(new ScanCommand({ TableName: env.tableName }));
  return Items.filter((i) => i.type !== 'sheet-sync' && i.type !== 'roster')
    .map((i) => JSON.stringify(i))
    .sort();
}

const event = (name: FunctionName, scheduledTime: string) => ({ schedule: name, scheduledTime });
const REPORTS: [FunctionName, string][] = [
  ['daily-summary', '2026-11-20T12:00:00.000Z'],
  ['monthly-report', '2026-12-01T01:00:00.000Z'],
];

interface ReportRun {
  emails: { sent: number; duplicate: number; held: number; failed: number };
  row: number;
}
/** The daily summary answers per day (a caught-up day first), the monthly report for its month. */
const runsOf = (out: unknown): ReportRun[] =>
  'days' in (out as object)
    ? (out as { days: { emails: ReportRun['emails']; sheet: { row: number } }[] }).days.map((d) => ({
        emails: d.emails,
        row: d.sheet.row,
      }))
    : [out as ReportRun];

describe('scheduled functions delivered twice, and overlapping', () => {
  it.each(REPORTS)(
    '%s: overlapping and repeated runs mail each manager once and keep one row',
    async (name, at) => {
      const managers = [env.env.EXEC_MANAGER_EMAILS ?? '', env.env.SUPERVISOR_EMAILS ?? ''];
      const mailed = async () => (await Promise.all(managers.map((m) => sesEmails(m)))).flat().length;
      const mailedBefore = await mailed();
      const [a, b] = await Promise.all([
        invokeFunction(name, event(name, at)),
        invokeFunction(name, event(name, at)),
      ]);
      const after = await tableItems();
      const c = await invokeFunction(name, event(name, at));
      const runs = [a, b, c].map(runsOf);
      // Between them the runs sent each manager one email; every other attempt found it already sent.
      const sent = runs.flat().reduce((n, r) => n + r.emails.sent, 0);
      expect(sent).toBe(managers.length);
      expect(runs.flat().every((r) => r.emails.failed === 0)).toBe(true);
      expect(runs[2]?.every((r) => r.emails.sent === 0)).toBe(true);
      expect((await mailed()) - mailedBefore).toBe(managers.length);
      // One row for the period, whichever run wrote it last.
      expect(new Set(runs.flat().map((r) => r.row)).size).toBe(1);
      // A repeat adds nothing to the table (the report state and the sent records are already there).
      expect(await tableItems()).toEqual(after);
    },
  );

  // With emails owed, overlapping runs are ses-failing.test.ts's (each email once); here, nothing owed.
  it('send-owed-emails: overlapping and repeated runs with nothing owed answer alike and write nothing', async () => {
    const at = '2026-11-20T12:00:00.000Z';
    const before = await tableItems();
    const runs = [
      ...(await Promise.all([
        invokeFunction('send-owed-emails', event('send-owed-emails', at)),
        invokeFunction('send-owed-emails', event('send-owed-emails', at)),
      ])),
      await invokeFunction('send-owed-emails', event('send-owed-emails', at)),
    ];
    for (const r of runs) expect(r).toEqual({ owed: 0, cleared: 0, left: [] });
    expect(await tableItems()).toEqual(before);
  });

  it('escalate: overlapping deliveries record and send each step once; a repeat writes and sends nothing', async () => {
    // Monday 10:00: the three investigations were due on Saturday; the supervisor hears at opening time.
    const at = hoursAfter(RECEIVED_AT, 72);
    const runs = (await Promise.all([
      invokeFunction('escalate', event('escalate', at)),
      invokeFunction('escalate', event('escalate', at)),
    ])) as { escalated: number; emails: number }[];
    expect(runs.reduce((n, r) => n + r.escalated, 0)).toBe(3);
    const after = await tableItems();
    const again = await invokeFunction('escalate', event('escalate', at));
    expect(again).toMatchObject({ looked: 0, escalated: 0, emails: 0 });
    expect(await tableItems()).toEqual(after);
    const mail = await sesEmails(env.env.SUPERVISOR_EMAILS ?? '');
    const mentioned = mail.flatMap((m) =>
      [...(m.body.text ?? '').matchAll(/^\d+\. (261120-\d{3})/gm)].map((x) => x[1]),
    );
    expect(mentioned.sort()).toEqual(['261120-001', '261120-002', '261120-003']);
  });

  it('sync-sheet: overlapping and repeated runs leave each case once in Cases, no event twice in History', async () => {
    const at = hoursAfter(RECEIVED_AT, 4);
    const before = await tableItems();
    await Promise.all(Array.from({ length: 3 }, () => invokeFunction('sync-sheet', event('sync-sheet', at))));
    const again = (await invokeFunction('sync-sheet', event('sync-sheet', at))) as {
      passes: { rowsWritten: number; appended: number; history: number }[];
    };
    // Nothing was left to write: a repeated delivery finds the sheet as the first runs left it.
    expect(again.passes.every((p) => p.rowsWritten === 0 && p.appended === 0 && p.history === 0)).toBe(true);
    expect(await tableItems()).toEqual(before);

    const api = sheets({ version: 'v4', rootUrl: env.sheetsUrl });
    const spreadsheetId = env.env.SPREADSHEET_ID ?? '';
    const book = await api.spreadsheets.get({ spreadsheetId });
    expect(book.data.sheets?.filter((s) => s.properties?.title === CASES_TAB)).toHaveLength(1);
    const cases = await api.spreadsheets.values.get({ spreadsheetId, range: `${CASES_TAB}!A:A` });
    expect(cases.data.values).toEqual([
      [CASE_COLUMNS[0].header],
      ['261120-001'],
      ['261120-002'],
      ['261120-003'],
    ]);
    const keys = await api.spreadsheets.values.get({ spreadsheetId, range: `${HISTORY_TAB}!A2:Z` });
    const rows = (keys.data.values ?? []).map((r) => JSON.stringify(r));
    expect(new Set(rows).size).toBe(rows.length);
  });
});
