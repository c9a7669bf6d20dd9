/**
 * A tab's rows as the product's columns see them, wherever a manager moved those columns, and the
 * writes that change only the cells whose values differ, so a manager typing elsewhere while a sync runs
 * is not disturbed.
 */
import type { CellValue, CellWrite } from '../ports/sheet-gateway.js';
import { cellText } from './cells.js';

/** A sheet row (0-based cells) as the spec's columns, by their positions. */
export const alignRow = (raw: readonly CellValue[] | undefined, positions: readonly number[]): CellValue[] =>
  positions.map((p) => raw?.[p] ?? null);

export const isBlankRow = (raw: readonly CellValue[] | undefined): boolean =>
  !raw || raw.every((v) => cellText(v).trim() === '');

/**
 * The writes that turn `before` into `after` (both in spec order) on sheet row `row`: one per run of
 * changed cells that are adjacent in the sheet.
 */
export function changedCells(
  tab: string,
  row: number,
  before: readonly CellValue[],
  after: readonly CellValue[],
  positions: readonly number[],
): CellWrite[] {
  const changed = positions
    .map((p, i) => ({
      p,
      v: after[i] ?? null,
      same: cellText(after[i] ?? null) === cellText(before[i] ?? null),
    }))
    .filter((c) => !c.same)
    .sort((a, b) => a.p - b.p);
  const out: CellWrite[] = [];
  for (const c of changed) {
    const last = out[out.length - 1];
    const lastRow = last?.values[0];
    if (last && lastRow && last.column + lastRow.length === c.p + 1) lastRow.push(c.v === null ? '' : c.v);
    else out.push({ tab, row, column: c.p + 1, values: [[c.v === null ? '' : c.v]] });
  }
  return out;
}
