/**
 * Effective values (formulas evaluated, per request and memoised) and how a cell is rendered for
 * each ValueRenderOption / DateTimeRenderOption.
 */

import { formatGeneral, formatWith, isDateType, type NumberFormat } from './format.js';
import { evaluate } from './formula/evaluate.js';
import { type Node, parseFormula } from './formula/parse.js';
import { type EvalHost, FErr, type Scalar, scalar } from './formula/value.js';
import {
  type Cell,
  type CellValue,
  findSheetByTitle,
  invalid,
  type SheetState,
  type SpreadsheetState,
} from './model.js';

export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateTimeRenderOption = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

export function parseRenderOption(raw: unknown, name = 'value_render_option'): ValueRenderOption {
  if (raw === undefined || raw === null || raw === '') return 'FORMATTED_VALUE';
  if (raw !== 'FORMATTED_VALUE' && raw !== 'UNFORMATTED_VALUE' && raw !== 'FORMULA') {
    throw invalid(`Invalid value at '${name}' (TYPE_ENUM), "${String(raw)}"`);
  }
  return raw;
}

export function parseDateTimeRenderOption(
  raw: unknown,
  name = 'date_time_render_option',
): DateTimeRenderOption {
  if (raw === undefined || raw === null || raw === '') return 'SERIAL_NUMBER';
  if (raw !== 'SERIAL_NUMBER' && raw !== 'FORMATTED_STRING') {
    throw invalid(`Invalid value at '${name}' (TYPE_ENUM), "${String(raw)}"`);
  }
  return raw;
}

const parsed = new Map<string, Node | FErr>();

function ast(formula: string): Node | FErr {
  let node = parsed.get(formula);
  if (!node) {
    try {
      node = parseFormula(formula);
    } catch (e) {
      node = new FErr('#ERROR!', `Formula parse error. ${(e as Error).message}`);
    }
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(formula, node);
  }
  return node;
}

const PENDING = Symbol('pending');

/** One calculation pass over a spreadsheet: each formula cell is evaluated at most once. */
export class Calc {
  private readonly memo = new Map<SheetState, Map<number, Scalar | typeof PENDING>>();
  private readonly widths = new Map<SheetState, number>();

  constructor(
    private readonly ss: SpreadsheetState,
    private readonly now: () => number,
  ) {}

  /** The value a cell shows before formatting: a formula's result, or the entered value. */
  value(sheet: SheetState, r: number, c: number): Scalar {
    const cell = sheet.rows[r]?.[c];
    if (!cell) return null;
    if (cell.f === undefined) return cell.v ?? null;
    let memo = this.memo.get(sheet);
    if (!memo) {
      memo = new Map();
      this.memo.set(sheet, memo);
    }
    const key = r * 20_000 + c;
    const got = memo.get(key);
    if (got === PENDING) return new FErr('#REF!', 'Circular dependency detected.');
    if (got !== undefined) return got;
    memo.set(key, PENDING);
    const result = this.evaluateAt(sheet, r, c, cell.f);
    memo.set(key, result);
    return result;
  }

  /** Evaluates `formula` as if it sat in (r, c) of `sheet` (conditional-format custom formulas too). */
  evaluateAt(sheet: SheetState, r: number, c: number, formula: string): Scalar {
    const node = ast(formula);
    if (node instanceof FErr) return node;
    const result = scalar(evaluate(node, this.host(sheet, r, c)));
    return result === null ? '' : result;
  }

  private resolve(name: string | undefined, home: SheetState): SheetState | undefined {
    return name === undefined ? home : findSheetByTitle(this.ss, name);
  }

  private host(home: SheetState, row: number, col: number): EvalHost {
    return {
      row,
      col,
      timeZone: this.ss.properties.timeZone,
      now: this.now,
      cell: (name, r, c) => {
        const s = this.resolve(name, home);
        return s ? this.value(s, r, c) : new FErr('#REF!', `Unresolved sheet name '${name}'.`);
      },
      size: (name) => {
        const s = this.resolve(name, home);
        if (!s) return undefined;
        let width = this.widths.get(s);
        if (width === undefined) {
          width = s.rows.reduce((w, line) => Math.max(w, line?.length ?? 0), 0);
          this.widths.set(s, width);
        }
        return { rows: s.rows.length, cols: width };
      },
    };
  }
}

export const numberFormatOf = (cell: Cell | undefined) =>
  (cell?.fmt?.numberFormat ?? undefined) as NumberFormat | undefined;

/** The text FORMATTED_VALUE shows for an effective value in this cell. */
export function formattedText(cell: Cell | undefined, value: Scalar): string {
  if (value === null) return '';
  if (value instanceof FErr) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const nf = numberFormatOf(cell);
    return nf && nf.type !== 'TEXT' ? formatWith(value, nf) : formatGeneral(value);
  }
  return value;
}

export interface RenderOptions {
  render: ValueRenderOption;
  dates: DateTimeRenderOption;
}

/** A cell as `values.get` returns it. */
export function renderCell(
  calc: Calc,
  sheet: SheetState,
  r: number,
  c: number,
  cell: Cell | undefined,
  opts: RenderOptions,
): CellValue {
  if (!cell) return '';
  if (opts.render === 'FORMULA' && cell.f !== undefined) return cell.f;
  const value = cell.f === undefined ? (cell.v ?? null) : calc.value(sheet, r, c);
  if (opts.render === 'FORMATTED_VALUE') return formattedText(cell, value);
  if (value === null) return '';
  if (value instanceof FErr) return value.code;
  if (typeof value === 'number' && opts.dates === 'FORMATTED_STRING' && isDateType(numberFormatOf(cell))) {
    return formattedText(cell, value);
  }
  return value;
}
