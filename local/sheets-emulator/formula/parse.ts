/** A Pratt parser from formula tokens to an expression tree. */
import { FormulaSyntaxError, type RefEnd, type Token, tokenize } from './tokens.js';

export type Node =
  | { k: 'lit'; v: number | string | boolean }
  | { k: 'err'; v: string }
  | { k: 'ref'; sheet?: string; a: RefEnd; b?: RefEnd }
  | { k: 'name'; v: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'unary'; op: string; x: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'pct'; x: Node }
  | { k: 'array'; rows: Node[][] };

const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};
const UNARY = 6;

export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.startsWith('=') ? formula.slice(1) : formula);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isPunct = (v: string) => {
    const t = peek();
    return t?.t === 'punct' && t.v === v;
  };
  const expect = (v: string) => {
    if (!isPunct(v)) throw new FormulaSyntaxError(`Expected ${v}`);
    i += 1;
  };

  function primary(): Node {
    const tok = tokens[i];
    if (!tok) throw new FormulaSyntaxError('Unexpected end of formula');
    i += 1;
    switch (tok.t) {
      case 'num':
      case 'str':
      case 'bool':
        return { k: 'lit', v: tok.v };
      case 'err':
        return { k: 'err', v: tok.v };
      case 'ref': {
        const node: Node = { k: 'ref', a: tok.a };
        if (tok.b) node.b = tok.b;
        if (tok.sheet !== undefined) node.sheet = tok.sheet;
        return node;
      }
      case 'name':
        return { k: 'name', v: tok.v };
      case 'func': {
        expect('(');
        const args: Node[] = [];
        if (!isPunct(')')) {
          for (;;) {
            // An omitted argument (`IF(A1,,1)`) is a blank.
            args.push(isPunct(',') || isPunct(')') ? { k: 'lit', v: '' } : expr(0));
            if (isPunct(',') || isPunct(';')) {
              i += 1;
              continue;
            }
            break;
          }
        }
        expect(')');
        return { k: 'call', name: tok.v, args };
      }
      case 'op':
        if (tok.v === '-' || tok.v === '+') return { k: 'unary', op: tok.v, x: expr(UNARY) };
        throw new FormulaSyntaxError(`Unexpected ${tok.v}`);
      case 'punct':
        if (tok.v === '(') {
          const inner = expr(0);
          expect(')');
          return inner;
        }
        if (tok.v === '{') {
          const rows: Node[][] = [[]];
          for (;;) {
            (rows[rows.length - 1] as Node[]).push(expr(0));
            if (isPunct(',')) i += 1;
            else if (isPunct(';')) {
              i += 1;
              rows.push([]);
            } else break;
          }
          expect('}');
          return { k: 'array', rows };
        }
        throw new FormulaSyntaxError(`Unexpected ${tok.v}`);
    }
  }

  function expr(minPrec: number): Node {
    let left = primary();
    for (;;) {
      const tok = peek();
      if (tok?.t !== 'op') break;
      if (tok.v === '%') {
        i += 1;
        left = { k: 'pct', x: left };
        continue;
      }
      const prec = BINARY[tok.v];
      if (prec === undefined || prec < minPrec) break;
      i += 1;
      // Left-associative, as in Sheets (2^3^2 is 64).
      left = { k: 'bin', op: tok.v, a: left, b: expr(prec + 1) };
    }
    return left;
  }

  const node = expr(0);
  if (i < tokens.length) throw new FormulaSyntaxError('Unexpected token after the end of the formula');
  return node;
}
