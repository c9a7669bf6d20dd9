/** Reading a window as a ValueRange and writing a block of entered values. */
import { formatA1 } from './a1.js';
import { applyEntered, enterValue, isPlainText, type ValueInputOption } from './enter.js';
import { clampToGrid, getCell, growToFit, rangeText, readWindow, resolveRange, setCell } from './grid.js';
import { type CellValue, invalid, type SheetState, type SpreadsheetState } from './model.js';
import { Calc, type RenderOptions, renderCell } from './render.js';

export interface ValueRange {
  range: string;
  majorDimension: 'ROWS' | 'COLUMNS';
  values?: CellValue[][];
}

export function parseMajorDimension(raw: unknown): 'ROWS' | 'COLUMNS' {
  if (raw === undefined || raw === null || raw === '' || raw === 'ROWS' || raw === 'DIMENSION_UNSPECIFIED') {
    return 'ROWS';
  }
  if (raw === 'COLUMNS') return 'COLUMNS';
  throw invalid(`Invalid value at 'major_dimension' (TYPE_ENUM), "${String(raw)}"`);
}

export function readValueRange(
  ss: SpreadsheetState,
  calc: Calc,
  text: string,
  major: 'ROWS' | 'COLUMNS',
  opts: RenderOptions,
): ValueRange {
  const r = clampToGrid(resolveRange(ss, text));
  const out: ValueRange = { range: rangeText(r), majorDimension: major };
  const cells = readWindow(r.sheet, r, major);
  if (cells.length) {
    out.values = cells.map((line, i) =>
      line.map((cell, j) => {
        const [row, col] = major === 'ROWS' ? [r.r0 + i, r.c0 + j] : [r.r0 + j, r.c0 + i];
        return renderCell(calc, r.sheet, row, col, cell, opts);
      }),
    );
  }
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

/** Writes a row-major block at (row, col), growing the grid; values are checked before any change. */
export function writeBlock(
  ss: SpreadsheetState,
  sheet: SheetState,
  row: number,
  col: number,
  rows: unknown[][],
  option: ValueInputOption,
): Written | undefined {
  const locale = ss.properties.locale;
  const entered = rows.map((line, i) =>
    Array.from(line, (v, j) =>
      enterValue(v, option, `values[${i}][${j}]`, locale, isPlainText(getCell(sheet, row + i, col + j))),
    ),
  );
  const width = entered.reduce((w, l) => Math.max(w, l.length), 0);
  if (entered.length === 0 || width === 0) return undefined;
  growToFit(ss, sheet, row + entered.length - 1, col + width - 1);
  let updatedCells = 0;
  entered.forEach((line, i) => {
    line.forEach((e, j) => {
      if (e === null) return;
      const r = row + i;
      const c = col + j;
      setCell(sheet, r, c, applyEntered(getCell(sheet, r, c), e));
      updatedCells += 1;
    });
  });
  return {
    updatedRange: formatA1(sheet.properties.title, row, col, row + entered.length - 1, col + width - 1),
    updatedRows: entered.length,
    updatedColumns: width,
    updatedCells,
  };
}

export { Calc };
