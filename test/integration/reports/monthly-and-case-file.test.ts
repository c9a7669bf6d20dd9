/**
 * The monthly-report function over a month whose next month starts with a holiday (National Day: the
 * first working day is October 8th), and the case file on request — on DynamoDB Local and the SES and
 * Sheets stand-ins. The CSV goes out with a BOM and formula-looking text neutralised, without contacts.
 */
import { sheets } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../local/gateway.js';
import { invokeFunction } from '../../../local/handlers.js';
import { makeDynamoRosterStore } from '../../../shared/adapters/dynamodb/roster.js';
import { signBody } from '../../../shared/http/signed-body.js';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import { newCaseWithEvent } from '../../support/builders.js';
import {
  caseRepository,
  documentClient,
  type LocalEnv,
  sesEmails,
  setupLocalEnv,
  startTestGateway,
} from '../../support/local-env.js';

let env: LocalEnv;
let cases: CaseRepository;
let gw: Gateway;
const run = (at: string) =>
  invokeFunction('monthly-report', { schedule: 'monthly-report', scheduledTime: at }) as Promise<{
    ran: boolean;
    reason?: string;
    month: string;
    row?: number;
    replaced?: boolean;
    emails?: Record<string, number>;
  }>;

beforeAll(async () => {
  env = await setupLocalEnv({ CLOCK_NOW: '2026-10-08T01:05:00.000Z', REPORT_LANGUAGES: 'zh-CN,en' });
  cases = caseRepository();
  const seed = [
    newCaseWithEvent({
      caseNo: '260910-001',
      receivedAt: '2026-09-10T02:00:00.000Z',
      submission: { description: '=HYPERLINK("http://x","点我") 电话 13800138000' },
    }),
    newCaseWithEvent({
      caseNo: '260915-001',
      receivedAt: '2026-09-15T02:00:00.000Z',
      submission: { category: 'delay' },
    }),
    newCaseWithEvent({ caseNo: '260820-001', receivedAt: '2026-08-20T02:00:00.000Z' }),
  ];
  for (const c of seed) await cases.create({ case: c.case, event: c.event, contactKeys: [] });
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

const manager = () => env.env.EXEC_MANAGER_EMAILS ?? '';

describe('monthly-report', () => {
  it('waits for the first working day of a month that starts with a holiday', async () => {
    expect(await run('2026-10-01T09:00:00+08:00')).toEqual({
      ran: false,
      reason: 'before the first working day',
      month: '2026-09',
    });
    expect(await run('2026-10-07T09:00:00+08:00')).toMatchObject({ ran: false });
  });

  it('on it, writes the Monthly row and mails the statistics, the trend chart inline and the cases as CSV', async () => {
    const result = await run('2026-10-08T09:00:00+08:00');
    expect(result).toMatchObject({
      ran: true,
      month: '2026-09',
      total: 2,
      row: 2,
      replaced: false,
      emails: { sent: 2 },
    });
    const api = sheets({ version: 'v4', rootUrl: env.sheetsUrl });
    const rows =
      (await api.spreadsheets.values.get({ spreadsheetId: env.env.SPREADSHEET_ID ?? '', range: 'Monthly' }))
        .data.values ?? [];
    expect(rows[1]?.slice(0, 2)).toEqual(['2026-09', '2']);

    const [mail, ...more] = await sesEmails(manager());
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe('[每月投诉统计 Monthly complaint statistics] 2026-09 · 投诉数 Complaints 2');
    expect(mail?.body.html).toContain('src="cid:chart-months@complaints"');
    const csvPart = mail?.attachments.find((a) => a.filename === 'complaints-2026-09.csv');
    expect(mail?.attachments.find((a) => a.contentId === 'chart-months@complaints')?.contentDisposition).toBe(
      'INLINE',
    );
    expect(csvPart?.contentDisposition).toBe('ATTACHMENT');
    const csv = Buffer.from(csvPart?.content ?? '', 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"") 电话 [phone]"`);
    expect(csv).not.toContain('13800138000');
    expect(csv).not.toContain('张三');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('a rerun that day replaces the row without a second email; later runs that month do nothing', async () => {
    expect(await run('2026-10-08T09:00:00+08:00')).toMatchObject({
      ran: true,
      row: 2,
      replaced: true,
      emails: { sent: 0, duplicate: 2 },
    });
    expect(await run('2026-10-09T09:00:00+08:00')).toEqual({
      ran: false,
      reason: 'already reported',
      month: '2026-09',
    });
    expect(await sesEmails(manager())).toHaveLength(1);
  });
});

describe('case-file', () => {
  const post = async (body: unknown) => {
    const text = JSON.stringify(body);
    // The handler's clock runs from CLOCK_NOW: sign with a time it finds fresh.
    const timestamp = String(Date.parse(env.env.CLOCK_NOW ?? '') + 10_000);
    const res = await fetch(`${gw.url}/case-file`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sheet-timestamp': timestamp,
        'x-sheet-signature': signBody(env.env.SHEET_HOOK_SECRET ?? '', timestamp, text),
      },
      body: text,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const request = (user: string, caseNo = '260910-001') => ({
    spreadsheetId: env.env.SPREADSHEET_ID,
    caseNo,
    user,
  });

  it('answers the printable file when invoked with a case number', async () => {
    const out = (await invokeFunction('case-file', { caseNo: '260910-001' })) as { html: string };
    expect(out.html).toContain('投诉案例档案 Complaint case file · 260910-001');
    expect(out.html).toContain('13800138000');
  });

  it("emails it to a roster manager's own address, and refuses anyone else", async () => {
    const li = `li-${env.tag}@studio.example`;
    await makeDynamoRosterStore(documentClient(), env.tableName).put({
      members: [
        { name: '李主管', roles: ['store_supervisor'], email: li },
        { name: '小王', roles: ['handler'], email: `wang-${env.tag}@studio.example` },
      ],
      source: 'sheet',
      updatedAt: new Date().toISOString(),
    });
    expect(await post(request(`wang-${env.tag}@studio.example`))).toMatchObject({ status: 403 });
    expect(await post(request(`nobody-${env.tag}@studio.example`))).toMatchObject({ status: 403 });
    expect(await post(request(li, '260101-999'))).toMatchObject({ status: 404 });
    expect(await post(request(li.toUpperCase()))).toEqual({
      status: 200,
      body: { caseNo: '260910-001', outcome: 'sent' },
    });
    const [mail] = await sesEmails(li);
    expect(mail?.subject).toBe('[投诉案例档案 Complaint case file] 260910-001');
    expect(mail?.attachments[0]).toMatchObject({
      filename: 'case-260910-001.html',
      contentDisposition: 'ATTACHMENT',
    });
    expect(await sesEmails(`wang-${env.tag}@studio.example`)).toEqual([]);
    const unsigned = await fetch(`${gw.url}/case-file`, {
      method: 'POST',
      body: JSON.stringify(request(li)),
    });
    expect(unsigned.status).toBe(401);
  });
});
