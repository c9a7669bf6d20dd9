/**
 * EventBridge Scheduler delivers at least once: a run may come twice, and two runs may overlap. For the
 * scheduled functions that exist today, the second delivery answers the same and changes nothing more:
 * no item is added to the table, the sheet keeps one Cases tab with one header row.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { sheets } from '@googleapis/sheets';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../../../functions/catalog.js';
import { invokeFunction } from '../../../local/handlers.js';
import { CASE_COLUMNS, CASES_TAB } from '../../../shared/sheet/columns.js';
import { hoursAfter, newCaseWithEvent, RECEIVED_AT } from '../../support/builders.js';
import { caseRepository, documentClient, type LocalEnv, setupLocalEnv } from '../../support/local-env.js';

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

/** Every item of this file's own table (a scan is fine in a test). */
async function tableItems() {
  const { Items = [] } = await documentClient().send(new ScanCommand({ TableName: env.tableName }));
  return Items.map((i) => JSON.stringify(i)).sort();
}

const event = (name: FunctionName, scheduledTime: string) => ({ schedule: name, scheduledTime });
const SCHEDULED: [FunctionName, string][] = [
  ['escalate', hoursAfter(RECEIVED_AT, 30)],
  ['daily-summary', '2026-11-20T12:00:00.000Z'],
  ['monthly-report', '2026-12-01T01:00:00.000Z'],
  ['sync-sheet', hoursAfter(RECEIVED_AT, 1)],
];

describe('scheduled functions delivered twice, and overlapping', () => {
  it.each(SCHEDULED)('%s answers the same each time and writes nothing more', async (name, at) => {
    const before = await tableItems();
    const [a, b] = await Promise.all([
      invokeFunction(name, event(name, at)),
      invokeFunction(name, event(name, at)),
    ]);
    const c = await invokeFunction(name, event(name, at));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await tableItems()).toEqual(before);
    if (name === 'escalate') expect(a).toMatchObject({ overdue: ['261120-001', '261120-002', '261120-003'] });
  });

  it('leaves the sheet with one Cases tab and one header row after overlapping syncs', async () => {
    const at = hoursAfter(RECEIVED_AT, 2);
    await Promise.all(Array.from({ length: 3 }, () => invokeFunction('sync-sheet', event('sync-sheet', at))));
    const api = sheets({ version: 'v4', rootUrl: env.sheetsUrl });
    const book = await api.spreadsheets.get({ spreadsheetId: env.env.SPREADSHEET_ID ?? '' });
    expect(book.data.sheets?.filter((s) => s.properties?.title === CASES_TAB)).toHaveLength(1);
    const values = await api.spreadsheets.values.get({
      spreadsheetId: env.env.SPREADSHEET_ID ?? '',
      range: `${CASES_TAB}!A1:AZ5`,
    });
    expect(values.data.values).toEqual([[...CASE_COLUMNS]]);
  });
});
