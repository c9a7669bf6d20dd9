/**
 * The daily review (每日工作小结): what a manager reads before the meeting. Pure: the use case reads the
 * cases and events and passes them in; everything here is computed from them and the instant of the run.
 */
import type { LocalDate } from '../calendar.js';
import { type AuditEvent, type Case, type DeadlineKind, isOpen } from '../case.js';
import { maskContactsInText } from '../contact.js';
import { type CaseDeadline, type KindStats, kindStats } from './deadline-stats.js';
import type { Window } from './period.js';
import { type CompensationGroup, type Counts, caseCounts, compensationByCategory, countBy } from './tally.js';

/** An open case as the review lists it: enough to act on, nothing about the customer. */
export interface OpenCaseLine {
  caseNo: string;
  owner?: string;
  status: Case['status'];
  category: string;
  severity: string;
  receivedDay: LocalDate;
  /** Calendar days since it was received. */
  ageDays: number;
  next?: { kind: DeadlineKind; dueAt: string };
  /** Hours past its next deadline, when overdue. */
  overdueHours?: number;
}

export interface OwnerTodo {
  /** undefined: nobody owns these yet. */
  owner?: string;
  cases: OpenCaseLine[];
}

export interface DailyFigures {
  day: LocalDate;
  generatedAt: string;
  received: {
    total: number;
    caseNos: string[];
    bySeverity: Counts;
    byCategory: Counts;
    byStage: Counts;
    byChannel: Counts;
    byStaff: Counts;
  };
  /** Cases whose finding (substantiated or not) was recorded on the day. */
  decided: { substantiated: string[]; notSubstantiated: string[] };
  resolved: string[];
  notified: string[];
  closed: string[];
  /** Deadlines due on the day: investigated within 24 h, result notified within 5 working days. */
  deadlines: Record<'investigate' | 'notify', KindStats>;
  open: number;
  overdue: OpenCaseLine[];
  todo: OwnerTodo[];
  repeat: { caseNo: string; relatedCases: string[] }[];
  compensation: CompensationGroup[];
  rootCauses: { caseNo: string; category: string; rootCause: string }[];
}

export interface DailyInputs {
  day: LocalDate;
  window: Window;
  now: Date;
  /** Cases received on the day (receivedByDay). */
  received: readonly Case[];
  /** Every event of the day (eventsByDay). */
  events: readonly AuditEvent[];
  /** Every open case now (openByDue); those received after the day are left out. */
  open: readonly Case[];
  /** Every case read, by number: the day's changed cases among them (their current state). */
  cases: ReadonlyMap<string, Case>;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Case numbers whose events on the day set `field` (a milestone reached, a finding recorded). */
function setOnDay(events: readonly AuditEvent[], field: string): string[] {
  const out = new Set<string>();
  for (const e of events) {
    if (e.changes.some((c) => c.field === field && c.to !== undefined && c.to !== null)) out.add(e.caseNo);
  }
  return [...out].sort();
}

export function openLine(c: Case, now: Date, receivedAt = Date.parse(c.receivedAt)): OpenCaseLine {
  const next = c.nextDue;
  const late = next ? now.getTime() - Date.parse(next.dueAt) : 0;
  return {
    caseNo: c.caseNo,
    ...(c.owner ? { owner: c.owner } : {}),
    status: c.status,
    category: c.category,
    severity: c.severity,
    receivedDay: c.receivedDay,
    ageDays: Math.max(0, Math.floor((now.getTime() - receivedAt) / DAY)),
    ...(next ? { next: { kind: next.kind, dueAt: next.dueAt } } : {}),
    ...(late > 0 ? { overdueHours: Math.round((late / HOUR) * 10) / 10 } : {}),
  };
}

/** Most overdue first, then the earliest deadline, then the oldest. */
const urgency = (a: OpenCaseLine, b: OpenCaseLine) =>
  (b.overdueHours ?? 0) - (a.overdueHours ?? 0) ||
  (a.next?.dueAt ?? '~').localeCompare(b.next?.dueAt ?? '~') ||
  a.caseNo.localeCompare(b.caseNo);

/** Each owner's open cases, most overdue first; cases nobody owns first, then owners by name. */
export function todoByOwner(lines: readonly OpenCaseLine[]): OwnerTodo[] {
  const by = new Map<string, OpenCaseLine[]>();
  for (const l of lines) by.set(l.owner ?? '', [...(by.get(l.owner ?? '') ?? []), l]);
  return [...by]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'zh-CN')))
    .map(([owner, cases]) => ({ ...(owner ? { owner } : {}), cases: [...cases].sort(urgency) }));
}

/** Deadlines of `kind` whose due time falls in the window, one per case. */
function dueIn(cases: Iterable<Case>, kind: DeadlineKind, window: Window): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  for (const c of cases) {
    const d = c.deadlines.find((x) => x.kind === kind && x.dueAt >= window.from && x.dueAt < window.to);
    if (d) out.push({ caseNo: c.caseNo, deadline: d });
  }
  return out;
}

export function dailyFigures(input: DailyInputs): DailyFigures {
  const { received, events, now, window } = input;
  const dayEvents = events.filter((e) => e.at >= window.from && e.at < window.to);
  const current = (caseNo: string) => input.cases.get(caseNo);
  const substantiatedSet = setOnDay(dayEvents, 'substantiated');
  // A replayed day leaves out the cases received after it.
  const lines = input.open.filter((c) => isOpen(c) && c.receivedAt < window.to).map((c) => openLine(c, now));
  const compensated = setOnDay(dayEvents, 'compensation').flatMap((n) => current(n) ?? []);
  return {
    day: input.day,
    generatedAt: now.toISOString(),
    received: {
      ...caseCounts(received),
      byStaff: countBy(
        received.filter((c) => c.staffInvolved.length),
        (c) => c.staffInvolved,
      ),
    },
    decided: {
      substantiated: substantiatedSet.filter((n) => current(n)?.substantiated === true),
      notSubstantiated: substantiatedSet.filter((n) => current(n)?.substantiated === false),
    },
    resolved: setOnDay(dayEvents, 'resolvedAt'),
    notified: setOnDay(dayEvents, 'notifiedAt'),
    closed: setOnDay(dayEvents, 'closedAt'),
    deadlines: {
      investigate: kindStats(dueIn(input.cases.values(), 'investigate', window), now),
      notify: kindStats(dueIn(input.cases.values(), 'notify', window), now),
    },
    open: lines.length,
    overdue: lines.filter((l) => l.overdueHours !== undefined).sort(urgency),
    todo: todoByOwner(lines),
    repeat: received
      .filter((c) => c.repeat)
      .map((c) => ({ caseNo: c.caseNo, relatedCases: [...c.relatedCases] })),
    compensation: compensationByCategory(compensated),
    rootCauses: setOnDay(dayEvents, 'rootCause').flatMap((n) => {
      const c = current(n);
      return c?.rootCause
        ? [{ caseNo: n, category: c.category, rootCause: maskContactsInText(c.rootCause) }]
        : [];
    }),
  };
}

/** Nothing was received and nothing changed: the short "no complaints today" email. */
export const isQuietDay = (f: DailyFigures): boolean =>
  f.received.total === 0 &&
  f.resolved.length + f.notified.length + f.closed.length === 0 &&
  f.decided.substantiated.length + f.decided.notSubstantiated.length === 0;
