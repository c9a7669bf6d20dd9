/** What every sheet pass shares: the sync's settings and ports, the tabs' specs, and the row context. */
import type { CaseRules } from '../domain/rules.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Budget, Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { SheetGateway } from '../ports/sheet-gateway.js';
import type { SheetSyncStore } from '../ports/sheet-sync-store.js';
import type { RowContext } from '../sheet/case-row.js';
import { casesTab } from '../sheet/columns.js';
import { zoneOf } from '../sheet/dates.js';
import { historyTab } from '../sheet/history.js';
import { staffTab } from '../sheet/staff.js';
import { makeSheetRows, type SheetRowsDeps } from './sheet-rows.js';
import type { StaffDeps } from './sheet-staff.js';

export interface SyncSheetSettings {
  spreadsheetId: string;
  /** Show contacts masked in the Cases tab (they are then read-only there). */
  maskContacts: boolean;
  /** How far back the first sync fills the sheet with cases already in the store. */
  backfillDays: number;
  /** The lease lasts this long: the longest a sync function may run. */
  leaseSeconds: number;
}

export interface SyncSheetDeps extends SheetRowsDeps, StaffDeps {
  sheet: SheetGateway;
  store: SheetSyncStore;
  cases: CaseRepository;
  clock: Clock;
  logger: Logger;
  rules: CaseRules;
  settings: SyncSheetSettings;
  /** Counts refused edits (EditsRefused), when the function has metrics. */
  metrics?: Metrics;
}

/** What one pass did: logged, and answered by the functions. */
export interface PassReport {
  kind: 'full' | 'rows' | 'staff';
  rowsWritten: number;
  appended: number;
  restored: number;
  created: string[];
  applied: number;
  refused: number;
  /** Refusals not shown in their rows before: what the EditsRefused metric counts. */
  newRefusals: number;
  conflicts: number;
  history: number;
  /** Ran out of time or work: the next pass completes it. */
  incomplete: boolean;
  /** Rows just got their row id: one more pass registers them. */
  again?: boolean;
}

export const emptyReport = (kind: PassReport['kind']): PassReport => ({
  kind,
  rowsWritten: 0,
  appended: 0,
  restored: 0,
  created: [],
  applied: 0,
  refused: 0,
  newRefusals: 0,
  conflicts: 0,
  history: 0,
  incomplete: false,
});

/** Time kept back for the write and the state once a pass stops starting new work. */
const RESERVE_MS = 8000;

export function makeKit(deps: SyncSheetDeps) {
  const { rules, settings } = deps;
  return {
    deps,
    rows: makeSheetRows(deps),
    specs: {
      cases: casesTab(rules.lists, rules.policy.warnBeforeHours),
      staff: staffTab(),
      history: historyTab(),
    },
    rowContext: (timeZone: string): RowContext => ({
      lists: rules.lists,
      zones: { sheet: zoneOf(timeZone), business: rules.calendar },
      maskContacts: settings.maskContacts,
      dateOnlyTime: rules.calendar.settings.closesAt,
    }),
    /** Stop starting work while there is time left to write; API calls give up a little before the end. */
    timing: (budget: Budget) => ({
      hasTime: () => budget.remainingMs() > RESERVE_MS,
      deadline: Date.now() + budget.remainingMs() - 2000,
    }),
  };
}
export type Kit = ReturnType<typeof makeKit>;

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
