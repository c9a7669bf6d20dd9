/** The rule for each editable cell: who changed it since the last sync, and what the sync does. */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/ports/sheet-gateway.js';
import { renderCase } from '../../../shared/sheet/case-row.js';
import { CASE_COLUMNS, type CaseColumnKey, columnIndex } from '../../../shared/sheet/columns.js';
import { RowIndex, rowChanges, rowKey, stateFor } from '../../../shared/sheet/reconcile.js';
import { decodeRowState, encodeRowState } from '../../../shared/sheet/row-state.js';
import { newCase, rowContext } from '../../support/builders.js';

const ctx = rowContext();
const base = newCase();
/** The row as the sync wrote it for `base`, with its state. */
const written = () => {
  const cells = renderCase(base, ctx);
  cells[columnIndex('state')] = stateFor(base, ctx);
  return cells;
};
const set = (cells: CellValue[], key: CaseColumnKey, v: CellValue) => {
  cells[columnIndex(key)] = v;
  return cells;
};
const stateOf = (cells: CellValue[]) => decodeRowState(cells[columnIndex('state')]);

describe('rowChanges', () => {
  it('nothing changed: no edits', () => {
    const cells = written();
    expect(rowChanges(cells, stateOf(cells), base, ctx)).toEqual({ edits: new Set(), conflicts: [] });
  });

  it('only the sheet changed a cell: an edit', () => {
    const cells = set(written(), 'notes', '经理备注');
    expect(rowChanges(cells, stateOf(cells), base, ctx).edits).toEqual(new Set(['notes']));
  });

  it('only the case changed: no edit (the case’s value is written)', () => {
    const cells = written();
    const changed = { ...base, notes: '接口备注', version: 2 };
    expect(rowChanges(cells, stateOf(cells), changed, ctx)).toEqual({ edits: new Set(), conflicts: [] });
  });

  it('both changed, to the same value: nothing to do', () => {
    const cells = set(written(), 'notes', '同一个');
    expect(rowChanges(cells, stateOf(cells), { ...base, notes: '同一个', version: 2 }, ctx).edits.size).toBe(
      0,
    );
  });

  it('both changed, differently: a conflict, and the sheet’s value is the edit', () => {
    const cells = set(written(), 'notes', '经理的');
    expect(rowChanges(cells, stateOf(cells), { ...base, notes: '接口的', version: 2 }, ctx)).toEqual({
      edits: new Set(['notes']),
      conflicts: ['notes'],
    });
  });

  it('a row without a state holds the manager’s values; a foreign state or a fresh column gives the case’s', () => {
    const cells = set(written(), 'owner', '小王');
    expect(rowChanges(cells, undefined, base, ctx).edits).toEqual(new Set(['owner']));
    expect(rowChanges(cells, 'foreign', base, ctx).edits.size).toBe(0);
    expect(rowChanges(cells, stateOf(cells), base, ctx, new Set(['owner'])).edits.size).toBe(0);
  });

  it('system columns are never edits', () => {
    const cells = set(set(written(), 'version', 99), 'nextDue', 1);
    expect(rowChanges(cells, stateOf(cells), base, ctx).edits.size).toBe(0);
  });
});

describe('row state and index', () => {
  it('round-trips a case state and a pending row id; refuses what it did not write', () => {
    const text = stateFor(base, ctx);
    expect(decodeRowState(text)).toMatchObject({ kind: 'case', caseNo: base.caseNo, version: 1 });
    expect(decodeRowState(encodeRowState({ kind: 'pending', rowId: 'abc123' }))).toEqual({
      kind: 'pending',
      rowId: 'abc123',
    });
    expect(decodeRowState('')).toBeUndefined();
    expect(decodeRowState('someone typed here')).toBe('foreign');
    expect(decodeRowState(text.replace(/\|1\|/, '|x|'))).toBe('foreign');
  });

  it('finds duplicate case numbers and copied row ids', () => {
    const pending = encodeRowState({ kind: 'pending', rowId: 'r1' });
    const index = new RowIndex([
      rowKey(2, '261120-001', ''),
      rowKey(3, '261120-1', ''),
      rowKey(4, '', pending),
      rowKey(5, '', pending),
    ]);
    expect(index.rowsShowing('261120-001')).toEqual([2, 3]);
    expect(index.byRowId.get('r1')).toEqual([4, 5]);
    expect(rowKey(6, 'not a number', '')).toMatchObject({ caseNo: 'not a number', validNumber: false });
  });

  it('keeps one hash per editable column', () => {
    const state = decodeRowState(stateFor(base, ctx));
    expect(state !== 'foreign' && state?.kind === 'case' && state.hashes.length).toBe(
      CASE_COLUMNS.filter((c) => c.role === 'edit').length,
    );
  });
});
