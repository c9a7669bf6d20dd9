/**
 * Counts for the daily review (每日工作小结) and the monthly statistics: how many complaints, which
 * categories, stages, severities and staff, and how many are still open. Read through the
 * receivedByDay index, one keyed query per day.
 */
import type { LocalDate } from '../domain/calendar.js';
import { type Case, isOpen } from '../domain/case.js';
import type { CaseRepository } from '../ports/case-repository.js';

export interface DaysSummary {
  from: LocalDate;
  to: LocalDate;
  total: number;
  open: number;
  repeat: number;
  byCategory: Record<string, number>;
  byStage: Record<string, number>;
  bySeverity: Record<string, number>;
  byStaff: Record<string, number>;
  caseNos: string[];
}

const bump = (m: Record<string, number>, k: string | undefined) => {
  const key = k || 'unspecified';
  m[key] = (m[key] ?? 0) + 1;
};

export function makeSummarizeDays(deps: {
  cases: CaseRepository;
  addDays: (d: LocalDate, n: number) => LocalDate;
}) {
  async function casesOn(day: LocalDate): Promise<Case[]> {
    const out: Case[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.cases.listReceivedOn(day, cursor ? { cursor } : {});
      out.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return out;
  }

  return async function summarizeDays(from: LocalDate, to: LocalDate): Promise<DaysSummary> {
    const days: LocalDate[] = [];
    for (let d = from; d <= to; d = deps.addDays(d, 1)) days.push(d);
    const all = (await Promise.all(days.map(casesOn))).flat();
    const s: DaysSummary = {
      from,
      to,
      total: all.length,
      open: 0,
      repeat: 0,
      byCategory: {},
      byStage: {},
      bySeverity: {},
      byStaff: {},
      caseNos: [],
    };
    for (const c of all) {
      if (isOpen(c)) s.open += 1;
      if (c.repeat) s.repeat += 1;
      bump(s.byCategory, c.category);
      bump(s.byStage, c.stage);
      bump(s.bySeverity, c.severity);
      for (const staff of c.staffInvolved) bump(s.byStaff, staff);
      s.caseNos.push(c.caseNo);
    }
    return s;
  };
}
