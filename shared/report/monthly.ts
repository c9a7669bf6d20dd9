/**
 * The monthly statistics as a person reads them: totals against the months before (by category and
 * stage), deadlines per kind, overruns, handling times, root causes, compensation side by side, the
 * repeat-complainant rate and a trend chart; the month's cases go with it as CSV (./csv.ts).
 */
import { DEADLINE_KINDS } from '../domain/review/deadline-stats.js';
import type { MonthlyFigures } from '../domain/review/monthly.js';
import { chartText } from './chart/label.js';
import { type BarChart, PALETTE } from './chart/svg.js';
import { CHART_WORDS } from './chart/words.js';
import { compensationTable } from './compensation.js';
import type { Block } from './document.js';
import type { Say } from './say.js';
import { DEADLINE_WORDS } from './words.js';

export const MONTHLY_CHART_CID = 'chart-months@complaints';
export const MONTHLY_CHART_SIZE = { width: 640, height: 320 };
/** Categories drawn on their own; the rest are one "other" series. */
const CHART_CATEGORIES = 5;

export function monthlyChart(f: MonthlyFigures, s: Say): BarChart {
  const lang = s.ctx.langs[0] ?? 'zh-CN';
  const top = f.trend.byCategory.slice(0, CHART_CATEGORIES);
  const rest = f.trend.byCategory.slice(CHART_CATEGORIES);
  const label = (code: string) => {
    const o = s.ctx.lists.category.find((x) => x.code === code);
    return o ? chartText(o.label, lang) : code;
  };
  return {
    title: chartText(CHART_WORDS.monthlyTitle, lang),
    categories: f.trend.months,
    series: [
      ...top.map(([code, values], i) => ({ name: label(code), color: PALETTE[i] ?? '#999999', values })),
      ...(rest.length
        ? [
            {
              name: chartText(CHART_WORDS.other, lang),
              color: '#bab0ac',
              values: f.trend.months.map((_, i) => rest.reduce((n, [, v]) => n + (v[i] ?? 0), 0)),
            },
          ]
        : []),
    ],
    ...MONTHLY_CHART_SIZE,
  };
}

export const monthlySubject = (f: MonthlyFigures, s: Say): string =>
  `[${s.say('monthlyTitle')}] ${f.month} · ${s.say('complaints')} ${f.total}`;

const trendTable = (
  title: string,
  rows: [string, number[]][],
  f: MonthlyFigures,
  s: Say,
  list: 'category' | 'stage',
): Block => ({
  kind: 'table',
  title,
  head: [title, ...f.trend.months],
  rows: rows.map(([code, values]) => [s.value(list, code), ...values]),
});

export function monthlyBlocks(f: MonthlyFigures, s: Say, chart: boolean): Block[] {
  const d = f.durations;
  return [
    { kind: 'heading', level: 1, text: `${s.say('monthlyTitle')} · ${f.month}` },
    {
      kind: 'table',
      head: [s.say('month'), f.month],
      rows: [
        [s.say('complaints'), f.total],
        [
          s.say('substantiatedRate'),
          `${s.percent(f.substantiated.rate)} (${f.substantiated.yes}/${f.substantiated.yes + f.substantiated.no})`,
        ],
        [s.say('repeatRate'), `${s.percent(f.repeat.rate)} (${f.repeat.count})`],
        [s.say('avgOverrun'), s.num(f.overrun.avgHours)],
        [
          s.say('worstOverrun'),
          f.overrun.worst
            ? `${f.overrun.worst.caseNo} · ${s.label(DEADLINE_WORDS[f.overrun.worst.kind])} · ${f.overrun.worst.hours} h`
            : '—',
        ],
        [s.say('toInvestigate'), `${s.num(d.investigateHours.mean)} (n=${d.investigateHours.n})`],
        [s.say('toResolve'), `${s.num(d.resolveDays.mean)} (n=${d.resolveDays.n})`],
        [s.say('toNotify'), `${s.num(d.notifyDays.mean)} (n=${d.notifyDays.n})`],
      ],
    },
    ...(chart
      ? [
          {
            kind: 'image' as const,
            cid: MONTHLY_CHART_CID,
            alt: s.say('monthlyChartAlt'),
            ...MONTHLY_CHART_SIZE,
          },
        ]
      : []),
    {
      kind: 'table',
      title: s.say('trend'),
      head: [s.say('month'), ...f.trend.months],
      rows: [[s.say('complaints'), ...f.trend.totals]],
    },
    trendTable(s.say('byCategory'), f.trend.byCategory, f, s, 'category'),
    trendTable(s.say('byStage'), f.trend.byStage, f, s, 'stage'),
    {
      kind: 'table',
      title: s.say('deadlines'),
      head: [
        s.say('kind'),
        s.say('due'),
        s.say('onTime'),
        s.say('late'),
        s.say('missed'),
        s.say('pending'),
        s.say('rate'),
        s.say('avgOverrun'),
      ],
      rows: DEADLINE_KINDS.map((k) => {
        const x = f.deadlines[k];
        return [
          s.label(DEADLINE_WORDS[k]),
          x.due,
          x.onTime,
          x.late,
          x.missed,
          x.pending,
          s.percent(x.rate),
          s.num(x.avgOverrunHours),
        ];
      }),
    },
    ...(f.rootCauses.length
      ? [
          {
            kind: 'table' as const,
            title: s.say('topRootCauses'),
            head: [s.say('rootCause'), s.say('count'), s.say('caseNo')],
            rows: f.rootCauses.map((r) => [r.rootCause, r.count, r.caseNos.join(', ')]),
          },
        ]
      : []),
    ...(f.compensation.length ? [compensationTable(f.compensation, s)] : []),
    { kind: 'para', text: s.say('csvAttached') },
    { kind: 'para', muted: true, text: s.say('noContacts') },
  ];
}
