/**
 * The scheduled pass over the whole sheet: `spreadsheets.get` and one `values.batchGet`, then the rows'
 * edits and registrations, the cases the sheet lacks appended, History's new events, the Staff tab into
 * the roster, one layout call when a tab needs it, and one `values.batchUpdate` with every changed cell.
 */
import type { Case } from '../domain/case.js';
import type { Budget } from '../ports/clock.js';
import type { Area, CellValue, CellWrite, TabInfo } from '../ports/sheet-gateway.js';
import type { SyncState } from '../ports/sheet-sync-store.js';
import { CASES_TAB, columnIndex } from '../sheet/columns.js';
import { changedCells } from '../sheet/grid.js';
import { eventKey, HISTORY_TAB, HISTORY_WIDTH, historyRows } from '../sheet/history.js';
import { restoredNote } from '../sheet/notes.js';
import { STAFF_TAB } from '../sheet/staff.js';
import { planLayout, type TabLayout } from '../sheet/tab-spec.js';
import { readSheet } from './sheet-cases-read.js';
import { EVENT_OVERLAP_MS, historyProgress, readEvents } from './sheet-events.js';
import { emptyReport, type Kit, mapLimit, type PassReport } from './sheet-kit.js';
import { syncStaff } from './sheet-staff.js';

/** Rows appended per pass; more wait for the next one. */
const MAX_APPEND = 2000;
const CONCURRENCY = 16;
const CASE_NO = columnIndex('caseNo');
const STATE = columnIndex('state');

/** Cases received in the last `days` days: what the first sync fills the sheet with. */
async function backfill(kit: Kit, now: Date): Promise<Set<string>> {
  const { calendar } = kit.deps.rules;
  const today = calendar.localDate(now);
  const days = Array.from({ length: kit.deps.settings.backfillDays + 1 }, (_, i) =>
    calendar.addDays(today, -i),
  );
  const numbers = new Set<string>();
  await mapLimit(days, CONCURRENCY, async (day) => {
    let cursor: string | undefined;
    do {
      const page = await kit.deps.cases.listReceivedOn(day, { limit: 200, ...(cursor ? { cursor } : {}) });
      for (const c of page.items) numbers.add(c.caseNo);
      cursor = page.cursor;
    } while (cursor);
  });
  return numbers;
}

/**
 * The tabs as read, in one call: the Cases tab folded (./sheet-cases-read.ts), the others' rows
 * header first; a missing tab reads as empty.
 */
async function readTabs(
  kit: Kit,
  tabs: TabInfo[],
  historyNext: number,
  changed: ReadonlySet<string>,
  deadline: number,
) {
  const has = (title: string) => tabs.some((t) => t.title === title);
  const wanted: [string, Area][] = [
    [CASES_TAB, { tab: CASES_TAB }],
    [STAFF_TAB, { tab: STAFF_TAB }],
    [HISTORY_TAB, { tab: HISTORY_TAB, fromRow: 1, toRow: 1 }],
    // The event key of the last row History got: a check that nobody added or removed rows above it.
    ...(historyNext > 2
      ? ([
          [
            'boundary',
            {
              tab: HISTORY_TAB,
              fromRow: historyNext - 1,
              toRow: historyNext - 1,
              fromColumn: HISTORY_WIDTH,
              toColumn: HISTORY_WIDTH,
            },
          ],
        ] as [string, Area][])
      : []),
  ];
  const present = wanted.filter(([, a]) => has(a.tab));
  const read = await readSheet(
    kit.deps.sheet,
    kit.specs.cases,
    present.map(([, a]) => a),
    changed,
    deadline,
  );
  const byName = new Map(present.map(([name], i) => [name, read.others[i] ?? []]));
  const get = (name: string): CellValue[][] => byName.get(name) ?? [];
  return {
    cases: read.cases,
    staff: get(STAFF_TAB),
    historyHeader: get(HISTORY_TAB)[0],
    boundary: get('boundary'),
  };
}

export async function fullPass(kit: Kit, budget: Budget): Promise<PassReport> {
  const { deps, specs } = kit;
  const { sheet, store, cases, clock, settings } = deps;
  const report = emptyReport('full');
  const now = clock.now();
  const until = now.toISOString();
  const { hasTime, deadline } = kit.timing(budget);
  const loaded = await store.loadState();
  const previous = loaded?.spreadsheetId === settings.spreadsheetId ? loaded : undefined;

  const info = await sheet.info({ deadline });
  const tab = (title: string) => info.tabs.find((t) => t.title === title);
  const historyNext = previous && tab(HISTORY_TAB) ? Math.max(2, previous.historyNext) : 2;
  // The cases the store changed since the last sync: their rows are looked at even when they seem settled.
  const window = previous
    ? await readEvents(
        cases,
        new Date(Date.parse(previous.eventsFrom) - EVENT_OVERLAP_MS).toISOString(),
        until,
      )
    : { events: [], complete: true };
  const changed = new Set(window.events.map((e) => e.caseNo));
  const raw = await readTabs(kit, info.tabs, historyNext, changed, deadline);

  // The Cases rows, by the columns' headers wherever they are.
  const ctx = kit.rowContext(info.timeZone);
  const { positions, fresh, rows, index } = raw.cases;
  const before = new Map(rows.map((r) => [r.row, r.cells]));
  const result = await kit.rows.passRows(rows, { ctx, index, fresh, changed, now, hasTime });
  for (const n of raw.cases.settled) result.shown.add(n);
  Object.assign(report, {
    created: result.created,
    applied: result.applied,
    refused: result.refused,
    newRefusals: result.newRefusals,
    conflicts: result.conflicts,
    incomplete: result.incomplete || !window.complete,
    again: result.claimed > 0,
  });

  // Cases the sheet lacks: new ones, and rows a manager deleted (a deleted row never deletes a case).
  const known = previous ? new Set(previous.known) : await backfill(kit, now);
  const newlyKnown = [
    ...window.events.filter((e) => e.action === 'created').map((e) => e.caseNo),
    ...result.created,
  ];
  for (const n of newlyKnown) known.add(n);
  const absent = result.incomplete ? [] : [...known].filter((n) => !result.shown.has(n)).sort();
  const batch = hasTime() ? absent.slice(0, MAX_APPEND) : [];
  if (absent.length > batch.length) {
    // More to append than one pass takes: the lease holder goes on with another pass while it has time.
    report.incomplete = true;
    report.again = report.again || hasTime();
  }
  const found = (await mapLimit(batch, CONCURRENCY, (n) => cases.get(n))).filter((c): c is Case => !!c);
  const wasShown = (n: string) => !!previous?.known.has(n) && !previous.unplaced.has(n);
  let nextRow = raw.cases.length + 1;
  if (nextRow < 2) nextRow = 2;
  const appended = found.map((c) => ({
    row: nextRow++,
    cells: kit.rows.newRow(c, { ctx, now }, wasShown(c.caseNo) ? restoredNote() : ''),
  }));
  report.appended = appended.length;
  report.restored = found.filter((c) => wasShown(c.caseNo)).length;
  const placed = new Set(found.map((c) => c.caseNo));
  // Known cases the sheet has not had yet: when they arrive later, they are new rows, not restored ones.
  const unplaced = result.incomplete
    ? new Set([...(previous?.unplaced ?? []), ...newlyKnown.filter((n) => !previous?.known.has(n))])
    : new Set(absent.filter((n) => !placed.has(n)));

  // History: the events it lacks, below the last row this sync wrote there.
  const progress = historyProgress(
    window,
    { eventsFrom: previous?.eventsFrom ?? until, recentEvents: previous?.recentEvents ?? [] },
    until,
    // The window moves on once every row was looked at; appending later does not need it.
    !result.incomplete && window.complete,
  );
  // New events go below the last row this sync wrote, over whatever is there: a run that died after
  // writing them and before saving its state wrote the same events there, so they are never doubled.
  let historyAt = historyNext;
  let foundKey: string | undefined;
  const lastKey = raw.boundary[0]?.[0];
  if (tab(HISTORY_TAB) && historyNext > 2 && lastKey !== previous?.lastHistoryKey) {
    // Someone added or removed History rows: find its end again (one more read, rarely).
    const [column] = await sheet.read(
      [{ tab: HISTORY_TAB, fromColumn: HISTORY_WIDTH, toColumn: HISTORY_WIDTH }],
      { deadline },
    );
    historyAt = Math.max(2, (column?.length ?? 0) + 1);
    foundKey = historyAt > 2 ? String(column?.at(-1)?.[0] ?? '') : undefined;
  }
  const historyCtx = {
    lists: deps.rules.lists,
    sheetZone: ctx.zones.sheet,
    timeZone: deps.rules.calendar.settings.timeZone,
  };
  const newHistory = progress.append.flatMap((e) => historyRows(e, historyCtx));
  report.history = progress.append.length;

  const staff = await syncStaff(deps, raw.staff, now);

  // Layout: only when a tab is missing, has an older layout, lacks a header, or must grow.
  const plans = [
    planLayout(specs.cases, tab(CASES_TAB), raw.cases.header, nextRow - 1),
    planLayout(specs.staff, tab(STAFF_TAB), raw.staff[0]),
    planLayout(specs.history, tab(HISTORY_TAB), raw.historyHeader, historyAt + newHistory.length - 1),
  ].filter((p): p is TabLayout => !!p);
  if (plans.length) await sheet.layout(plans, { deadline });

  const writes: CellWrite[] = [
    ...result.rows.flatMap((r) =>
      changedCells(CASES_TAB, r.row, before.get(r.row) ?? [], r.cells, positions),
    ),
    ...appended.flatMap((r) => changedCells(CASES_TAB, r.row, [], r.cells, positions)),
    ...staff.writes,
    ...(newHistory.length ? [{ tab: HISTORY_TAB, row: historyAt, column: 1, values: newHistory }] : []),
  ];
  if (writes.length) await sheet.write(writes, { deadline });
  report.rowsWritten = result.rows.length + appended.length;

  const last = progress.append.at(-1);
  const lastHistoryKey = last
    ? eventKey(last)
    : historyAt === historyNext
      ? previous?.lastHistoryKey
      : foundKey;
  const state: SyncState = {
    spreadsheetId: settings.spreadsheetId,
    eventsFrom: progress.eventsFrom,
    recentEvents: progress.recentEvents,
    historyNext: historyAt + newHistory.length,
    ...(lastHistoryKey ? { lastHistoryKey } : {}),
    known,
    unplaced,
    timeZone: info.timeZone,
    casesColumns: {
      caseNo: (positions[CASE_NO] ?? 0) + 1,
      state: (positions[STATE] ?? 0) + 1,
      width: Math.max(...positions) + 1,
    },
    updatedAt: until,
  };
  const casesSheetId = tab(CASES_TAB)?.sheetId ?? previous?.casesSheetId;
  if (casesSheetId !== undefined) state.casesSheetId = casesSheetId;
  await store.saveState(state);
  return report;
}
