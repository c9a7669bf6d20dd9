/**
 * Evaluates a parsed formula. Functions come from @formulajs/formulajs (MIT, maintained), except the
 * ones Sheets answers differently or that need the grid or the clock (functions.ts); an unknown
 * function is `#NAME?`, as in Sheets. Arrays do not spill: a range used where one value is expected
 * gives its top-left value.
 */
import * as formulajs from '@formulajs/formulajs';
import { SHEET_FUNCTIONS } from './functions.js';
import type { Node } from './parse.js';
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

const typeRank = (v: Scalar) => (typeof v === 'number' || v === null ? 0 : typeof v === 'string' ? 1 : 2);

function compare(a: Scalar, b: Scalar): number {
  const ra = a === null ? typeRank(b) : typeRank(a);
  const rb = b === null ? typeRank(a) : typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (Number(a ?? 0) as number) - (Number(b ?? 0) as number);
  if (ra === 1) return String(a ?? '').localeCompare(String(b ?? ''), undefined, { sensitivity: 'accent' });
  return Number(a ?? false) - Number(b ?? false);
}

function binary(op: string, x: Scalar, y: Scalar): Scalar {
  if (x instanceof FErr) return x;
  if (y instanceof FErr) return y;
  if (op === '&') return `${toText(x) as string}${toText(y) as string}`;
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(x, y);
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op] as boolean;
  }
  const a = toNumber(x);
  const b = toNumber(y);
  if (a instanceof FErr) return a;
  if (b instanceof FErr) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new FErr('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.') : a / b;
    default: {
      const p = a ** b;
      return Number.isFinite(p) ? p : new FErr('#NUM!', 'Result is not a finite number.');
    }
  }
}

function range(node: Extract<Node, { k: 'ref' }>, host: EvalHost): Value {
  const size = host.size(node.sheet);
  if (!size) return new FErr('#REF!', `Unresolved sheet name '${node.sheet}'.`);
  const { a, b } = node;
  if (!b) return host.cell(node.sheet, a.row ?? 0, a.col ?? 0);
  const low = (x: number | undefined, y: number | undefined) => Math.min(x ?? y ?? 0, y ?? x ?? 0);
  const r0 = a.row === undefined && b.row === undefined ? 0 : low(a.row, b.row);
  const c0 = a.col === undefined && b.col === undefined ? 0 : low(a.col, b.col);
  const r1 = a.row === undefined || b.row === undefined ? size.rows - 1 : Math.max(a.row, b.row);
  const c1 = a.col === undefined || b.col === undefined ? size.cols - 1 : Math.max(a.col, b.col);
  const out: Matrix = [];
  for (let r = r0; r <= r1; r += 1) {
    const line: Scalar[] = [];
    for (let c = c0; c <= c1; c += 1) line.push(host.cell(node.sheet, r, c));
    out.push(line);
  }
  return out.length ? out : [[null]];
}

export function evaluate(node: Node, host: EvalHost): Value {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'err':
      return new FErr(node.v, 'Error literal.');
    case 'ref':
      return range(node, host);
    case 'name':
      return new FErr('#NAME?', `Unknown range name: '${node.v}'.`);
    case 'array':
      return node.rows.map((row) => row.map((n) => scalar(evaluate(n, host))));
    case 'unary': {
      const n = toNumber(scalar(evaluate(node.x, host)));
      return n instanceof FErr || node.op === '+' ? n : -n;
    }
    case 'pct': {
      const n = toNumber(scalar(evaluate(node.x, host)));
      return n instanceof FErr ? n : n / 100;
    }
    case 'bin':
      return binary(node.op, scalar(evaluate(node.a, host)), scalar(evaluate(node.b, host)));
    case 'call':
      return call(
        node.name,
        node.args.map((n) => () => evaluate(n, host)),
        host,
      );
  }
}

function firstError(v: Value): FErr | undefined {
  if (v instanceof FErr) return v;
  if (isMatrix(v)) for (const row of v) for (const x of row) if (x instanceof FErr) return x;
  return undefined;
}

function fromLibrary(result: unknown): Value {
  if (result instanceof Error) return new FErr(result.message, `Error from the function: ${result.message}`);
  if (result instanceof Date) return result.getTime() / 86_400_000 + 25_569;
  if (typeof result === 'number') {
    return Number.isFinite(result) ? result : new FErr('#NUM!', 'Result is not a finite number.');
  }
  if (result === undefined || result === null) return null;
  if (typeof result === 'string' || typeof result === 'boolean') return result;
  if (Array.isArray(result)) {
    const rows = (Array.isArray(result[0]) ? result : [result]) as unknown[][];
    return rows.map((r) => r.map((x) => scalar(fromLibrary(x))));
  }
  return new FErr('#VALUE!', 'Unsupported result type.');
}

const LIBRARY = formulajs as unknown as Record<string, unknown>;

export function call(name: string, args: Lazy[], host: EvalHost): Value {
  const own = SHEET_FUNCTIONS[name];
  if (own) return own(args, host);
  const fn = LIBRARY[name] ?? LIBRARY[name.replaceAll('.', '')];
  if (typeof fn !== 'function') return new FErr('#NAME?', `Unknown function: '${name}'.`);
  const values = args.map((a) => a());
  const err = values.map(firstError).find((e) => e !== undefined);
  if (err) return err;
  try {
    return fromLibrary((fn as (...a: unknown[]) => unknown)(...values));
  } catch (e) {
    return new FErr('#VALUE!', (e as Error).message);
  }
}
