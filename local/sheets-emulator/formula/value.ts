/** The values a formula works with, and their coercions (shared by the evaluator and the functions). */
import { formatGeneral } from '../format.js';

export class FErr {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export type Scalar = number | string | boolean | null | FErr;
export type Matrix = Scalar[][];
export type Value = Scalar | Matrix;

export interface EvalHost {
  /** The value of a cell (formulas evaluated); null when blank. */
  cell(sheet: string | undefined, row: number, col: number): Scalar;
  /** Data height and width of a sheet, for open ranges such as `A:A`; undefined if no such sheet. */
  size(sheet: string | undefined): { rows: number; cols: number } | undefined;
  /** Where the formula sits (0-based), for ROW() and COLUMN(). */
  row: number;
  col: number;
  /** Current time in ms and the spreadsheet's time zone, for TODAY() and NOW(). */
  now(): number;
  timeZone: string;
}

export const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

export function toNumber(v: Scalar): number | FErr {
  if (v instanceof FErr) return v;
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v.trim());
  return v.trim() !== '' && Number.isFinite(n)
    ? n
    : new FErr('#VALUE!', `Function expects a number, "${v}" is text.`);
}

export function toText(v: Scalar): string | FErr {
  if (v instanceof FErr) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatGeneral(v);
  return v;
}

export function scalar(v: Value): Scalar {
  if (!isMatrix(v)) return v;
  return v[0]?.[0] ?? null;
}

export type Lazy = () => Value;
