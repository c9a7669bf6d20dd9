/**
 * The escalation sweep's read side: open cases whose next deadline is near or past. It walks the
 * openByDue index from the earliest deadline and stops at now + warning window, so its cost follows
 * the number of cases needing attention, not the number of cases ever recorded.
 */
import type { Case } from '../domain/case.js';
import { dueState, type SlaPolicy } from '../domain/deadlines.js';
import type { CaseRepository } from '../ports/case-repository.js';

export interface DeadlineReview {
  at: string;
  overdue: Case[];
  dueSoon: Case[];
}

export function makeReviewDeadlines(deps: { cases: CaseRepository; policy: SlaPolicy }) {
  return async function reviewDeadlines(now: Date): Promise<DeadlineReview> {
    const horizon = new Date(now.getTime() + deps.policy.warnBeforeHours * 3_600_000).toISOString();
    const overdue: Case[] = [];
    const dueSoon: Case[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.cases.listOpenByDue({ dueBefore: horizon, ...(cursor ? { cursor } : {}) });
      for (const c of page.items) {
        const state = dueState(c.nextDue, now, deps.policy);
        if (state === 'overdue') overdue.push(c);
        else if (state === 'due_soon') dueSoon.push(c);
      }
      cursor = page.cursor;
    } while (cursor);
    return { at: now.toISOString(), overdue, dueSoon };
  };
}
