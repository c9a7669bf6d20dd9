/**
 * Formula tokens, with their spans in the source so references can be rewritten in place when rows
 * or columns are inserted, deleted, or when a rule formula is applied at an offset.
 */
import { columnToIndex, indexToColumn, quoteSheetName } from '../a1.js';

export interface RefEnd {
  col?: number;
  row?: number;
  colAbs: boolean;
  rowAbs: boolean;
}

export type Token =
  | { t: 'num'; v: number; s: number; e: number }
  | { t: 'str'; v: string; s: number; e: number }
  | { t: 'bool'; v: boolean; s: number; e: number }
  | { t: 'err'; v: string; s: number; e: number }
  | { t: 'ref'; sheet?: string; a: RefEnd; b?: RefEnd; s: number; e: number }
  | { t: 'func'; v: string; s: number; e: number }
  | { t: 'name'; v: string; s: number; e: number }
  | { t: 'op'; v: string; s: number; e: number }
  | { t: 'punct'; v: '(' | ')' | ',' | ';' | '{' | '}'; s: number; e: number };

export class FormulaSyntaxError extends Error {}

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]{1,7}`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]{1,7}`;
const REF = new RegExp(
  String.raw`^(${SHEET})?(${CELL}(?::(?:${CELL}|${COL}|${ROW}))?|${COL}:(?:${CELL}|${COL})|${ROW}:(?:${CELL}|${ROW}))(?![\w(.!])`,
  'y',
);
const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const IDENT = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*/y;
const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!'];
const OPS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%'];

function refEnd(text: string): RefEnd {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)([0-9]+)?$/.exec(text) as RegExpExecArray;
  const end: RefEnd = { colAbs: m[1] === '$' && m[2] !== undefined, rowAbs: false };
  if (m[2] !== undefined) end.col = columnToIndex(m[2]);
  if (m[4] !== undefined) {
    end.row = Number(m[4]) - 1;
    end.rowAbs = m[2] === undefined ? m[1] === '$' : m[3] === '$';
  }
  return end;
}

function match(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text.slice(at));
}

/** Tokens of a formula body (the text after `=`), offsets relative to that body. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const s = i;
    if (ch === '"') {
      let v = '';
      i += 1;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError('Unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        v += src[i];
        i += 1;
      }
      out.push({ t: 'str', v, s, e: i });
      continue;
    }
    if (ch === '#') {
      const err = ERRORS.find((x) => src.startsWith(x, i));
      if (!err) throw new FormulaSyntaxError(`Unknown error literal at ${i}`);
      i += err.length;
      out.push({ t: 'err', v: err, s, e: i });
      continue;
    }
    const ref = match(REF, src, i);
    if (ref) {
      const [whole, sheetPart, rangePart] = ref as unknown as [string, string | undefined, string];
      const [a, b] = rangePart.split(':');
      let sheet: string | undefined;
      if (sheetPart) {
        const raw = sheetPart.slice(0, -1);
        sheet = raw.startsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : raw;
      }
      i += whole.length;
      const tok: Token = { t: 'ref', a: refEnd(a as string), s, e: i };
      if (b !== undefined) tok.b = refEnd(b);
      if (sheet !== undefined) tok.sheet = sheet;
      out.push(tok);
      continue;
    }
    const num = match(NUMBER, src, i);
    if (num) {
      i += num[0].length;
      out.push({ t: 'num', v: Number(num[0]), s, e: i });
      continue;
    }
    const id = match(IDENT, src, i);
    if (id) {
      i += id[0].length;
      let j = i;
      while (j < src.length && /\s/.test(src[j] as string)) j += 1;
      const upper = id[0].toUpperCase();
      if (src[j] === '(') out.push({ t: 'func', v: upper, s, e: i });
      else if (upper === 'TRUE' || upper === 'FALSE') out.push({ t: 'bool', v: upper === 'TRUE', s, e: i });
      else out.push({ t: 'name', v: id[0], s, e: i });
      continue;
    }
    if ('(),;{}'.includes(ch)) {
      i += 1;
      out.push({ t: 'punct', v: ch as '(' | ')' | ',' | ';' | '{' | '}', s, e: i });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new FormulaSyntaxError(`Unexpected character ${ch}`);
    i += op.length;
    out.push({ t: 'op', v: op, s, e: i });
  }
  return out;
}

export function formatRefEnd(end: RefEnd): string {
  const col = end.col === undefined ? '' : `${end.colAbs ? '$' : ''}${indexToColumn(end.col)}`;
  const row = end.row === undefined ? '' : `${end.rowAbs ? '$' : ''}${end.row + 1}`;
  return col + row;
}

export function formatRef(tok: Extract<Token, { t: 'ref' }>): string {
  const prefix = tok.sheet === undefined ? '' : `${quoteSheetName(tok.sheet)}!`;
  return `${prefix}${formatRefEnd(tok.a)}${tok.b ? `:${formatRefEnd(tok.b)}` : ''}`;
}

/**
 * Rewrites every reference in `formula` (with its `=`) through `fn`; `fn` returns the new token,
 * or undefined for a reference that no longer exists (written `#REF!`).
 */
export function mapRefs(
  formula: string,
  fn: (tok: Extract<Token, { t: 'ref' }>) => Extract<Token, { t: 'ref' }> | undefined,
): string {
  const body = formula.slice(1);
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch {
    return formula;
  }
  let out = '';
  let at = 0;
  for (const tok of tokens) {
    if (tok.t !== 'ref') continue;
    const next = fn(tok);
    out += body.slice(at, tok.s) + (next ? formatRef(next) : '#REF!');
    at = tok.e;
  }
  return `=${out}${body.slice(at)}`;
}
