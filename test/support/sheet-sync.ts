/**
 * The sheet sync end to end for tests: its own Sheets stand-in (so call counts are this file's), and per
 * test a fresh table and spreadsheet, the real adapters (DynamoDB Local, the SES stand-in, Google's
 * client), and readers and "manager" actions on the sheet.
 */
import { randomBytes } from 'node:crypto';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { inject } from 'vitest';
import { ensureLocalTable } from '../../local/resources.js';
import type { SheetsEmulator } from '../../local/sheets-emulator/index.js';
import { fixedClock, systemClock } from '../../shared/adapters/clock.js';
import { makeContactHasher } from '../../shared/adapters/contact-hasher.js';
import { makeDynamoCaseRepository } from '../../shared/adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { makeDynamoOutbox } from '../../shared/adapters/dynamodb/outbox.js';
import { makeDynamoRosterStore } from '../../shared/adapters/dynamodb/roster.js';
import { makeDynamoSendLedger } from '../../shared/adapters/dynamodb/send-ledger.js';
import { makeDynamoSheetSyncStore } from '../../shared/adapters/dynamodb/sheet-sync.js';
import { makeSesClient, makeSesMailer } from '../../shared/adapters/ses/mailer.js';
import { makeGoogleSheetGateway } from '../../shared/adapters/sheets/google-sheet-gateway.js';
import type { Actor, Case } from '../../shared/domain/case.js';
import type { ValueLists } from '../../shared/domain/values.js';
import type { Budget, Clock } from '../../shared/ports/clock.js';
import type { CellValue } from '../../shared/ports/sheet-gateway.js';
import { CASE_COLUMNS, CASES_TAB } from '../../shared/sheet/columns.js';
import { columnLetter } from '../../shared/sheet/tab-spec.js';
import { makeAfterCreate } from '../../shared/usecases/after-create.js';
import { makeSendOnce } from '../../shared/usecases/send-once.js';
import { makeSubmitComplaint } from '../../shared/usecases/submit-complaint.js';
import { makeSyncSheet, type SyncSheetDeps } from '../../shared/usecases/sync-sheet.js';
import { makeUpdateCase } from '../../shared/usecases/update-case.js';
import { silentLogger, rules as testRules, validSubmission } from './builders.js';

export const plenty: Budget = { remainingMs: () => 55_000 };

export interface SyncHarness {
  spreadsheetId: string;
  tableName: string;
  api: sheets_v4.Sheets;
  deps: SyncSheetDeps;
  syncSheet: ReturnType<typeof makeSyncSheet>;
  /** A full pass, as the schedule runs it. */
  sync(): ReturnType<ReturnType<typeof makeSyncSheet>>;
  /** An edit pass over rows, as the on-edit endpoint runs it. */
  syncRows(rows: number[], user?: string): ReturnType<ReturnType<typeof makeSyncSheet>>;
  /** A complaint through the form's use case. */
  submit(fields?: Record<string, unknown>, actor?: Actor): Promise<Case>;
  update: ReturnType<typeof makeUpdateCase>;
  cases: ReturnType<typeof makeDynamoCaseRepository>;
  /** The Cases tab as objects by header (the hidden state included), row number in `_row`. */
  rows(): Promise<(Record<string, CellValue> & { _row: number })[]>;
  rowOf(caseNo: string): Promise<Record<string, CellValue> & { _row: number }>;
  /** Types into cells as a person would (USER_ENTERED), at a header's column of a row. */
  type(row: number, values: Record<string, string | number | boolean>): Promise<void>;
  sheetIdOf(title: string): Promise<number>;
}

const header = (key: string) => CASE_COLUMNS.find((c) => c.key === key)?.header ?? key;

export interface HarnessOptions {
  clock?: Clock;
  maskContacts?: boolean;
  lists?: ValueLists;
  afterCaseCreated?: (caseNo: string) => Promise<void>;
  /** The sync's DynamoDB (a fault proxy in front of DynamoDB Local); the table is made directly. */
  dynamoEndpoint?: string;
}

export async function freshSync(emulator: SheetsEmulator, opts: HarnessOptions = {}): Promise<SyncHarness> {
  const tag = randomBytes(4).toString('hex');
  const tableName = `sync-${tag}`;
  await ensureLocalTable(inject('dynamoEndpoint'), tableName);
  const api = sheets({ version: 'v4', rootUrl: emulator.url });
  const created = await api.spreadsheets.create({
    requestBody: {
      properties: { title: `sync ${tag}`, timeZone: 'Asia/Shanghai' },
      sheets: [{ properties: { title: 'Cases' } }],
    },
  });
  const spreadsheetId = created.data.spreadsheetId as string;
  const db = makeDocumentClient({
    region: 'ap-southeast-1',
    endpoint: opts.dynamoEndpoint ?? inject('dynamoEndpoint'),
  });
  const cases = makeDynamoCaseRepository(db, tableName);
  const clock = opts.clock ?? systemClock;
  const rules = testRules(opts.lists ? { lists: opts.lists } : {});
  const ledger = makeDynamoSendLedger(db, tableName);
  const sendOnce = makeSendOnce({
    ledger,
    mailer: makeSesMailer(
      makeSesClient({ region: 'ap-southeast-1', endpoint: inject('sesUrl') }),
      'complaints@studio.example',
    ),
    clock,
    logger: silentLogger,
    claimSeconds: 60,
  });
  const { afterCreate, emailsOwed } = makeAfterCreate({
    sendOnce,
    execManagers: [`exec-${tag}@studio.example`],
    mail: { lists: rules.lists, timeZone: 'Asia/Shanghai' },
    outbox: makeDynamoOutbox(db, tableName),
    clock,
    logger: silentLogger,
  });
  const submitComplaint = makeSubmitComplaint({
    cases,
    clock,
    rules,
    hashContacts: makeContactHasher(`secret-${tag}-0123456789abcdef0123456789`),
    logger: silentLogger,
    afterCreate,
    emailsOwed,
  });
  const update = makeUpdateCase({ cases, clock, rules });
  const deps: SyncSheetDeps = {
    sheet: makeGoogleSheetGateway({
      spreadsheetId,
      rootUrl: emulator.url,
      retry: { sleep: async () => undefined },
    }),
    store: makeDynamoSheetSyncStore(db, tableName),
    roster: makeDynamoRosterStore(db, tableName),
    cases,
    clock,
    logger: silentLogger,
    rules,
    updateCase: update,
    submitComplaint,
    fallback: { execManagers: [`exec-${tag}@studio.example`], supervisors: [] },
    settings: { spreadsheetId, maskContacts: !!opts.maskContacts, backfillDays: 30, leaseSeconds: 60 },
    ...(opts.afterCaseCreated ? { afterCaseCreated: opts.afterCaseCreated } : {}),
  };
  const syncSheet = makeSyncSheet(deps);

  type Row = Record<string, CellValue> & { _row: number };
  async function rows(): Promise<Row[]> {
    const res = await api.spreadsheets.values.get({
      spreadsheetId,
      range: CASES_TAB,
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    const [head = [], ...rest] = (res.data.values ?? []) as CellValue[][];
    return rest.flatMap((r, i) =>
      r.length === 0
        ? []
        : [
            {
              ...(Object.fromEntries(head.map((h, j) => [String(h), r[j] ?? ''])) as Record<
                string,
                CellValue
              >),
              _row: i + 2,
            } as Row,
          ],
    );
  }

  return {
    spreadsheetId,
    tableName,
    api,
    deps,
    syncSheet,
    sync: () => syncSheet({ full: true }, plenty),
    syncRows: (list, user) =>
      syncSheet({ rows: list.map((row) => ({ row, ...(user ? { user } : {}) })) }, plenty),
    submit: async (fields = {}, actor = { id: 'front desk', door: 'form' }) =>
      (await submitComplaint(validSubmission(fields), actor)).case,
    update,
    cases,
    rows,
    async rowOf(caseNo) {
      const row = (await rows()).find((r) => r[header('caseNo')] === caseNo);
      if (!row) throw new Error(`no row for ${caseNo}`);
      return row;
    },
    async type(row, values) {
      const [head = []] =
        (await api.spreadsheets.values.get({ spreadsheetId, range: `${CASES_TAB}!1:1` })).data.values ?? [];
      const data = Object.entries(values).map(([key, value]) => {
        const col = head.indexOf(header(key));
        if (col < 0) throw new Error(`no column ${key}`);
        return { range: `${CASES_TAB}!${columnLetter(col)}${row}`, values: [[value]] };
      });
      await api.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: { valueInputOption: 'USER_ENTERED', data },
      });
    },
    async sheetIdOf(title) {
      const res = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(sheetId,title)' });
      return res.data.sheets?.find((s) => s.properties?.title === title)?.properties?.sheetId ?? -1;
    },
  };
}

/** Emails the SES stand-in received for an address (this file's customers have unique addresses). */
export async function emailsTo(address: string): Promise<{ subject: string }[]> {
  const res = await fetch(`${inject('sesUrl')}/store`);
  const { emails } = (await res.json()) as { emails: { subject: string; destination: { to: string[] } }[] };
  return emails.filter((m) => m.destination.to.includes(address));
}

export { fixedClock, header };
