/**
 * A1 notation, as the Sheets API v4 reads it: `Tab!A1:C10`, `'Tab with spaces'!A:C`, `Tab!2:5`,
 * `Tab` (whole sheet), `A1:B2` (first sheet), open-ended ranges such as `Tab!A2:C`, `$A$1`, and
 * columns beyond Z (`AA`, `ZZZ`). R1C1 notation and named ranges are not supported.
 *
 * Indexes here are 0-based and inclusive; `undefined` on an end means "to the end of the grid".
 */
export interface A1Range {
  /** Sheet title as written (quotes removed); undefined means the first sheet. */
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export class A1ParseError extends Error {
  constructor(readonly input: string) {
    super(`Unable to parse range: ${input}`);
    this.name = 'A1ParseError';
  }
}

/** Google's limits: 18,278 columns (ZZZ) and 10 million cells, so never more rows than that. */
export const MAX_COLUMNS = 18_278;
export const MAX_ROWS = 10_000_000;

export function columnToIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`Not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function indexToColumn(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`Not a column index: ${index}`);
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface Endpoint {
  col?: number;
  row?: number;
}

const ENDPOINT = /^(?:\$?([A-Za-z]{1,3}))?(?:\$?([0-9]{1,8}))?$/;

function parseEndpoint(text: string): Endpoint | undefined {
  const m = ENDPOINT.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const ep: Endpoint = {};
  if (m[1] !== undefined) ep.col = columnToIndex(m[1]);
  if (m[2] !== undefined) {
    const row = Number(m[2]);
    if (row < 1 || row > MAX_ROWS) return undefined;
    ep.row = row - 1;
  }
  return ep;
}

/** Parses the part after `!`; undefined when it is not a cell or range reference. */
function parseRangePart(text: string): Omit<A1Range, 'sheetName'> | undefined {
  const parts = text.split(':');
  if (parts.length === 1) {
    const ep = parseEndpoint(text);
    if (ep?.col === undefined || ep.row === undefined) return undefined;
    return { startRow: ep.row, startCol: ep.col, endRow: ep.row, endCol: ep.col };
  }
  if (parts.length !== 2) return undefined;
  const a = parseEndpoint(parts[0] ?? '');
  const b = parseEndpoint(parts[1] ?? '');
  if (!a || !b) return undefined;
  // `A:5` or `5:A` mixes a bare column with a bare row: not a range.
  if ((a.row === undefined && b.col === undefined) || (a.col === undefined && b.row === undefined)) {
    return undefined;
  }
  const [startRow, endRow] = bounds(a.row, b.row);
  const [startCol, endCol] = bounds(a.col, b.col);
  const out: Omit<A1Range, 'sheetName'> = {};
  if (startRow !== undefined) out.startRow = startRow;
  if (startCol !== undefined) out.startCol = startCol;
  if (endRow !== undefined) out.endRow = endRow;
  if (endCol !== undefined) out.endCol = endCol;
  return out;
}

/** Both present: sorted (Google accepts `B2:A1`). Only one: it stays a start (`A2:C`) or an end (`A:C5`). */
function bounds(a: number | undefined, b: number | undefined): [number | undefined, number | undefined] {
  if (a !== undefined && b !== undefined) return a <= b ? [a, b] : [b, a];
  return [a, b];
}

export function parseA1(input: string): A1Range {
  const text = input.trim();
  if (text === '') throw new A1ParseError(input);
  let sheetName: string | undefined;
  let rest: string | undefined;
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= text.length) throw new A1ParseError(input);
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    sheetName = name;
    const after = text.slice(i + 1);
    if (after === '') rest = undefined;
    else if (after.startsWith('!')) rest = after.slice(1);
    else throw new A1ParseError(input);
  } else {
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      sheetName = text.slice(0, bang);
      rest = text.slice(bang + 1);
    } else {
      const asRange = parseRangePart(text);
      if (asRange) return asRange;
      sheetName = text;
    }
  }
  if (sheetName === '') throw new A1ParseError(input);
  if (rest === undefined) return { sheetName };
  const range = parseRangePart(rest);
  if (!range) throw new A1ParseError(input);
  return { sheetName, ...range };
}

/** Sheet title as Google writes it in ranges it returns: quoted unless a plain identifier. */
export function quoteSheetName(title: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}[0-9]+$/.test(title);
  if (plain && !/^R[0-9]*C[0-9]*$/i.test(title)) return title;
  return `'${title.replaceAll("'", "''")}'`;
}

/** `Tab!A1:C3` (or `Tab!B2` for one cell) from 0-based inclusive bounds. */
export function formatA1(title: string, r0: number, c0: number, r1: number, c1: number): string {
  const start = `${indexToColumn(c0)}${r0 + 1}`;
  const end = `${indexToColumn(c1)}${r1 + 1}`;
  return `${quoteSheetName(title)}!${start === end ? start : `${start}:${end}`}`;
}

/** The range part as requested, open ends kept (for error messages). */
export function formatA1Part(r: A1Range): string {
  const ep = (col?: number, row?: number) =>
    `${col === undefined ? '' : indexToColumn(col)}${row === undefined ? '' : row + 1}`;
  const start = ep(r.startCol ?? (r.endCol === undefined ? undefined : 0), r.startRow);
  const end = ep(r.endCol, r.endRow);
  if (start === '' && end === '') return '';
  return start === end ? start : `${start}:${end}`;
}
