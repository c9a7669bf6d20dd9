/**
 * What the grid page needs from the layout: the colour conditional formatting gives a cell, the
 * choices of a validation dropdown, and whether a typed value passes a cell's validation rule.
 */

import { mapRefs } from '../formula/tokens.js';
import { FErr, type Scalar } from '../formula/value.js';
import { readWindow, resolveRange } from '../grid.js';
import type { Cell, Json, SheetState, SpreadsheetState } from '../model.js';
import { type Calc, formattedText } from '../render.js';
import { instantToSerial } from '../serial.js';

const conditionValues = (cond: Json): string[] =>
  ((cond.values as Json[] | undefined) ?? []).map((v) => String(v.userEnteredValue ?? ''));

/** A rule formula as if written at (r, c): relative references move by the offset from the range's corner. */
function shifted(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return mapRefs(formula, (tok) => {
    const move = (end: typeof tok.a) => ({
      ...end,
      ...(end.row !== undefined && !end.rowAbs ? { row: end.row + dr } : {}),
      ...(end.col !== undefined && !end.colAbs ? { col: end.col + dc } : {}),
    });
    return tok.b ? { ...tok, a: move(tok.a), b: move(tok.b) } : { ...tok, a: move(tok.a) };
  });
}

const num = (v: Scalar) =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;

interface At {
  calc: Calc;
  sheet: SheetState;
  r: number;
  c: number;
  /** Top-left of the rule's range, for relative references in custom formulas. */
  r0: number;
  c0: number;
  now: () => number;
  timeZone: string;
}

/** Whether a BooleanCondition holds for `value` (the cell's effective value). */
export function conditionHolds(cond: Json, value: Scalar, at: At): boolean {
  const args = conditionValues(cond);
  const [a = '', b = ''] = args;
  const text = value === null ? '' : value instanceof FErr ? value.code : String(value);
  const n = num(value);
  switch (cond.type) {
    case 'BLANK':
      return text === '';
    case 'NOT_BLANK':
      return text !== '';
    case 'TEXT_EQ':
      return text.toLowerCase() === a.toLowerCase();
    case 'TEXT_NOT_EQ':
      return text.toLowerCase() !== a.toLowerCase();
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(a.toLowerCase());
    case 'TEXT_NOT_CONTAINS':
      return !text.toLowerCase().includes(a.toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.toLowerCase().startsWith(a.toLowerCase());
    case 'TEXT_ENDS_WITH':
      return text.toLowerCase().endsWith(a.toLowerCase());
    case 'TEXT_IS_EMAIL':
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
    case 'TEXT_IS_URL':
      return /^https?:\/\/\S+$/.test(text);
    case 'NUMBER_GREATER':
      return n > Number(a);
    case 'NUMBER_GREATER_THAN_EQ':
      return n >= Number(a);
    case 'NUMBER_LESS':
      return n < Number(a);
    case 'NUMBER_LESS_THAN_EQ':
      return n <= Number(a);
    case 'NUMBER_EQ':
      return n === Number(a);
    case 'NUMBER_NOT_EQ':
      return n !== Number(a);
    case 'NUMBER_BETWEEN':
      return n >= Number(a) && n <= Number(b);
    case 'NUMBER_NOT_BETWEEN':
      return !(n >= Number(a) && n <= Number(b));
    case 'BOOLEAN':
      return value === true || value === false || text === '';
    case 'ONE_OF_LIST':
      return text === '' || args.includes(text);
    case 'DATE_BEFORE':
    case 'DATE_AFTER':
    case 'DATE_ON_OR_BEFORE':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_EQ': {
      const rel = ((cond.values as Json[] | undefined)?.[0]?.relativeDate as string | undefined) ?? undefined;
      const today = Math.floor(instantToSerial(at.now(), at.timeZone));
      const offsets: Record<string, number> = {
        TODAY: 0,
        YESTERDAY: -1,
        TOMORROW: 1,
        PAST_WEEK: -7,
        PAST_MONTH: -30,
        PAST_YEAR: -365,
      };
      const ref = rel ? today + (offsets[rel] ?? 0) : num(a);
      if (!Number.isFinite(n)) return false;
      const d = Math.floor(n);
      return {
        DATE_BEFORE: d < ref,
        DATE_AFTER: d > ref,
        DATE_ON_OR_BEFORE: d <= ref,
        DATE_ON_OR_AFTER: d >= ref,
        DATE_EQ: d === ref,
      }[cond.type as string] as boolean;
    }
    case 'CUSTOM_FORMULA': {
      const result = at.calc.evaluateAt(at.sheet, at.r, at.c, shifted(a, at.r - at.r0, at.c - at.c0));
      return result === true || (typeof result === 'number' && result !== 0) || result === 'TRUE';
    }
    default:
      return false;
  }
}

const inRange = (gr: Json, sheetId: number, r: number, c: number) =>
  ((gr.sheetId as number | undefined) ?? 0) === sheetId &&
  r >= ((gr.startRowIndex as number | undefined) ?? 0) &&
  r < ((gr.endRowIndex as number | undefined) ?? Number.POSITIVE_INFINITY) &&
  c >= ((gr.startColumnIndex as number | undefined) ?? 0) &&
  c < ((gr.endColumnIndex as number | undefined) ?? Number.POSITIVE_INFINITY);

/** The first matching boolean rule's format for the cell (Sheets applies the first rule that matches). */
export function conditionalFormat(at: Omit<At, 'r0' | 'c0'>, value: Scalar): Json | undefined {
  const id = at.sheet.properties.sheetId;
  for (const rule of at.sheet.conditionalFormats) {
    const range = ((rule.ranges as Json[] | undefined) ?? []).find((gr) => inRange(gr, id, at.r, at.c));
    const br = rule.booleanRule as Json | undefined;
    if (!range || !br) continue;
    const where = {
      ...at,
      r0: (range.startRowIndex as number | undefined) ?? 0,
      c0: (range.startColumnIndex as number | undefined) ?? 0,
    };
    if (conditionHolds((br.condition ?? {}) as Json, value, where)) return br.format as Json | undefined;
  }
  return undefined;
}

/** The choices of a dropdown (ONE_OF_LIST, ONE_OF_RANGE, BOOLEAN), or undefined for other rules. */
export function dropdownOptions(
  ss: SpreadsheetState,
  calc: Calc,
  cell: Cell | undefined,
): string[] | undefined {
  const cond = cell?.dv?.condition as Json | undefined;
  if (!cond) return undefined;
  if (cond.type === 'ONE_OF_LIST') return conditionValues(cond);
  if (cond.type === 'BOOLEAN') return ['TRUE', 'FALSE'];
  if (cond.type === 'ONE_OF_RANGE') {
    const ref = conditionValues(cond)[0]?.replace(/^=/, '');
    if (!ref) return [];
    try {
      const r = resolveRange(ss, ref);
      return readWindow(r.sheet, r, 'ROWS')
        .flat()
        .map((c) => formattedText(c, c?.v ?? null))
        .filter((t) => t !== '');
    } catch {
      return [];
    }
  }
  void calc;
  return undefined;
}
