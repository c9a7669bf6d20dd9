/**
 * The sync's memory of each Cases row, kept in the row itself (the hidden "Sync state" column) so a sync
 * with nothing to do reads nothing else: which case the row is, the case version the sync last wrote,
 * and a hash of every editable cell as the sync last wrote it. Comparing the sheet with those hashes says
 * what a manager changed; comparing the case with them says what the store changed; both are needed to
 * tell an edit from a conflict. A hand-typed row gets a row id here before it becomes a case: the case
 * is created under that id, so a sync that dies before writing the case number back finds it again.
 *
 * Text form: `<format>|<case no or ~row id>|<version>|<hashes>`; `format` changes with the tracked
 * columns, so a state written for other columns is never misread.
 */
import type { CellValue } from '../ports/sheet-gateway.js';
import { cellHash, cellText } from './cells.js';
import { TRACKED_COLUMNS } from './columns.js';

const FORMAT = cellHash(TRACKED_COLUMNS.map((c) => c.key).join(','));
const HASH_LENGTH = 4;

export type RowState =
  | { kind: 'case'; caseNo: string; version: number; hashes: string[] }
  | { kind: 'pending'; rowId: string };

export function encodeRowState(state: RowState): string {
  if (state.kind === 'pending') return `${FORMAT}|~${state.rowId}`;
  return `${FORMAT}|${state.caseNo}|${state.version}|${state.hashes.join('')}`;
}

/**
 * The state in a cell: undefined when empty, 'foreign' when it is not one this version of the sync
 * wrote (an older format, or typed over), so the row's edits cannot be told from the store's.
 */
export function decodeRowState(v: CellValue | undefined): RowState | undefined | 'foreign' {
  const text = cellText(v).trim();
  if (!text) return undefined;
  const [format, id = '', version = '', hashes = ''] = text.split('|');
  if (format !== FORMAT || !id) return 'foreign';
  if (id.startsWith('~')) return id.length > 1 ? { kind: 'pending', rowId: id.slice(1) } : 'foreign';
  const n = Number(version);
  if (!Number.isInteger(n) || n < 1 || hashes.length !== TRACKED_COLUMNS.length * HASH_LENGTH)
    return 'foreign';
  const list: string[] = [];
  for (let i = 0; i < hashes.length; i += HASH_LENGTH) list.push(hashes.slice(i, i + HASH_LENGTH));
  return { kind: 'case', caseNo: id, version: n, hashes: list };
}
