/**
 * The monthly statistics (投诉记录与统计) over the cases received in a month, as a cohort: how many, of
 * which kinds (against the months before), how their deadlines went (on time, late, missed, still
 * pending when the report runs), how long handling took, the root causes, the compensation and the
 * repeat complainants. Pure: the use case reads the months' cases and passes them in.
 */
import type { Case, DeadlineKind } from '../case.js';
import { maskContactsInText } from '../contact.js';
import { type CaseDeadline, DEADLINE_KINDS, type KindStats, statsByKind } from './deadline-stats.js';
import {
  byField,
  type CompensationGroup,
  type Counts,
  caseCounts,
  compensationByCategory,
  countBy,
  countOf,
  mean,
  share,
} from './tally.js';

export interface MonthCases {
  month: string;
  cases: readonly Case[];
}

export interface Trend {
  /** Oldest first; the reported month last. */
  months: string[];
  totals: number[];
  byCategory: [code: string, counts: number[]][];
  byStage: [code: string, counts: number[]][];
}

export interface Average {
  n: number;
  mean?: number;
}

export interface MonthlyFigures {
  month: string;
  generatedAt: string;
  total: number;
  caseNos: string[];
  byCategory: Counts;
  byStage: Counts;
  bySeverity: Counts;
  byChannel: Counts;
  trend: Trend;
  deadlines: Record<DeadlineKind, KindStats>;
  /** Over every late or missed deadline of the month's cases. */
  overrun: { avgHours?: number; worst?: { caseNo: string; kind: DeadlineKind; hours: number } };
  /** From receipt: hours to the findings, days to resolution, days to the customer being told. */
  durations: { investigateHours: Average; resolveDays: Average; notifyDays: Average };
  rootCauses: { rootCause: string; count: number; caseNos: string[] }[];
  compensation: CompensationGroup[];
  repeat: { count: number; rate?: number };
  substantiated: { yes: number; no: number; rate?: number };
}

const HOUR = 3_600_000;
const TOP_ROOT_CAUSES = 5;

function average(values: (number | undefined)[], unitMs: number): Average {
  const xs = values.filter((v): v is number => v !== undefined).map((ms) => ms / unitMs);
  const m = mean(xs);
  return { n: xs.length, ...(m === undefined ? {} : { mean: Math.round(m * 10) / 10 }) };
}

const since = (c: Case, at: string | undefined) =>
  at ? Date.parse(at) - Date.parse(c.receivedAt) : undefined;

/** Root causes as typed, grouped case- and space-insensitively, most frequent first. */
function topRootCauses(cases: readonly Case[]): MonthlyFigures['rootCauses'] {
  const groups = new Map<string, { rootCause: string; count: number; caseNos: string[] }>();
  for (const c of cases) {
    const text = c.rootCause?.trim();
    if (!text) continue;
    const key = text.normalize('NFKC').replace(/\s+/g, ' ').toLowerCase();
    const g = groups.get(key) ?? { rootCause: maskContactsInText(text), count: 0, caseNos: [] };
    g.count += 1;
    g.caseNos.push(c.caseNo);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, TOP_ROOT_CAUSES);
}

function trendOf(months: readonly MonthCases[]): Trend {
  const series = (field: 'category' | 'stage') => {
    const all = countBy(
      months.flatMap((m) => m.cases),
      byField(field),
    ).map(([code]) => code);
    return all.map(
      (code) =>
        [code, months.map((m) => countOf(countBy(m.cases, byField(field)), code))] as [string, number[]],
    );
  };
  return {
    months: months.map((m) => m.month),
    totals: months.map((m) => m.cases.length),
    byCategory: series('category'),
    byStage: series('stage'),
  };
}

export function monthlyFigures(input: { current: MonthCases; previous: readonly MonthCases[]; now: Date }) {
  const { now } = input;
  const cases = input.current.cases;
  const entries: CaseDeadline[] = cases.flatMap((c) =>
    c.deadlines.map((deadline) => ({ caseNo: c.caseNo, deadline })),
  );
  const deadlines = statsByKind(entries, now);
  let worst: MonthlyFigures['overrun']['worst'];
  const overruns: { total: number; n: number } = { total: 0, n: 0 };
  for (const kind of DEADLINE_KINDS) {
    const s = deadlines[kind];
    if (s.avgOverrunHours !== undefined) {
      overruns.total += s.avgOverrunHours * (s.late + s.missed);
      overruns.n += s.late + s.missed;
    }
    if (s.worst && (!worst || s.worst.hours > worst.hours)) worst = { ...s.worst, kind };
  }
  const decided = cases.filter((c) => c.substantiated !== undefined);
  const yes = decided.filter((c) => c.substantiated).length;
  const repeat = cases.filter((c) => c.repeat).length;
  const repeatRate = share(repeat, cases.length);
  const substantiatedRate = share(yes, decided.length);
  const figures: MonthlyFigures = {
    month: input.current.month,
    generatedAt: now.toISOString(),
    ...caseCounts(cases),
    trend: trendOf([...input.previous, input.current]),
    deadlines,
    overrun: {
      ...(overruns.n ? { avgHours: Math.round((overruns.total / overruns.n) * 10) / 10 } : {}),
      ...(worst ? { worst } : {}),
    },
    durations: {
      investigateHours: average(
        cases.map((c) => since(c, c.investigatedAt)),
        HOUR,
      ),
      resolveDays: average(
        cases.map((c) => since(c, c.resolvedAt)),
        24 * HOUR,
      ),
      notifyDays: average(
        cases.map((c) => since(c, c.notifiedAt)),
        24 * HOUR,
      ),
    },
    rootCauses: topRootCauses(cases),
    compensation: compensationByCategory(cases),
    repeat: { count: repeat, ...(repeatRate === undefined ? {} : { rate: repeatRate }) },
    substantiated: {
      yes,
      no: decided.length - yes,
      ...(substantiatedRate === undefined ? {} : { rate: substantiatedRate }),
    },
  };
  return figures;
}
