/**
 * The two-way sync between the managers' Google Sheet and the cases.
 *
 * Design. Tabs: Cases (one row per case), Staff (the roster), History (every audit event). A Cases row is
 * found by its case number, never by position, and carries a hidden state: the case version and a hash
 * of every editable cell as the sync last wrote them (shared/sheet/row-state.ts). Comparing the sheet and
 * the case with that state tells a manager's edit from a store change, and both from a conflict (rule in
 * shared/sheet/reconcile.ts). Edits go through the case core, door "sheet"; an illegal one is refused
 * with a note in the row, and the manager's value stays. A hand-typed row gets a row id in that state
 * before it becomes a case under that id (the submit use case's idempotency key), so a sync that dies
 * before writing the number back finds the case again instead of making a second.
 *
 * Cost. The scheduled full pass (./sheet-full-pass.ts) makes two API calls when nothing changed
 * (`spreadsheets.get`, one `values.batchGet`), one `values.batchUpdate` for all its writes, and a
 * `spreadsheets.batchUpdate` only to lay out or grow a tab. From the store it reads only what changed:
 * the audit events since the last pass name the cases to look at. An edit in the sheet runs a pass over
 * just the edited rows (./sheet-edit-pass.ts): one read, one write.
 *
 * Safety. All passes run under one lease (./sheet-lease.ts): a second caller leaves its work with the
 * holder, so nothing is applied or registered twice and a burst of edits coalesces. A pass that runs
 * out of time writes what it has and keeps its event window open; the next pass completes it.
 */
import type { Budget } from '../ports/clock.js';
import { METRICS } from '../ports/metrics.js';
import { noWork, type PendingWork } from '../ports/sheet-sync-store.js';
import { rowsPass, staffPass } from './sheet-edit-pass.js';
import { fullPass } from './sheet-full-pass.js';
import { emptyReport, makeKit, type PassReport, type SyncSheetDeps } from './sheet-kit.js';
import { makeSheetLease } from './sheet-lease.js';

export type { PassReport, SyncSheetDeps, SyncSheetSettings } from './sheet-kit.js';

export interface SyncOutcome {
  /** False when another sync held the lease: the work was left with it. */
  ran: boolean;
  passes: PassReport[];
}

export function makeSyncSheet(deps: SyncSheetDeps) {
  const kit = makeKit(deps);
  const underLease = makeSheetLease({
    store: deps.store,
    clock: deps.clock,
    leaseSeconds: deps.settings.leaseSeconds,
  });

  /** One round of work: a full pass covers everything; otherwise the Staff tab and the edited rows. */
  async function pass(work: PendingWork, budget: Budget): Promise<PassReport & { again?: boolean }> {
    if (noWork(work)) return emptyReport('rows');
    const before = deps.sheet.requests();
    const started = Date.now();
    let report: PassReport | undefined;
    if (!work.full) {
      const staff = work.staff ? await staffPass(kit, budget) : undefined;
      const rows = work.rows.length ? await rowsPass(kit, work.rows, budget) : staff;
      report =
        rows && staff && rows !== staff
          ? { ...rows, rowsWritten: rows.rowsWritten + staff.rowsWritten }
          : rows;
    }
    report ??= await fullPass(kit, budget);
    const after = deps.sheet.requests();
    const calls = Object.fromEntries(
      Object.entries(after)
        .map(([method, n]) => [method, n - (before[method] ?? 0)] as const)
        .filter(([, n]) => n > 0),
    );
    if (report.newRefusals > 0) deps.metrics?.count(METRICS.editsRefused, {}, report.newRefusals);
    const { created, ...counts } = report;
    deps.logger.info('sheet synced', {
      ...counts,
      created: created.length,
      calls,
      totalCalls: Object.values(calls).reduce((a, b) => a + b, 0),
      ms: Date.now() - started,
    });
    return report;
  }

  return async function syncSheet(work: Partial<PendingWork>, budget: Budget): Promise<SyncOutcome> {
    const todo: PendingWork = { full: !!work.full, staff: !!work.staff, rows: work.rows ?? [] };
    const outcome = await underLease(
      todo,
      (w) => pass(w, budget),
      () => budget.remainingMs() > 10_000,
    );
    return outcome.ran ? { ran: true, passes: outcome.reports } : { ran: false, passes: [] };
  };
}

export type SyncSheet = ReturnType<typeof makeSyncSheet>;
