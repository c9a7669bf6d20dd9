/**
 * The daily review as a person reads it (the email, HTML and text): the day at a glance, the 30-day
 * chart and the same numbers as a table, the day's new cases by kind, what is overdue, each owner's
 * to-do list, compensation side by side, root causes and repeat complainants. No customer contact data:
 * cases are named by number, free text is masked.
 */
import type { LocalDate } from '../domain/calendar.js';
import type { DailyFigures, OpenCaseLine } from '../domain/review/daily.js';
import { isQuietDay } from '../domain/review/daily.js';
import type { KindStats } from '../domain/review/deadline-stats.js';
import type { Counts } from '../domain/review/tally.js';
import type { ValueListName } from '../domain/values.js';
import { chartText } from './chart/label.js';
import { type BarChart, PALETTE } from './chart/svg.js';
import { CHART_WORDS } from './chart/words.js';
import { compensationTable } from './compensation.js';
import type { Block } from './document.js';
import type { Say } from './say.js';
import { DEADLINE_WORDS } from './words.js';

export interface DayCount {
  day: LocalDate;
  count: number;
}

export const CHART_CID = 'chart-30-days@complaints';
export const CHART_SIZE = { width: 640, height: 300 };

/** The last 30 days' new complaints, today's bar darker. */
export function dailyChart(days: readonly DayCount[], s: Say): BarChart {
  const lang = s.ctx.langs[0] ?? 'zh-CN';
  return {
    title: chartText(CHART_WORDS.dailyTitle, lang),
    categories: days.map((d) => d.day.slice(5)),
    series: [
      {
        name: chartText(CHART_WORDS.newCases, lang),
        color: PALETTE[0] ?? '#4e79a7',
        values: days.map((d) => d.count),
      },
    ],
    labelEvery: 5,
    highlight: days.length - 1,
    ...CHART_SIZE,
  };
}

/** "2/3 (67%)": met in time of those settled, or "—" when none was due. */
export function deadlineShare(k: KindStats, s: Say): string {
  const settled = k.onTime + k.late + k.missed;
  if (settled === 0) return k.pending ? `— (${k.pending} ${s.say('pending')})` : '—';
  return `${k.onTime}/${settled} (${s.percent(k.rate)})`;
}

const countsTable = (title: string, counts: Counts, list: ValueListName | undefined, s: Say): Block => ({
  kind: 'table',
  title,
  head: [title, s.say('count')],
  rows: counts.map(([code, n]) => [list ? s.value(list, code) : code, n]),
});

export function openCasesTable(lines: readonly OpenCaseLine[], s: Say, title?: string): Block {
  return {
    kind: 'table',
    ...(title ? { title } : {}),
    head: [
      s.say('caseNo'),
      s.say('owner'),
      s.say('status'),
      s.say('category'),
      s.say('nextDeadline'),
      s.say('dueAt'),
      s.say('overdueHours'),
      s.say('age'),
    ],
    rows: lines.map((l) => [
      l.caseNo,
      l.owner ?? s.say('unassigned'),
      s.status(l.status),
      s.value('category', l.category),
      l.next ? s.label(DEADLINE_WORDS[l.next.kind]) : '—',
      s.when(l.next?.dueAt),
      l.overdueHours ?? '',
      l.ageDays,
    ]),
  };
}

function keyFigures(f: DailyFigures, s: Say): Block {
  const critical = f.received.bySeverity.find(([c]) => c === 'critical')?.[1] ?? 0;
  return {
    kind: 'table',
    head: [s.say('keyFigures'), ''],
    rows: [
      [s.say('newCases'), f.received.total],
      [s.say('critical'), critical],
      [s.say('repeat'), f.repeat.length],
      [s.say('substantiated'), f.decided.substantiated.length],
      [s.say('notSubstantiated'), f.decided.notSubstantiated.length],
      [s.say('resolved'), f.resolved.length],
      [s.say('notified'), f.notified.length],
      [s.say('closed'), f.closed.length],
      [`${s.say('investigatedIn24h')} ${s.say('ofDueToday')}`, deadlineShare(f.deadlines.investigate, s)],
      [`${s.say('notifiedIn5')} ${s.say('ofDueToday')}`, deadlineShare(f.deadlines.notify, s)],
      [s.say('open'), f.open],
      [s.say('overdue'), f.overdue.length],
    ],
  };
}

/** The 30 days as a table, ten days a row: the chart's numbers for clients that block images. */
function last30Table(days: readonly DayCount[], s: Say): Block {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < days.length; i += 10) {
    const chunk = days.slice(i, i + 10);
    rows.push(chunk.map((d) => d.day.slice(5)));
    rows.push(chunk.map((d) => d.count));
  }
  return { kind: 'table', title: s.say('last30'), head: [], rows };
}

function todoBlocks(f: DailyFigures, s: Say): Block[] {
  if (!f.todo.length) return [];
  return [
    { kind: 'heading', text: s.say('todo') },
    ...f.todo.map((t) => ({
      kind: 'table' as const,
      head: [
        `${t.owner ?? s.say('unassigned')} (${t.cases.length})`,
        s.say('status'),
        s.say('nextDeadline'),
        s.say('dueAt'),
        s.say('overdueHours'),
      ],
      rows: t.cases.map((l) => [
        l.caseNo,
        s.status(l.status),
        l.next ? s.label(DEADLINE_WORDS[l.next.kind]) : '—',
        s.when(l.next?.dueAt),
        l.overdueHours ?? '',
      ]),
    })),
  ];
}

export function dailySubject(f: DailyFigures, s: Say): string {
  const parts = isQuietDay(f)
    ? [s.say('quiet')]
    : [`${s.say('newCases')} ${f.received.total}`, `${s.say('overdue')} ${f.overdue.length}`];
  return `[${s.say('dailyTitle')}] ${f.day} · ${parts.join(' · ')}`;
}

/** The email's blocks; `chart` is where the inline PNG goes (none on a quiet day). */
export function dailyBlocks(f: DailyFigures, days: readonly DayCount[], s: Say, chart: boolean): Block[] {
  const head: Block[] = [{ kind: 'heading', level: 1, text: `${s.say('dailyTitle')} · ${f.day}` }];
  const footer: Block = { kind: 'para', muted: true, text: s.say('noContacts') };
  if (isQuietDay(f)) {
    return [
      ...head,
      { kind: 'para', text: s.say('quiet') },
      { kind: 'para', text: `${s.say('open')}: ${f.open} · ${s.say('overdue')}: ${f.overdue.length}` },
      ...(f.overdue.length ? [openCasesTable(f.overdue, s, s.say('overdue'))] : []),
      footer,
    ];
  }
  const r = f.received;
  return [
    ...head,
    keyFigures(f, s),
    ...(chart ? [{ kind: 'image' as const, cid: CHART_CID, alt: s.say('chartAlt'), ...CHART_SIZE }] : []),
    last30Table(days, s),
    ...(r.total
      ? [
          { kind: 'para' as const, text: `${s.say('newCases')}: ${r.caseNos.join(', ')}` },
          countsTable(s.say('byCategory'), r.byCategory, 'category', s),
          countsTable(s.say('byStage'), r.byStage, 'stage', s),
          countsTable(s.say('byChannel'), r.byChannel, 'channel', s),
          ...(r.byStaff.length ? [countsTable(s.say('byStaff'), r.byStaff, undefined, s)] : []),
        ]
      : [{ kind: 'para' as const, text: s.say('quiet') }]),
    ...(f.overdue.length ? [openCasesTable(f.overdue, s, s.say('overdue'))] : []),
    ...todoBlocks(f, s),
    ...(f.compensation.length ? [compensationTable(f.compensation, s)] : []),
    ...(f.rootCauses.length
      ? [
          {
            kind: 'table' as const,
            title: s.say('rootCauses'),
            head: [s.say('caseNo'), s.say('category'), s.say('rootCause')],
            rows: f.rootCauses.map((r) => [r.caseNo, s.value('category', r.category), r.rootCause]),
          },
        ]
      : []),
    ...(f.repeat.length
      ? [
          {
            kind: 'table' as const,
            title: s.say('repeat'),
            head: [s.say('caseNo'), s.say('relatedCases')],
            rows: f.repeat.map((r) => [r.caseNo, r.relatedCases.join(', ')]),
          },
        ]
      : []),
    footer,
  ];
}
