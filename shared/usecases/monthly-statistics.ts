/**
 * The monthly statistics (投诉记录与统计) of the month before, on the month's first working day: the
 * figures over the month's cases (against the five months before), a row in the Monthly tab, and one
 * email per manager with the trend chart inline and the month's cases as CSV. The schedule fires on
 * days 1–10 at 09:00; a run acts on the first working day (a rerun that day replaces the row and sends
 * no second email) or, later, when that day's run never happened (the schedule was down).
 */

import { monthlyFigures } from '../domain/review/monthly.js';
import { addMonths, daysOfMonth, firstWorkingDay, monthOf } from '../domain/review/period.js';
import { barChartSvg } from '../report/chart/svg.js';
import { casesCsv } from '../report/csv.js';
import { renderHtml, renderText } from '../report/document.js';
import { MONTHLY_CHART_CID, monthlyBlocks, monthlyChart, monthlySubject } from '../report/monthly.js';
import { sayer } from '../report/say.js';
import { mailEach, type ReportDeps } from './daily-review.js';
import { reportReads } from './report-reads.js';
import { reportRecipients } from './report-recipients.js';

/** Months shown before the reported one in the trends. */
const TREND_MONTHS = 5;

export type MonthlyOutcome =
  | { ran: false; reason: 'before the first working day' | 'already reported'; month: string }
  | {
      ran: true;
      month: string;
      total: number;
      row: number;
      replaced: boolean;
      emails: Record<string, number>;
      reads: unknown;
    };

export function makeMonthlyStatistics(deps: ReportDeps & { csvContacts: boolean }) {
  const { calendar } = deps.rules;
  const say = sayer(deps.settings.report);

  async function report(month: string, now: Date) {
    const reads = reportReads(deps.cases);
    const months = Array.from({ length: TREND_MONTHS + 1 }, (_, i) => addMonths(month, i - TREND_MONTHS));
    const all = await Promise.all(
      months.map(async (m) => ({ month: m, cases: await reads.receivedOn(daysOfMonth(calendar, m)) })),
    );
    const current = all[all.length - 1] ?? { month, cases: [] };
    const figures = monthlyFigures({ current, previous: all.slice(0, -1), now });
    const sheet = await deps.sheet.writeMonthly(figures);
    const recipients = reportRecipients(calendar.localDate(now), await deps.roster.get(), deps.settings);
    const subject = monthlySubject(figures, say);
    const blocks = monthlyBlocks(figures, say, true);
    const html = renderHtml(subject, blocks, deps.settings.report.langs[0] ?? 'zh-CN');
    const text = renderText(blocks);
    const png = recipients.length
      ? await deps.charts.png(barChartSvg(monthlyChart(figures, say)))
      : undefined;
    const csv = Buffer.from(casesCsv(current.cases, say, { contacts: deps.csvContacts }), 'utf8');
    const emails = await mailEach(
      deps.sendOnce,
      recipients,
      (to) => `monthly#${month}#${to}`,
      (to) => ({
        to: [to],
        subject,
        html,
        text,
        attachments: [
          ...(png
            ? [
                {
                  filename: `complaints-${month}.png`,
                  contentType: 'image/png',
                  content: png,
                  contentId: MONTHLY_CHART_CID,
                },
              ]
            : []),
          { filename: `complaints-${month}.csv`, contentType: 'text/csv; charset=utf-8', content: csv },
        ],
      }),
    );
    const result = { ran: true as const, month, total: figures.total, ...sheet, emails, reads: reads.count };
    deps.logger.info('monthly statistics', { ...result });
    return result;
  }

  return async function monthlyStatistics(runTime: Date): Promise<MonthlyOutcome> {
    const now = deps.clock.now();
    const today = calendar.localDate(runTime);
    const month = addMonths(monthOf(today), -1);
    const first = firstWorkingDay(calendar, monthOf(today));
    if (today < first) return { ran: false, reason: 'before the first working day', month };
    if (today > first) {
      const last = await deps.state.lastDone('monthly');
      if (last && last >= month) return { ran: false, reason: 'already reported', month };
      deps.logger.info('monthly statistics: catching up the missed run', { month, firstWorkingDay: first });
    }
    const result = await report(month, now);
    await deps.state.markDone('monthly', month, now);
    return result;
  };
}
export type MonthlyStatistics = ReturnType<typeof makeMonthlyStatistics>;
