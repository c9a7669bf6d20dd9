/**
 * Functions evaluated here rather than by formulajs: the lazy ones (IF, IFERROR), the ones that need
 * the grid or the emulator's clock (ROW, TODAY), and the ones where Sheets differs from Excel or
 * formulajs (COUNTA counts empty strings, TEXT uses Sheets number formats, HYPERLINK shows its label).
 */
import { formatNumber } from '../format.js';
import { instantToSerial, partsToSerial } from '../serial.js';
import {
  type EvalHost,
  FErr,
  isMatrix,
  type Lazy,
  type Matrix,
  type Scalar,
  scalar,
  toNumber,
  toText,
  type Value,
} from './value.js';

type Fn = (args: Lazy[], host: EvalHost) => Value;

const argCount = (name: string, args: Lazy[], min: number, max: number): FErr | undefined =>
  args.length < min || args.length > max
    ? new FErr('#N/A', `Wrong number of arguments to ${name}. Expected between ${min} and ${max} arguments.`)
    : undefined;

function truthy(v: Scalar): boolean | FErr {
  if (v instanceof FErr) return v;
  if (typeof v === 'string') {
    const u = v.toUpperCase();
    if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
    if (v === '') return false;
    return new FErr('#VALUE!', `IF expects boolean values. But '${v}' is a text and cannot be coerced.`);
  }
  return Boolean(v);
}

const cells = (v: Value): Scalar[] => (isMatrix(v) ? v.flat() : [v]);

const is =
  (test: (v: Scalar) => boolean): Fn =>
  (args) =>
    argCount('IS', args, 1, 1) ?? test(scalar((args[0] as Lazy)()));

function dims(v: Value): [number, number] {
  return isMatrix(v) ? [v.length, v[0]?.length ?? 0] : [1, 1];
}

export const SHEET_FUNCTIONS: Record<string, Fn> = {
  IF: (args) => {
    const bad = argCount('IF', args, 2, 3);
    if (bad) return bad;
    const cond = truthy(scalar((args[0] as Lazy)()));
    if (cond instanceof FErr) return cond;
    if (cond) return (args[1] as Lazy)();
    return args[2] ? args[2]() : false;
  },
  IFERROR: (args) => {
    const bad = argCount('IFERROR', args, 1, 2);
    if (bad) return bad;
    const v = (args[0] as Lazy)();
    return scalar(v) instanceof FErr ? (args[1] ? args[1]() : null) : v;
  },
  IFNA: (args) => {
    const bad = argCount('IFNA', args, 2, 2);
    if (bad) return bad;
    const v = (args[0] as Lazy)();
    const s = scalar(v);
    return s instanceof FErr && s.code === '#N/A' ? (args[1] as Lazy)() : v;
  },
  ISERROR: is((v) => v instanceof FErr),
  ISNA: is((v) => v instanceof FErr && v.code === '#N/A'),
  ISBLANK: is((v) => v === null),
  ISNUMBER: is((v) => typeof v === 'number'),
  ISTEXT: is((v) => typeof v === 'string'),
  ISLOGICAL: is((v) => typeof v === 'boolean'),
  ROW: (args, host) => {
    if (!args[0]) return host.row + 1;
    return new FErr('#N/A', 'ROW with a reference is not supported by the Sheets emulator.');
  },
  COLUMN: (args, host) => {
    if (!args[0]) return host.col + 1;
    return new FErr('#N/A', 'COLUMN with a reference is not supported by the Sheets emulator.');
  },
  ROWS: (args) => argCount('ROWS', args, 1, 1) ?? dims((args[0] as Lazy)())[0],
  COLUMNS: (args) => argCount('COLUMNS', args, 1, 1) ?? dims((args[0] as Lazy)())[1],
  TODAY: (args, host) =>
    argCount('TODAY', args, 0, 0) ?? Math.floor(instantToSerial(host.now(), host.timeZone)),
  NOW: (args, host) => argCount('NOW', args, 0, 0) ?? instantToSerial(host.now(), host.timeZone),
  DATE: (args) => {
    const bad = argCount('DATE', args, 3, 3);
    if (bad) return bad;
    const [y, m, d] = args.map((a) => toNumber(scalar(a())));
    for (const n of [y, m, d]) if (n instanceof FErr) return n;
    return partsToSerial({ year: y as number, month: m as number, day: d as number });
  },
  HYPERLINK: (args) => {
    const bad = argCount('HYPERLINK', args, 1, 2);
    if (bad) return bad;
    return scalar((args[1] ?? (args[0] as Lazy))());
  },
  COUNTA: (args) => args.flatMap((a) => cells(a())).filter((v) => v !== null).length,
  COUNTBLANK: (args) =>
    argCount('COUNTBLANK', args, 1, 1) ??
    cells((args[0] as Lazy)()).filter((v) => v === null || v === '').length,
  TEXT: (args) => {
    const bad = argCount('TEXT', args, 2, 2);
    if (bad) return bad;
    const v = scalar((args[0] as Lazy)());
    const pattern = toText(scalar((args[1] as Lazy)()));
    if (pattern instanceof FErr) return pattern;
    if (v instanceof FErr) return v;
    const n = typeof v === 'string' ? Number(v) : toNumber(v);
    if (typeof v === 'string' && !Number.isFinite(n)) return v;
    return formatNumber(n as number, pattern);
  },
  CONCAT: (args) => {
    const parts = args.map((a) => toText(scalar(a())));
    const err = parts.find((p) => p instanceof FErr);
    return err ?? parts.join('');
  },
  ARRAYFORMULA: (args) => (args[0] ? args[0]() : new FErr('#N/A', 'ARRAYFORMULA needs an argument.')),
  TRANSPOSE: (args) => {
    const v = (args[0] as Lazy)();
    if (!isMatrix(v)) return v;
    const out: Matrix = [];
    v.forEach((row, r) => {
      row.forEach((x, c) => {
        out[c] ??= [];
        (out[c] as Scalar[])[r] = x;
      });
    });
    return out;
  },
};
