/**
 * The evening daily review (每日工作小结): the day's figures from keyed reads, its row and block in the
 * sheet, and one email per manager with the 30-day chart inline. Rerunning a day replaces its row and
 * sends no second email (send-once per day and recipient). A run that finds the previous scheduled day
 * never done (the schedule was down) does that day first — only the latest missed day, never a backlog.
 */
import type { LocalDate } from '../domain/calendar.js';
import type { Case } from '../domain/case.js';
import { type DailyFigures, dailyFigures, isQuietDay } from '../domain/review/daily.js';
import { dayWindow, workingDaysBack } from '../domain/review/period.js';
import type { CaseRules } from '../domain/rules.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { ChartRenderer } from '../ports/chart-renderer.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { ReportStateStore } from '../ports/report-state.js';
import type { RosterStore } from '../ports/roster-store.js';
import { barChartSvg } from '../report/chart/svg.js';
import { CHART_CID, type DayCount, dailyBlocks, dailyChart, dailySubject } from '../report/daily.js';
import { renderHtml, renderText } from '../report/document.js';
import { type ReportContext, sayer } from '../report/say.js';
import { type ReadCount, reportReads } from './report-reads.js';
import { reportRecipients } from './report-recipients.js';
import type { ReportSheet, SheetOutcome } from './report-sheet.js';
import type { SendOnce, SendOutcome } from './send-once.js';

export interface ReportSettings {
  report: ReportContext;
  /** REPORT_RECIPIENTS; empty: the roster's managers, else the environment's lists. */
  recipients: readonly string[];
  execManagers: readonly string[];
  supervisors: readonly string[];
}

export interface ReportDeps {
  cases: CaseRepository;
  sheet: ReportSheet;
  sendOnce: SendOnce;
  roster: RosterStore;
  state: ReportStateStore;
  charts: ChartRenderer;
  clock: Clock;
  logger: Logger;
  rules: CaseRules;
  settings: ReportSettings;
}

export interface DayResult {
  day: LocalDate;
  received: number;
  open: number;
  overdue: number;
  quiet: boolean;
  sheet: SheetOutcome;
  emails: Record<SendOutcome, number>;
  reads: ReadCount;
}

const CHART_DAYS = 30;

/** Mails a report to each recipient once per key, counting the outcomes. */
export async function mailEach(
  sendOnce: SendOnce,
  recipients: readonly string[],
  key: (to: string) => string,
  message: (to: string) => Parameters<SendOnce>[1],
): Promise<Record<SendOutcome, number>> {
  const emails: Record<SendOutcome, number> = { sent: 0, duplicate: 0, held: 0, failed: 0 };
  for (const to of recipients) emails[await sendOnce(key(to.toLowerCase()), message(to))] += 1;
  return emails;
}

export function makeDailyReview(deps: ReportDeps) {
  const { calendar, policy } = deps.rules;
  const say = sayer(deps.settings.report);
  /** The most working days a notify deadline can lie after resolution, over every override. */
  const notifyDays = Math.max(
    policy.notifyWorkingDays,
    ...[...Object.values(policy.bySeverity), ...Object.values(policy.byCategory)].map(
      (r) => r.notifyWorkingDays ?? 0,
    ),
  );

  async function figuresOf(day: LocalDate, now: Date) {
    const reads = reportReads(deps.cases);
    const window = dayWindow(calendar, day);
    const yesterday = calendar.addDays(day, -1);
    // Events from the earliest resolution whose notify deadline can fall today (at least since yesterday,
    // for investigations due today): the cases they name are those whose deadlines may be due today.
    const since = dayWindow(
      calendar,
      [workingDaysBack(calendar, day, notifyDays), yesterday].sort()[0] ?? yesterday,
    ).from;
    const [received, earlier, open, events] = await Promise.all([
      reads.receivedOn([day]),
      reads.receivedOn([yesterday]),
      reads.open(),
      reads.events(since, window.to),
    ]);
    const cases = new Map<string, Case>();
    for (const c of [...earlier, ...received, ...open]) cases.set(c.caseNo, c);
    for (const c of await reads.get([...new Set(events.map((e) => e.caseNo))].filter((n) => !cases.has(n)))) {
      cases.set(c.caseNo, c);
    }
    const figures = dailyFigures({ day, window, now, received, events, open, cases });
    const counts = await reads.countsOn(
      Array.from({ length: CHART_DAYS - 1 }, (_, i) => calendar.addDays(day, i - (CHART_DAYS - 1))),
    );
    const days: DayCount[] = [
      ...counts.map((count, i) => ({ day: calendar.addDays(day, i - (CHART_DAYS - 1)), count })),
      { day, count: received.length },
    ];
    return { figures, days, reads: reads.count };
  }

  async function mail(f: DailyFigures, days: readonly DayCount[]) {
    const recipients = reportRecipients(f.day, await deps.roster.get(), deps.settings);
    if (!recipients.length) return { sent: 0, duplicate: 0, held: 0, failed: 0 };
    const quiet = isQuietDay(f);
    const blocks = dailyBlocks(f, days, say, !quiet);
    const png = quiet ? undefined : await deps.charts.png(barChartSvg(dailyChart(days, say)));
    const subject = dailySubject(f, say);
    const html = renderHtml(subject, blocks, deps.settings.report.langs[0] ?? 'zh-CN');
    const text = renderText(blocks);
    return mailEach(
      deps.sendOnce,
      recipients,
      (to) => `daily#${f.day}#${to}`,
      (to) => ({
        to: [to],
        subject,
        html,
        text,
        ...(png
          ? {
              attachments: [
                {
                  filename: `complaints-${f.day}.png`,
                  contentType: 'image/png',
                  content: png,
                  contentId: CHART_CID,
                },
              ],
            }
          : {}),
      }),
    );
  }

  async function runDay(day: LocalDate, now: Date): Promise<DayResult> {
    const { figures, days, reads } = await figuresOf(day, now);
    const sheet = await deps.sheet.writeDaily(figures, days);
    const emails = await mail(figures, days);
    const result: DayResult = {
      day,
      received: figures.received.total,
      open: figures.open,
      overdue: figures.overdue.length,
      quiet: isQuietDay(figures),
      sheet,
      emails,
      reads,
    };
    // Counts only: no case content, no addresses.
    deps.logger.info('daily review', { ...result });
    return result;
  }

  /** The review of the day `runTime` falls on, after the previous day's when its run was missed. */
  return async function dailyReview(runTime: Date): Promise<{ days: DayResult[] }> {
    const now = deps.clock.now();
    const day = calendar.localDate(runTime);
    const previous = calendar.addDays(day, -1);
    const last = await deps.state.lastDone('daily');
    const days: DayResult[] = [];
    if (last && last < previous) {
      deps.logger.info('daily review: catching up the missed day', { lastDone: last, day: previous });
      days.push(await runDay(previous, now));
    }
    days.push(await runDay(day, now));
    await deps.state.markDone('daily', day, now);
    return { days };
  };
}
export type DailyReview = ReturnType<typeof makeDailyReview>;
