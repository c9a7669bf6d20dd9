/** Reading a window as a ValueRange and writing a block of entered values. */
import { formatA1 } from './a1.js';
import { checkInsideGrid, growToFit, rangeText, readWindow, resolveRange, setCell } from './grid.js';
import {
  type CellValue,
  enterValue,
  invalid,
  parseMajorDimension,
  renderCell,
  type SheetState,
  type SpreadsheetState,
  type ValueInputOption,
  type ValueRenderOption,
} from './model.js';

export interface ValueRange {
  range: string;
  majorDimension: 'ROWS' | 'COLUMNS';
  values?: CellValue[][];
}

export function readValueRange(
  ss: SpreadsheetState,
  text: string,
  major: 'ROWS' | 'COLUMNS',
  render: ValueRenderOption,
): ValueRange {
  const r = resolveRange(ss, text);
  checkInsideGrid(r);
  const out: ValueRange = { range: rangeText(r), majorDimension: major };
  const cells = readWindow(r.sheet, r, major);
  if (cells.length) out.values = cells.map((line) => line.map((c) => renderCell(c, render)));
  return out;
}

/** Row-major copy of `values` (transposed when the ValueRange is COLUMNS-major). */
export function toRowMajor(values: unknown, majorDimension: unknown): unknown[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw invalid("Invalid value at 'data.values': expected a list of lists.");
  const lines = values.map((line, i) => {
    if (!Array.isArray(line)) throw invalid(`Invalid values[${i}]: expected a list.`);
    return line as unknown[];
  });
  if (parseMajorDimension(majorDimension) === 'ROWS') return lines;
  const rows: unknown[][] = [];
  lines.forEach((line, j) => {
    line.forEach((v, i) => {
      while (rows.length <= i) rows.push([]);
      (rows[i] as unknown[])[j] = v;
    });
  });
  return rows;
}

export interface Written {
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
}

/** Writes a row-major block at (row, col), growing the grid; values are validated before any change. */
export function writeBlock(
  ss: SpreadsheetState,
  sheet: SheetState,
  row: number,
  col: number,
  rows: unknown[][],
  option: ValueInputOption,
): Written | undefined {
  const cells = rows.map((line, i) =>
    Array.from(line, (v, j) => enterValue(v, option, `values[${i}][${j}]`)),
  );
  const width = cells.reduce((w, l) => Math.max(w, l.length), 0);
  if (cells.length === 0 || width === 0) return undefined;
  growToFit(ss, sheet, row + cells.length - 1, col + width - 1);
  let updatedCells = 0;
  cells.forEach((line, i) => {
    line.forEach((cell, j) => {
      if (cell === null) return;
      setCell(sheet, row + i, col + j, cell);
      updatedCells += 1;
    });
  });
  const { title } = sheet.properties;
  return {
    updatedRange: formatA1(title, row, col, row + cells.length - 1, col + width - 1),
    updatedRows: cells.length,
    updatedColumns: width,
    updatedCells,
  };
}
