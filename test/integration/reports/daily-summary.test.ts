/**
 * The daily-summary function end to end, replayed with a fixed clock: DynamoDB Local, the Sheets stand-in
 * (read with Google's client) and the SES stand-in. A day with cases gives its row, the review block and
 * its native chart, and one email per manager with the chart inline by Content-ID; a rerun replaces the
 * row and sends nothing; after missed days only the latest missed day is caught up, and a quiet day still
 * gets its row and a short email.
 */
import { sheets } from '@googleapis/sheets';
import { beforeAll, describe, expect, it } from 'vitest';
import { invokeFunction } from '../../../local/handlers.js';
import { applyChange } from '../../../shared/domain/lifecycle.js';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import { hoursAfter, newCaseWithEvent, RECEIVED_AT, rules } from '../../support/builders.js';
import { caseRepository, type LocalEnv, sesEmails, setupLocalEnv } from '../../support/local-env.js';

let env: LocalEnv;
let cases: CaseRepository;
const R = rules();
const run = (localDay: string) =>
  invokeFunction('daily-summary', {
    schedule: 'daily-summary',
    scheduledTime: `${localDay}T18:00:00+08:00`,
  }) as Promise<{
    days: {
      day: string;
      received: number;
      sheet: { row: number; replaced: boolean };
      emails: Record<string, number>;
      reads: { queries: number; gets: number };
    }[];
  }>;

beforeAll(async () => {
  // Replayed as if it were Monday 23 November, 18:05 in Shanghai.
  env = await setupLocalEnv({ CLOCK_NOW: '2026-11-23T10:05:00.000Z', REPORT_LANGUAGES: 'zh-CN,en' });
  cases = caseRepository();
  // Friday 20th: two cases (one a repeat, one with a phone number typed into what happened); one resolved.
  const a = newCaseWithEvent({
    caseNo: '261120-001',
    submission: { description: '修片变形，回电 13800138000' },
  });
  const b = newCaseWithEvent({
    caseNo: '261120-002',
    receivedAt: hoursAfter(RECEIVED_AT, 1),
    submission: { category: 'attitude', staffInvolved: '小王' },
    earlierCases: ['261101-004'],
  });
  for (const c of [a, b]) await cases.create({ case: c.case, event: c.event, contactKeys: [] });
  const decided = applyChange(
    a.case,
    {
      to: 'resolved',
      patch: { owner: '李店长', findings: '误用液化工具', substantiated: true, correctiveAction: '重修三张' },
      actor: { id: '李店长', door: 'sheet' },
    },
    new Date(hoursAfter(RECEIVED_AT, 3)),
    R,
  );
  if (!decided.event) throw new Error('no event');
  await cases.update(decided.next, a.case.version, decided.event);
});

const api = () => sheets({ version: 'v4', rootUrl: env.sheetsUrl });
const spreadsheetId = () => env.env.SPREADSHEET_ID ?? '';
const managers = () => [env.env.EXEC_MANAGER_EMAILS ?? '', env.env.SUPERVISOR_EMAILS ?? ''];
const values = async (range: string) =>
  (
    await api().spreadsheets.values.get({
      spreadsheetId: spreadsheetId(),
      range,
      valueRenderOption: 'UNFORMATTED_VALUE',
    })
  ).data.values ?? [];

describe('daily-summary', () => {
  it("writes the day's row, the review block with its chart, and mails each manager once with the chart inline", async () => {
    const { days } = await run('2026-11-20');
    expect(days.map((d) => [d.day, d.received, d.sheet])).toEqual([
      ['2026-11-20', 2, { row: 2, replaced: false }],
    ]);
    expect(days[0]?.emails).toEqual({ sent: 2, duplicate: 0, held: 0, failed: 0 });
    expect(days[0]?.reads.queries).toBeGreaterThanOrEqual(33); // 30 day counts, received, open, events…

    const summary = await values('Daily Summary');
    expect(summary[0]?.[0]).toBe('日期 Date');
    expect(summary[1]?.slice(0, 7)).toEqual([46346, 2, 0, 1, 1, 0, 1]); // 2026-11-20, new, critical, repeat, substantiated, not, resolved
    const review = await values('Daily Review');
    expect(review[1]?.slice(0, 2)).toEqual(['每日小结 Daily review', '2026-11-20']);
    expect(review.some((r) => r[0] === '新增 New' && r[1] === 2 && r[2] === '261120-001, 261120-002')).toBe(
      true,
    );
    const got = await api().spreadsheets.get({
      spreadsheetId: spreadsheetId(),
      fields: 'sheets(properties.title,charts(chartId,spec.title))',
    });
    const charts = got.data.sheets?.find((s) => s.properties?.title === 'Daily Review')?.charts ?? [];
    expect(charts.map((c) => c.spec?.title)).toEqual([
      '近30天每日新增投诉 New complaints per day, last 30 days',
    ]);

    for (const to of managers()) {
      const [mail, ...more] = await sesEmails(to);
      expect(more).toHaveLength(0);
      expect(mail?.subject).toBe(
        '[每日投诉小结 Daily complaint review] 2026-11-20 · 新增投诉 New complaints 2 · 逾期案件 Overdue cases 1',
      );
      expect(mail?.body.html).toContain('src="cid:chart-30-days@complaints"');
      expect(mail?.body.text).toContain('261120-002 | 261101-004');
      for (const body of [mail?.body.html, mail?.body.text]) expect(body).not.toContain('13800138000');
      expect(mail?.attachments).toEqual([
        expect.objectContaining({
          contentId: 'chart-30-days@complaints',
          contentDisposition: 'INLINE',
          contentType: 'image/png',
        }),
      ]);
      expect(
        Buffer.from(mail?.attachments[0]?.content ?? '', 'base64')
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });

  it('a rerun replaces the row and sends no second email', async () => {
    const { days } = await run('2026-11-20');
    expect(days[0]?.sheet).toEqual({ row: 2, replaced: true });
    expect(days[0]?.emails).toEqual({ sent: 0, duplicate: 2, held: 0, failed: 0 });
    expect((await values('Daily Summary')).length).toBe(2);
    for (const to of managers()) expect(await sesEmails(to)).toHaveLength(1);
  });

  it('after missed days catches up only the latest one; a day with no cases gets its row and a short email', async () => {
    // Saturday and Sunday never ran: Monday's run does Sunday first (quiet), never Saturday.
    const { days } = await run('2026-11-23');
    expect(days.map((d) => [d.day, d.received, d.sheet.row])).toEqual([
      ['2026-11-22', 0, 3],
      ['2026-11-23', 0, 4],
    ]);
    const summary = await values('Daily Summary');
    expect(summary.slice(1).map((r) => r[0])).toEqual([46346, 46348, 46349]); // 20th, 22nd, 23rd
    const [quiet] = (await sesEmails(managers()[0])).filter((m) => m.subject.includes('2026-11-22'));
    expect(quiet?.subject).toBe(
      '[每日投诉小结 Daily complaint review] 2026-11-22 · 今天没有新投诉。 No complaints today.',
    );
    expect(quiet?.body.text).toContain('今天没有新投诉。 No complaints today.');
    expect(quiet?.attachments).toEqual([]);
    const review = await values('Daily Review');
    expect(review[1]?.[1]).toBe('2026-11-23');
  });
});
