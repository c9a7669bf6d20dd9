/**
 * The work on Cases rows that both the scheduled sync and the on-edit endpoint do: each row becomes what
 * it should show next, after its edits went through the case core (applyChange, door "sheet") and a
 * hand-typed row became a case (the submit use case, under the row's own idempotency key). Rows are
 * identified by their case number, never by position. Nothing here talks to the sheet: the caller reads
 * the rows and writes back the cells that changed.
 */
import { randomBytes } from 'node:crypto';
import type { Actor, Case } from '../domain/case.js';
import { DomainError, isDomainError } from '../domain/errors.js';
import type { CaseRules } from '../domain/rules.js';
import { parseSubmission } from '../domain/submission.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { type RowContext, renderCase } from '../sheet/case-row.js';
import { cellHash, cellText, isBlank } from '../sheet/cells.js';
import { type CaseColumnKey, columnIndex, TRACKED_COLUMNS } from '../sheet/columns.js';
import { toSerial } from '../sheet/dates.js';
import * as notes from '../sheet/notes.js';
import { type RowIndex, type RowKey, rowChanges, rowKey, stateFor } from '../sheet/reconcile.js';
import { cellOf, hasContent, missingForIntake, readEdits, readIntake } from '../sheet/row-input.js';
import { encodeRowState, type RowState } from '../sheet/row-state.js';
import type { SubmitComplaint } from './submit-complaint.js';
import type { UpdateCase } from './update-case.js';

export interface SheetRowsDeps {
  cases: CaseRepository;
  updateCase: UpdateCase;
  submitComplaint: SubmitComplaint;
  rules: CaseRules;
  /** Test seam: runs after a hand-typed row became a case, before its number is written back. */
  afterCaseCreated?: (caseNo: string) => Promise<void>;
}

/** A row as read: its 1-based number, its cells in CASE_COLUMNS order, who edited it (on-edit). */
export interface SheetRow {
  row: number;
  cells: CellValue[];
  user?: string;
}

export interface PassOptions {
  ctx: RowContext;
  index: RowIndex;
  /** Columns the sync has just added: their empty cells are not edits. */
  fresh: ReadonlySet<CaseColumnKey>;
  /** Cases the store changed since the last sync: their rows are checked even when they look unchanged. */
  changed: ReadonlySet<string>;
  now: Date;
  /** False once the run must stop starting work, to write what it has within its time. */
  hasTime: () => boolean;
}

export interface PassResult {
  /** Rows with cells to write: the whole row as it should be, in CASE_COLUMNS order. */
  rows: { row: number; cells: CellValue[] }[];
  /** Case numbers the rows show after the pass. */
  shown: Set<string>;
  created: string[];
  applied: number;
  refused: number;
  /** Refusals the rows did not show yet (a refusal stays in its row, and is counted once). */
  newRefusals: number;
  conflicts: number;
  /** Complete hand-typed rows that just got their row id: they become cases in the next round. */
  claimed: number;
  /** Ran out of time: some rows were not looked at. */
  incomplete: boolean;
}

const at = (key: CaseColumnKey) => columnIndex(key);
const newRowId = () => randomBytes(9).toString('base64url');
const idempotencyKeyOf = (rowId: string) => `sheet-${rowId}`;
const actorOf = (user: string | undefined): Actor => ({ id: user || 'sheet', door: 'sheet' });

/** The note a row ends with: a problem found now; else news; else an old problem is gone, and old news goes with a change. */
function nextNote(current: string, problem: string | undefined, info: string | undefined, edited: boolean) {
  if (problem) return problem;
  if (info) return info;
  if (notes.isProblemNote(current) || edited) return '';
  return current;
}

export function makeSheetRows(deps: SheetRowsDeps) {
  /** The row showing case `c`, keeping the cells in `keep` as the manager typed them. */
  function caseRow(
    read: readonly CellValue[],
    c: Case,
    o: Pick<PassOptions, 'ctx' | 'now'>,
    keep: ReadonlySet<CaseColumnKey>,
    note: string,
  ): CellValue[] {
    const out = renderCase(c, o.ctx);
    for (const key of keep) out[at(key)] = read[at(key)] ?? '';
    out[at('note')] = note;
    out[at('state')] = stateFor(c, o.ctx);
    out[at('syncedAt')] = read[at('syncedAt')] ?? '';
    const differs = out.some((v, i) => cellText(v) !== cellText(read[i] ?? null));
    if (differs) out[at('syncedAt')] = toSerial(o.now.toISOString(), o.ctx.zones.sheet);
    return out;
  }

  /** Only the sync's own columns changed (note, state). */
  function markRow(read: readonly CellValue[], note: string, state: string): CellValue[] {
    const out = [...read];
    out[at('note')] = note;
    out[at('state')] = state;
    return out;
  }

  /** Applies a row's edits to its case: the whole change, or, when only the status is refused, the rest. */
  async function applyEdits(
    r: SheetRow,
    current: Case,
    state: RowKey['state'],
    o: PassOptions,
    stats: PassResult,
  ) {
    const read = r.cells;
    const currentNote = cellText(cellOf(read, 'note'));
    const { edits, conflicts } = rowChanges(read, state, current, o.ctx, o.fresh);
    if (edits.size === 0)
      return caseRow(read, current, o, new Set(), nextNote(currentNote, undefined, undefined, false));
    const intent = readEdits(read, edits, current, o.ctx);
    if (intent.problems.length) {
      stats.refused++;
      return caseRow(read, current, o, edits, notes.problemsNote(intent.problems));
    }
    const conflictNote = conflicts.length
      ? `conflict: ${conflicts.join(', ')} also changed elsewhere since the last sync; the sheet's value was applied`
      : undefined;
    const request = (withStatus: boolean) => ({
      patch: intent.patch,
      ...(withStatus && intent.to ? { to: intent.to } : {}),
      actor: actorOf(r.user),
      ...(conflictNote ? { note: conflictNote } : {}),
    });
    let c = current;
    for (let attempt = 0; ; attempt++) {
      try {
        const next = await deps.updateCase(c.caseNo, c.version, request(true));
        stats.applied++;
        stats.conflicts += conflicts.length;
        const info = conflicts.length
          ? notes.conflictNote(conflicts)
          : intent.patch.severity && next.severity !== intent.patch.severity
            ? notes.adjustedNote([
                { column: 'severity', shown: cellText(renderCase(next, o.ctx)[at('severity')] ?? '') },
              ])
            : undefined;
        return caseRow(read, next, o, new Set(), nextNote(currentNote, undefined, info, true));
      } catch (e) {
        if (isDomainError(e) && e.kind === 'conflict' && attempt < 2) {
          // Someone else changed the case meanwhile: start again from what is stored.
          c = (await deps.cases.get(c.caseNo)) ?? c;
          continue;
        }
        if (!isDomainError(e) || (e.kind !== 'transition' && e.kind !== 'validation')) throw e;
        stats.refused++;
        if (intent.to && Object.keys(intent.patch).length > 0) {
          try {
            const next = await deps.updateCase(c.caseNo, c.version, request(false));
            return caseRow(read, next, o, new Set<CaseColumnKey>(['status']), notes.statusRefusedNote(e));
          } catch {
            // The rest is refused too: say why the whole change was.
          }
        }
        return caseRow(read, c, o, edits, notes.refusedNote(e));
      }
    }
  }

  /** A row with no case number: a complaint typed into the sheet, registered once it is complete. */
  async function handTyped(
    r: SheetRow,
    key: RowKey,
    o: PassOptions,
    stats: PassResult,
  ): Promise<CellValue[] | undefined> {
    const read = r.cells;
    const currentNote = cellText(cellOf(read, 'note'));
    const pending =
      key.state && key.state !== 'foreign' && key.state.kind === 'pending' ? key.state.rowId : undefined;
    // A copied row carries the original's id: the first row keeps it, the others get their own.
    const rowId = pending && o.index.byRowId.get(pending)?.[0] === r.row ? pending : undefined;
    if (!hasContent(read)) {
      return currentNote || cellText(cellOf(read, 'state')) ? markRow(read, '', '') : undefined;
    }
    const missing = missingForIntake(read);
    const id = rowId ?? newRowId();
    const pendingState = encodeRowState({ kind: 'pending', rowId: id });
    if (missing.length) return markRow(read, notes.missingNote(missing), pendingState);
    if (!rowId) {
      stats.claimed++;
      return markRow(read, notes.registeringNote(), pendingState);
    }
    const { input, problems } = readIntake(read, o.ctx, o.now);
    if (problems.length) return markRow(read, notes.problemsNote(problems), pendingState);

    const idempotencyKey = idempotencyKeyOf(id);
    let c: Case | undefined;
    const seen = await deps.cases.findIdempotency(idempotencyKey);
    if (seen) c = await deps.cases.get(seen.caseNo);
    else {
      try {
        const submission = parseSubmission(deps.rules.lists, { ...input, idempotencyKey });
        const result = await deps.submitComplaint(submission, actorOf(r.user));
        c = result.case;
        if (result.created) stats.created.push(c.caseNo);
        await deps.afterCaseCreated?.(c.caseNo);
      } catch (e) {
        if (!(e instanceof DomainError) || e.kind !== 'validation') throw e;
        return markRow(read, notes.intakeRefusedNote(e), pendingState);
      }
    }
    if (!c) throw new Error(`the case of sheet row id ${id} is missing`);
    // What was typed for the new case is now the case's; anything else typed in the row is an edit.
    // (Encoded as a state in which those cells are unchanged, and the others as the case shows them.)
    const rendered = renderCase(c, o.ctx);
    const adopted: RowState = {
      kind: 'case',
      caseNo: c.caseNo,
      version: c.version,
      hashes: TRACKED_COLUMNS.map((col) => {
        const i = at(col.key as CaseColumnKey);
        const typed = read[i] ?? null;
        return cellHash(col.intake || isBlank(typed) ? typed : (rendered[i] ?? null));
      }),
    };
    const out = await applyEdits({ ...r, cells: read }, c, adopted, o, stats);
    if (!cellText(out[at('note')] ?? '').startsWith(notes.PROBLEM))
      out[at('note')] = notes.registeredNote(c.caseNo);
    return out;
  }

  /** Works on `rows`; rows that need nothing are passed over without reading their case. */
  async function passRows(rows: readonly SheetRow[], o: PassOptions): Promise<PassResult> {
    const result: PassResult = {
      rows: [],
      shown: new Set(),
      created: [],
      applied: 0,
      refused: 0,
      newRefusals: 0,
      conflicts: 0,
      claimed: 0,
      incomplete: false,
    };
    for (const r of rows) {
      const key = rowKey(r.row, cellOf(r.cells, 'caseNo'), cellOf(r.cells, 'state'));
      const stateCase =
        key.state && key.state !== 'foreign' && key.state.kind === 'case' ? key.state.caseNo : undefined;
      const note = cellText(cellOf(r.cells, 'note'));
      let caseNo = key.validNumber ? key.caseNo : '';
      // A cleared case number comes back, unless another row shows it (then this row is a copy).
      if (!key.caseNo && stateCase && o.index.rowsShowing(stateCase).length === 0) caseNo = stateCase;
      if (caseNo) result.shown.add(caseNo);

      if (settledRow(r.cells, key, o) && o.index.rowsShowing(caseNo).length === 1) continue;
      if (!o.hasTime()) {
        result.incomplete = true;
        continue;
      }
      let out: CellValue[] | undefined;
      if (key.caseNo && !key.validNumber)
        out = markRow(r.cells, notes.unknownCaseNote(key.caseNo), cellText(cellOf(r.cells, 'state')));
      else if (caseNo && o.index.rowsShowing(caseNo).length > 1) {
        out = markRow(
          r.cells,
          notes.duplicateNote(caseNo, o.index.rowsShowing(caseNo)),
          cellText(cellOf(r.cells, 'state')),
        );
      } else if (caseNo && stateCase && stateCase !== caseNo) {
        out = markRow(r.cells, notes.renumberedNote(stateCase), cellText(cellOf(r.cells, 'state')));
      } else if (caseNo) {
        const current = await deps.cases.get(caseNo);
        if (!current) out = markRow(r.cells, notes.unknownCaseNote(caseNo), '');
        else out = await applyEdits(r, current, stateCase === caseNo ? key.state : undefined, o, result);
      } else {
        out = await handTyped(r, { ...key, state: stateCase ? undefined : key.state }, o, result);
        const shown = out ? cellText(out[at('caseNo')] ?? '') : '';
        if (shown) result.shown.add(shown);
      }
      const noteNow = cellText(out?.[at('note')] ?? null);
      if (noteNow !== note && notes.isRefusal(noteNow)) result.newRefusals++;
      if (out?.some((v, i) => cellText(v) !== cellText(r.cells[i] ?? null)))
        result.rows.push({ row: r.row, cells: out });
    }
    return result;
  }

  /** A new row for a case the sheet lacks. */
  const newRow = (c: Case, o: Pick<PassOptions, 'ctx' | 'now'>, note: string): CellValue[] =>
    caseRow([], c, o, new Set(), note);

  return { passRows, newRow };
}

/**
 * A row that shows its case as the sync last wrote it, where nothing changed since (no editable cell,
 * not the case, no column added) and no problem is noted: passed over without reading its case, unless
 * another row shows the same case (the caller checks that with the row index).
 */
export function settledRow(
  cells: readonly CellValue[],
  key: RowKey,
  o: Pick<PassOptions, 'changed' | 'fresh'>,
): boolean {
  const state = key.state;
  return (
    key.validNumber &&
    !!state &&
    state !== 'foreign' &&
    state.kind === 'case' &&
    state.caseNo === key.caseNo &&
    !o.changed.has(key.caseNo) &&
    o.fresh.size === 0 &&
    !notes.isProblemNote(cellText(cellOf(cells, 'note'))) &&
    TRACKED_COLUMNS.every(
      (col, i) => cellHash(cells[at(col.key as CaseColumnKey)] ?? null) === state.hashes[i],
    )
  );
}

export type SheetRows = ReturnType<typeof makeSheetRows>;
