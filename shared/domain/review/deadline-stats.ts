/**
 * Whether deadlines were met: on time (met by their due time), late (met after it), missed (due and
 * still unmet) or pending (not yet due). The rate counts only the settled ones: on time over on time,
 * late and missed. The overrun of a late or missed deadline runs to when it was met, or to now.
 */
import type { Deadline, DeadlineKind } from '../case.js';
import { mean } from './tally.js';

export type DeadlineOutcome = 'on_time' | 'late' | 'missed' | 'pending';

export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'investigate',
  'reply',
  'resolve',
  'notify',
  'follow_up',
];

const HOUR = 3_600_000;

export function outcomeOf(d: Deadline, now: Date): DeadlineOutcome {
  if (d.metAt) return d.metAt <= d.dueAt ? 'on_time' : 'late';
  return Date.parse(d.dueAt) <= now.getTime() ? 'missed' : 'pending';
}

/** Hours past due (late or missed), to one decimal; undefined when on time or pending. */
export function overrunHours(d: Deadline, now: Date): number | undefined {
  const outcome = outcomeOf(d, now);
  if (outcome === 'on_time' || outcome === 'pending') return undefined;
  const end = d.metAt ? Date.parse(d.metAt) : now.getTime();
  return Math.round(((end - Date.parse(d.dueAt)) / HOUR) * 10) / 10;
}

export interface KindStats {
  due: number;
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  /** on time / settled; undefined when none is settled. */
  rate?: number;
  avgOverrunHours?: number;
  worst?: { caseNo: string; hours: number };
}

export interface CaseDeadline {
  caseNo: string;
  deadline: Deadline;
}

export function kindStats(entries: readonly CaseDeadline[], now: Date): KindStats {
  const s: KindStats = { due: entries.length, onTime: 0, late: 0, missed: 0, pending: 0 };
  const overruns: number[] = [];
  for (const { caseNo, deadline } of entries) {
    const outcome = outcomeOf(deadline, now);
    if (outcome === 'on_time') s.onTime += 1;
    else if (outcome === 'late') s.late += 1;
    else if (outcome === 'missed') s.missed += 1;
    else s.pending += 1;
    const hours = overrunHours(deadline, now);
    if (hours === undefined) continue;
    overruns.push(hours);
    if (!s.worst || hours > s.worst.hours) s.worst = { caseNo, hours };
  }
  const settled = s.onTime + s.late + s.missed;
  if (settled > 0) s.rate = Math.round((s.onTime / settled) * 100) / 100;
  const avg = mean(overruns);
  if (avg !== undefined) s.avgOverrunHours = Math.round(avg * 10) / 10;
  return s;
}

/** Stats per kind over the given deadlines. */
export function statsByKind(
  entries: readonly CaseDeadline[],
  now: Date,
  kinds: readonly DeadlineKind[] = DEADLINE_KINDS,
): Record<DeadlineKind, KindStats> {
  const out = {} as Record<DeadlineKind, KindStats>;
  for (const kind of kinds)
    out[kind] = kindStats(
      entries.filter((e) => e.deadline.kind === kind),
      now,
    );
  return out;
}
