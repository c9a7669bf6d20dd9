/**
 * The Staff tab into the stored roster (so escalation, which never talks to Google, knows who is who),
 * and each row's note back into the tab. While the tab lists nobody, the roster is the environment's
 * address lists, as before there was a tab.
 */
import { type Roster, rosterFromAddresses } from '../domain/roster.js';
import type { RosterStore } from '../ports/roster-store.js';
import type { CellValue, CellWrite } from '../ports/sheet-gateway.js';
import { changedCells } from '../sheet/grid.js';
import { readStaff, STAFF_COLUMNS, STAFF_TAB, type StaffPositions, staffTab } from '../sheet/staff.js';
import { locateColumns } from '../sheet/tab-spec.js';

export interface StaffDeps {
  roster: RosterStore;
  fallback: { execManagers: readonly string[]; supervisors: readonly string[] };
}

const sameMembers = (a: Roster | undefined, b: Roster) =>
  !!a && a.source === b.source && JSON.stringify(a.members) === JSON.stringify(b.members);

/** Reads the tab as read (`raw`, header first), stores the roster when it changed, and answers the note writes. */
export async function syncStaff(
  deps: StaffDeps,
  raw: readonly CellValue[][],
  now: Date,
): Promise<{ writes: CellWrite[]; members: number }> {
  const { positions } = locateColumns(staffTab(), raw[0]);
  const at = Object.fromEntries(STAFF_COLUMNS.map((c, i) => [c.key, positions[i] ?? i])) as StaffPositions;
  const rows = raw.slice(1);
  const { roster, notes } = readStaff(rows, at, now);
  const stored = await deps.roster.get();
  const next = roster.members.length ? roster : rosterFromAddresses(deps.fallback, now);
  if (!sameMembers(stored, next)) await deps.roster.put(next);
  const writes = rows.flatMap((row, i) =>
    changedCells(STAFF_TAB, i + 2, [row[at.note] ?? null], [notes[i] ?? ''], [at.note]),
  );
  return { writes, members: roster.members.length };
}
