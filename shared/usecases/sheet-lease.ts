/**
 * One sheet sync at a time. The caller takes the lease or, finding it held, leaves its work with the
 * holder and returns at once; the holder does whatever was left before letting go. So the schedule, the
 * on-edit endpoint and retries never apply an edit or register a row twice, and a burst of edits costs
 * one more pass rather than one per edit.
 */
import type { Clock } from '../ports/clock.js';
import { noWork, type PendingWork, type SheetSyncStore } from '../ports/sheet-sync-store.js';

/** Passes one holder does before it leaves what remains to the next scheduled sync. */
const MAX_ROUNDS = 8;

export type LeaseOutcome<R> = { ran: true; reports: R[] } | { ran: false };

export function makeSheetLease(deps: { store: SheetSyncStore; clock: Clock; leaseSeconds: number }) {
  const { store, clock } = deps;
  return async function underLease<R>(
    work: PendingWork,
    pass: (work: PendingWork) => Promise<R & { again?: boolean }>,
    hasTime: () => boolean,
  ): Promise<LeaseOutcome<R>> {
    let lease: Awaited<ReturnType<SheetSyncStore['acquire']>>;
    for (let attempt = 0; attempt < 3 && !lease; attempt++) {
      const now = clock.now();
      lease = await store.acquire(now, new Date(now.getTime() + deps.leaseSeconds * 1000));
      if (!lease && (await store.enqueue(now, work))) return { ran: false };
    }
    if (!lease) return { ran: false };
    const reports: R[] = [];
    let todo = work;
    try {
      for (let round = 1; ; round++) {
        const report = await pass(todo);
        reports.push(report);
        let more = await store.takePending(lease);
        if (report.again) more = { ...more, full: true };
        if (noWork(more)) {
          if (await store.release(lease)) return { ran: true, reports };
          more = await store.takePending(lease); // work arrived between taking and letting go
        }
        if (round >= MAX_ROUNDS || !hasTime()) break;
        todo = more;
      }
    } catch (e) {
      await store.takePending(lease).catch(() => undefined);
      await store.release(lease).catch(() => undefined);
      throw e;
    }
    // Out of rounds or time: what is left is dropped; the next scheduled sync sees it in the sheet anyway.
    await store.takePending(lease);
    await store.release(lease);
    return { ran: true, reports };
  };
}
