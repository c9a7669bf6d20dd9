/** Counting helpers the daily and monthly figures share: counts by a code, compensation by category. */
import type { Case } from '../case.js';
import { maskContactsInText } from '../contact.js';

/** Count per code, largest first (ties by code), as pairs so order survives JSON. */
export type Counts = [code: string, count: number][];

/** Where a case has no value for the field. */
export const UNSPECIFIED = 'unspecified';

export function countBy<T>(items: readonly T[], keys: (t: T) => readonly (string | undefined)[]): Counts {
  const m = new Map<string, number>();
  for (const item of items) {
    for (const k of keys(item)) m.set(k || UNSPECIFIED, (m.get(k || UNSPECIFIED) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export const byField =
  (field: 'category' | 'stage' | 'channel' | 'severity') =>
  (c: Case): string[] => [c[field] ?? UNSPECIFIED];

/** How many cases, which, and how many of each severity, category, stage and channel. */
export function caseCounts(cases: readonly Case[]) {
  return {
    total: cases.length,
    caseNos: cases.map((c) => c.caseNo),
    bySeverity: countBy(cases, byField('severity')),
    byCategory: countBy(cases, byField('category')),
    byStage: countBy(cases, byField('stage')),
    byChannel: countBy(cases, byField('channel')),
  };
}

export const countOf = (counts: Counts, code: string): number => counts.find(([c]) => c === code)?.[1] ?? 0;

/** A share as a fraction to two decimals (0.75); undefined when there is nothing to divide. */
export const share = (part: number, whole: number): number | undefined =>
  whole > 0 ? Math.round((part / whole) * 100) / 100 : undefined;

export const mean = (xs: readonly number[]): number | undefined =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;

export interface CompensationLine {
  caseNo: string;
  /** Free text with contact details masked: it goes into emails and the sheet. */
  description: string;
  amount?: number;
  beyondPolicy: boolean;
  approvedBy?: string;
  substantiated?: boolean;
}

/** Compensation for one kind of complaint, side by side: unequal handling of the same kind shows. */
export interface CompensationGroup {
  category: string;
  lines: CompensationLine[];
  count: number;
  total: number;
  min?: number;
  max?: number;
}

export function compensationByCategory(cases: readonly Case[]): CompensationGroup[] {
  const groups = new Map<string, CompensationGroup>();
  for (const c of cases) {
    const comp = c.compensation;
    if (!comp) continue;
    const g = groups.get(c.category) ?? { category: c.category, lines: [], count: 0, total: 0 };
    g.lines.push({
      caseNo: c.caseNo,
      description: maskContactsInText(comp.description),
      ...(comp.amount === undefined ? {} : { amount: comp.amount }),
      beyondPolicy: comp.beyondPolicy,
      ...(comp.approvedBy ? { approvedBy: comp.approvedBy } : {}),
      ...(c.substantiated === undefined ? {} : { substantiated: c.substantiated }),
    });
    g.count += 1;
    if (comp.amount !== undefined) {
      g.total += comp.amount;
      g.min = Math.min(g.min ?? comp.amount, comp.amount);
      g.max = Math.max(g.max ?? comp.amount, comp.amount);
    }
    groups.set(c.category, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}
