/**
 * The report tabs: "Daily Summary" (one row per day), "Daily Review" (the latest day as a readable block,
 * beside the last 30 days that its native chart draws) and "Monthly" (one row per month, with a chart of
 * the months). The product writes them; a rerun replaces a day's or a month's row, found by its date,
 * never by position. Headers are bilingual like every tab's.
 */
import type { LocalDate } from '../domain/calendar.js';
import { type DailyFigures, isQuietDay } from '../domain/review/daily.js';
import type { KindStats } from '../domain/review/deadline-stats.js';
import type { MonthlyFigures } from '../domain/review/monthly.js';
import { bilingual, type ValueLists } from '../domain/values.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { cellText } from './cells.js';
import { dateToSerial, readDateCell, toSerial, type Zone } from './dates.js';
import type { CellFormat, TabSpec } from './tab-spec.js';

export const DAILY_TAB = 'Daily Summary';
export const REVIEW_TAB = 'Daily Review';
export const MONTHLY_TAB = 'Monthly';

const col = (header: string, width: number, format: CellFormat) => ({ header, width, format, system: true });

const DAILY_COLUMNS = [
  col('日期 Date', 100, 'date'),
  col('新增 New', 70, 'integer'),
  col('严重 Critical', 70, 'integer'),
  col('重复投诉 Repeat', 80, 'integer'),
  col('属实 Substantiated', 90, 'integer'),
  col('不属实 Not substantiated', 110, 'integer'),
  col('已处理 Resolved', 80, 'integer'),
  col('已通知 Notified', 80, 'integer'),
  col('已结案 Closed', 80, 'integer'),
  col('24小时内调查 Investigated ≤24 h', 130, 'percent'),
  col('5个工作日内通知 Told ≤5 working days', 150, 'percent'),
  col('未结 Open', 70, 'integer'),
  col('逾期 Overdue', 70, 'integer'),
  col('补偿金额 Compensation', 110, 'number'),
  col('生成时间 Generated', 135, 'datetime'),
] as const;

export function dailySummaryTab(): TabSpec {
  return {
    title: DAILY_TAB,
    columns: DAILY_COLUMNS,
    frozenRows: 1,
    frozenColumns: 1,
    initialRows: 400,
    growBy: 400,
    filter: true,
  };
}

/** A share in the sheet: a fraction under a percent format; empty when nothing was settled. */
const rateCell = (k: KindStats): CellValue => (k.rate === undefined ? '' : k.rate);

export function dailyRow(f: DailyFigures, zone: Zone): CellValue[] {
  const critical = f.received.bySeverity.find(([c]) => c === 'critical')?.[1] ?? 0;
  return [
    dateToSerial(f.day),
    f.received.total,
    critical,
    f.repeat.length,
    f.decided.substantiated.length,
    f.decided.notSubstantiated.length,
    f.resolved.length,
    f.notified.length,
    f.closed.length,
    rateCell(f.deadlines.investigate),
    rateCell(f.deadlines.notify),
    f.open,
    f.overdue.length,
    f.compensation.reduce((n, g) => n + g.total, 0),
    toSerial(f.generatedAt, zone),
  ];
}

/** The date a Daily Summary row is for (its first column, wherever a manager moved it). */
export const rowDay = (cell: CellValue | undefined): LocalDate | undefined => {
  const d = readDateCell(cell ?? null);
  return d === 'invalid' ? undefined : d;
};

const REVIEW_HEADERS = {
  item: '项目 Item',
  value: '数值 Value',
  cases: '案例 Cases',
  day: '日期 Date',
  count: '新增 New',
} as const;

/** Rows of the 30-day table (2..31) the review's chart draws. */
export const REVIEW_DAYS = 30;

export function dailyReviewTab(): TabSpec {
  return {
    title: REVIEW_TAB,
    columns: [
      col(REVIEW_HEADERS.item, 240, 'text'),
      col(REVIEW_HEADERS.value, 160, 'text'),
      col(REVIEW_HEADERS.cases, 360, 'text'),
      col(REVIEW_HEADERS.day, 100, 'date'),
      col(REVIEW_HEADERS.count, 70, 'integer'),
    ],
    frozenRows: 1,
    initialRows: 300,
    growBy: 300,
    charts: [
      {
        title: '近30天每日新增投诉 New complaints per day, last 30 days',
        domain: REVIEW_HEADERS.day,
        series: [REVIEW_HEADERS.count],
        fromRow: 1,
        toRow: REVIEW_DAYS + 1,
        anchor: { rightOf: REVIEW_HEADERS.count, row: 2 },
      },
    ],
  };
}

export type ReviewLine = [item: string, value: CellValue, cases: string];

/** The latest day as lines of item, value and the cases concerned (no customer data: case numbers only). */
export function reviewLines(f: DailyFigures, lists: ValueLists): ReviewLine[] {
  const nos = (xs: readonly string[]) => xs.join(', ');
  const share = (k: KindStats) =>
    k.rate === undefined ? '—' : `${k.onTime}/${k.onTime + k.late + k.missed}`;
  const lines: ReviewLine[] = [
    ['每日小结 Daily review', f.day, isQuietDay(f) ? '今天没有新投诉 No complaints today' : ''],
    ['新增 New', f.received.total, nos(f.received.caseNos)],
    ['属实 Substantiated', f.decided.substantiated.length, nos(f.decided.substantiated)],
    ['不属实 Not substantiated', f.decided.notSubstantiated.length, nos(f.decided.notSubstantiated)],
    ['已处理 Resolved', f.resolved.length, nos(f.resolved)],
    ['已通知 Notified', f.notified.length, nos(f.notified)],
    ['已结案 Closed', f.closed.length, nos(f.closed)],
    ['24小时内调查 Investigated ≤24 h', share(f.deadlines.investigate), ''],
    ['5个工作日内通知 Told ≤5 working days', share(f.deadlines.notify), ''],
    [
      '重复投诉 Repeat',
      f.repeat.length,
      f.repeat.map((r) => `${r.caseNo} ← ${r.relatedCases.join(' ')}`).join(', '),
    ],
    ['未结 Open', f.open, ''],
    ['逾期 Overdue', f.overdue.length, nos(f.overdue.map((l) => l.caseNo))],
  ];
  for (const [code, n] of f.received.byCategory) {
    lines.push([
      `类别 Category: ${bilingual(lists.category.find((o) => o.code === code)?.label ?? { 'zh-CN': code, en: code })}`,
      n,
      '',
    ]);
  }
  for (const r of f.rootCauses) lines.push([`根本原因 Root cause ${r.caseNo}`, '', r.rootCause]);
  for (const t of f.todo) {
    lines.push([
      `待办 To do: ${t.owner ?? '未分配 Unassigned'}`,
      t.cases.length,
      t.cases
        .map((l) => (l.overdueHours ? `${l.caseNo} (逾期 ${Math.round(l.overdueHours)} h)` : l.caseNo))
        .join(', '),
    ]);
  }
  return lines;
}

const MONTHLY_COLUMNS = [
  col('月份 Month', 90, 'text'),
  col('投诉数 Complaints', 90, 'integer'),
  col('属实率 Substantiated', 100, 'percent'),
  col('重复投诉率 Repeat rate', 100, 'percent'),
  col('24小时调查达标 Investigated on time', 140, 'percent'),
  col('答复达标 Replied on time', 110, 'percent'),
  col('处理达标 Resolved on time', 110, 'percent'),
  col('通知达标 Told on time', 110, 'percent'),
  col('回访达标 Followed up on time', 120, 'percent'),
  col('超时次数 Breaches', 90, 'integer'),
  col('平均超时(小时) Avg overrun h', 120, 'number'),
  col('最长超时 Worst overrun', 160, 'text'),
  col('平均调查(小时) Avg h to investigate', 140, 'number'),
  col('平均处理(天) Avg days to resolve', 140, 'number'),
  col('平均通知(天) Avg days to tell', 130, 'number'),
  col('补偿总额 Compensation', 110, 'number'),
  col('主要根因 Top root cause', 200, 'text'),
  col('主要类别 Top category', 120, 'text'),
  col('生成时间 Generated', 135, 'datetime'),
] as const;

export function monthlyTab(): TabSpec {
  return {
    title: MONTHLY_TAB,
    columns: MONTHLY_COLUMNS,
    frozenRows: 1,
    frozenColumns: 1,
    initialRows: 200,
    growBy: 200,
    charts: [
      {
        title: '每月投诉数 Complaints per month',
        domain: MONTHLY_COLUMNS[0].header,
        series: [MONTHLY_COLUMNS[1].header],
        fromRow: 1,
        toRow: 200,
        anchor: { rightOf: '生成时间 Generated', row: 2 },
      },
    ],
  };
}

export function monthlyRow(f: MonthlyFigures, zone: Zone): CellValue[] {
  const d = f.deadlines;
  const rate = (k: KindStats) => rateCell(k);
  const breaches = Object.values(d).reduce((n, k) => n + k.late + k.missed, 0);
  const round = (n: number | undefined) => (n === undefined ? '' : n);
  return [
    f.month,
    f.total,
    f.substantiated.rate ?? '',
    f.repeat.rate ?? '',
    rate(d.investigate),
    rate(d.reply),
    rate(d.resolve),
    rate(d.notify),
    rate(d.follow_up),
    breaches,
    round(f.overrun.avgHours),
    f.overrun.worst ? `${f.overrun.worst.caseNo} ${f.overrun.worst.kind} ${f.overrun.worst.hours} h` : '',
    round(f.durations.investigateHours.mean),
    round(f.durations.resolveDays.mean),
    round(f.durations.notifyDays.mean),
    f.compensation.reduce((n, g) => n + g.total, 0),
    f.rootCauses[0]?.rootCause ?? '',
    f.byCategory[0]?.[0] ?? '',
    toSerial(f.generatedAt, zone),
  ];
}

/** The month a Monthly row is for. */
export const rowMonth = (cell: CellValue | undefined): string => cellText(cell ?? null).trim();
