/**
 * What the sheet sync keeps between runs, and the lease that keeps two syncs (the schedule, the on-edit
 * endpoint, a retry) from working at once. The lease lasts as long as its holder may run; whoever finds
 * it held leaves their work with it, and the holder does that work before letting go, so a burst of
 * edits is one more pass, not one per edit.
 */

export interface SyncState {
  spreadsheetId: string;
  /** Events from this instant on (less an overlap for late writers) are not yet in the sheet. */
  eventsFrom: string;
  /** Keys (`case no#version`) of events already in History whose time is within the overlap window. */
  recentEvents: string[];
  /** The next empty History row (1-based), and the key of the event in the row above it. */
  historyNext: number;
  lastHistoryKey?: string;
  /** Every case number the store holds, so a deleted row is noticed without reading every case. */
  known: Set<string>;
  /** Known cases the sheet did not get yet (more than one pass appends): appended later without a "restored" note. */
  unplaced: Set<string>;
  /** The spreadsheet's time zone and where the Cases tab's key columns were (1-based), at the last full sync. */
  timeZone: string;
  casesColumns: { caseNo: number; state: number; width: number };
  /** The Cases tab's id (its `gid`), for links to it in messages. */
  casesSheetId?: number;
  updatedAt: string;
}

export interface Lease {
  owner: string;
  until: Date;
}

/** Work left for the lease holder: a full sync, the Staff tab, or rows of the Cases tab (with who edited them). */
export interface PendingWork {
  full: boolean;
  staff: boolean;
  rows: { row: number; user?: string }[];
}

export interface SheetSyncStore {
  loadState(): Promise<SyncState | undefined>;
  saveState(state: SyncState): Promise<void>;
  /** The lease, when it is free or its holder ran out of time; undefined when someone holds it. */
  acquire(now: Date, until: Date): Promise<Lease | undefined>;
  /** Leaves work for the current holder; false when nobody holds the lease (take it instead). */
  enqueue(now: Date, work: Partial<PendingWork>): Promise<boolean>;
  /** The work left for the holder, now its to do (the lease stays held). */
  takePending(lease: Lease): Promise<PendingWork>;
  /** Lets go of the lease, unless work arrived meanwhile: then false, and the holder takes it and goes on. */
  release(lease: Lease): Promise<boolean>;
}

export const noWork = (w: PendingWork): boolean => !w.full && !w.staff && w.rows.length === 0;
