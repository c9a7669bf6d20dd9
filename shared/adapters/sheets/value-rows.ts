/**
 * The rows of a `values.batchGet` answer as its bytes arrive, so a tab of 50,000 rows is never held
 * whole: not as bytes, not as one string, not as one parsed tree. The answer is
 * `{ "valueRanges": [ { "values": [ [row], [row], … ], … }, … ], … }`; this scans its bytes for the
 * structure only and hands each row (each element of a `values` array) to JSON.parse on its own.
 *
 * Scanning bytes is safe for UTF-8: every byte of a multi-byte character is ≥ 0x80, so none is
 * mistaken for a quote, bracket, brace, colon or comma. A string ends at a quote preceded by an even
 * number of backslashes (found with indexOf, at native speed). Anything else in the answer (`range`,
 * `majorDimension`, `spreadsheetId`) is skipped.
 */
import type { CellValue } from '../../ports/sheet-gateway.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COLON = 0x3a;
const COMMA = 0x2c;

/** Where a container sits: only the path root → valueRanges → a range → values → a row matters. */
type Role = 'root' | 'ranges' | 'range' | 'values' | 'other';

interface Frame {
  kind: 'object' | 'array';
  role: Role;
  /** Objects: the last key read, and whether a key comes next. */
  key: string;
  expectKey: boolean;
}

/** A row of range `range` (the request's order), `index` rows below the range's first (0-based). */
export type RowVisitor = (range: number, index: number, cells: CellValue[]) => void;

const concat = (pieces: Uint8Array[]): Uint8Array =>
  pieces.length === 1 ? (pieces[0] as Uint8Array) : Buffer.concat(pieces);

export class ValueRowsParser {
  private readonly stack: Frame[] = [];
  private inString = false;
  /** Backslashes that ended the previous chunk inside a string. */
  private backslashes = 0;
  /** The bytes of an object key being read (keys are compared; other strings are only skipped). */
  private key: Uint8Array[] | undefined;
  /** The bytes of the row being read, and how deep in brackets it is. */
  private row: Uint8Array[] | undefined;
  private rowDepth = 0;
  private range = -1;
  private index = 0;
  private started = false;
  private done = false;

  constructor(private readonly visit: RowVisitor) {}

  write(chunk: Uint8Array): void {
    const n = chunk.length;
    let rowStart = this.row ? 0 : -1;
    let keyStart = this.key ? 0 : -1;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        const q = chunk.indexOf(QUOTE, i);
        const end = q < 0 ? n : q;
        let k = end;
        while (k > i && chunk[k - 1] === BACKSLASH) k--;
        const run = k === i ? this.backslashes + (end - i) : end - k;
        if (q < 0) {
          this.backslashes = run;
          break;
        }
        this.backslashes = 0;
        i = q + 1;
        if (run % 2 === 1) continue; // an escaped quote: still in the string
        this.inString = false;
        if (this.key) {
          this.key.push(chunk.subarray(keyStart, q));
          this.endKey();
          keyStart = -1;
        }
        continue;
      }
      const b = chunk[i] as number;
      if (this.row) {
        if (b === QUOTE) this.inString = true;
        else if (b === OPEN_ARRAY || b === OPEN_OBJECT) this.rowDepth++;
        else if ((b === CLOSE_ARRAY || b === CLOSE_OBJECT) && --this.rowDepth === 0) {
          this.row.push(chunk.subarray(rowStart, i + 1));
          this.emitRow();
          rowStart = -1;
        }
        i++;
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (b === QUOTE) {
        this.inString = true;
        if (top?.kind === 'object' && top.expectKey) {
          this.key = [];
          keyStart = i + 1;
        }
      } else if (b === OPEN_ARRAY && top?.role === 'values') {
        this.row = [];
        this.rowDepth = 1;
        rowStart = i;
      } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
        this.open(top, b === OPEN_ARRAY ? 'array' : 'object');
      } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
        this.stack.pop();
        if (this.started && this.stack.length === 0) this.done = true;
      } else if (b === COLON && top?.kind === 'object') {
        top.expectKey = false;
      } else if (b === COMMA && top?.kind === 'object') {
        top.expectKey = true;
      }
      i++;
    }
    if (this.row && rowStart >= 0) this.row.push(chunk.subarray(rowStart));
    if (this.key && keyStart >= 0) this.key.push(chunk.subarray(keyStart));
  }

  /** Throws unless the whole answer arrived. */
  end(): void {
    if (!this.done || this.inString || this.row || this.stack.length) {
      throw new Error('the values.batchGet answer ended early');
    }
  }

  private open(parent: Frame | undefined, kind: Frame['kind']): void {
    let role: Role = 'other';
    if (!parent) role = kind === 'object' ? 'root' : 'other';
    else if (parent.role === 'root' && parent.key === 'valueRanges' && kind === 'array') role = 'ranges';
    else if (parent.role === 'ranges' && kind === 'object') role = 'range';
    else if (parent.role === 'range' && parent.key === 'values' && kind === 'array') role = 'values';
    if (role === 'range') {
      this.range++;
      this.index = 0;
    }
    if (!parent) this.started = true;
    this.stack.push({ kind, role, key: '', expectKey: kind === 'object' });
  }

  private endKey(): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.key = utf8.decode(concat(this.key ?? []));
    this.key = undefined;
  }

  private emitRow(): void {
    const bytes = concat(this.row ?? []);
    this.row = undefined;
    this.visit(this.range, this.index++, JSON.parse(utf8.decode(bytes)) as CellValue[]);
  }
}
