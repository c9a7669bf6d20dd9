/**
 * The reports' reads, all keyed (no scan), each counted so a run can log what it cost: queries (one per
 * page), single-item gets and the items they returned.
 */
import type { LocalDate } from '../domain/calendar.js';
import type { AuditEvent, Case } from '../domain/case.js';
import type { CaseRepository, Page } from '../ports/case-repository.js';
import { mapLimit } from './sheet-kit.js';

export interface ReadCount {
  queries: number;
  gets: number;
  items: number;
}

const CONCURRENCY = 8;

export function reportReads(cases: CaseRepository) {
  const count: ReadCount = { queries: 0, gets: 0, items: 0 };
  async function all<T>(page: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(cursor);
      count.queries += 1;
      count.items += p.items.length;
      out.push(...p.items);
      cursor = p.cursor;
    } while (cursor);
    return out;
  }
  const opts = (cursor?: string) => (cursor ? { cursor } : {});
  return {
    count,
    /** Cases received on each day (the receivedByDay index), in day order. */
    receivedOn: async (days: readonly LocalDate[]): Promise<Case[]> =>
      (
        await mapLimit(days, CONCURRENCY, (day) =>
          all((c) => cases.listReceivedOn(day, { limit: 200, ...opts(c) })),
        )
      ).flat(),
    /** How many cases each day received (receivedByDay, counts only). */
    countsOn: (days: readonly LocalDate[]): Promise<number[]> =>
      mapLimit(days, CONCURRENCY, async (day) => {
        count.queries += 1;
        return cases.countReceivedOn(day);
      }),
    /** Every open case (the openByDue index). */
    open: () => all<Case>((c) => cases.listOpenByDue({ limit: 200, ...opts(c) })),
    /** Every event in the window (the eventsByDay index). */
    events: (from: string, to: string) =>
      all<AuditEvent>((c) => cases.listEventsBetween(from, to, { limit: 500, ...opts(c) })),
    /** Cases by number, one GetItem each. */
    get: async (caseNos: readonly string[]): Promise<Case[]> =>
      (
        await mapLimit(caseNos, CONCURRENCY, async (n) => {
          count.gets += 1;
          const c = await cases.get(n);
          if (c) count.items += 1;
          return c;
        })
      ).filter((c): c is Case => c !== undefined),
  };
}
export type ReportReads = ReturnType<typeof reportReads>;
