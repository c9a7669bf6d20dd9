import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueRowsParser } from '../../../shared/adapters/sheets/value-rows.js';
import type { CellValue } from '../../../shared/ports/sheet-gateway.js';

/** Feeds `bytes` to a parser in chunks cut at `cuts`, and answers every range's rows as visited. */
function parse(bytes: Uint8Array, cuts: number[] = []): CellValue[][][] {
  const out: CellValue[][][] = [];
  const parser = new ValueRowsParser((range, index, cells) => {
    out[range] ??= [];
    (out[range] as CellValue[][])[index] = cells;
  });
  let from = 0;
  for (const at of [...new Set(cuts)].sort((a, b) => a - b)) {
    parser.write(bytes.subarray(from, at));
    from = at;
  }
  parser.write(bytes.subarray(from));
  parser.end();
  return out;
}

const answer = (ranges: CellValue[][][]) => ({
  spreadsheetId: 'id "with" [brackets] {and} \\ "values": [[1]]',
  valueRanges: ranges.map((values, i) => ({
    range: `'Ca"ses'!A${i + 1}:B`,
    majorDimension: 'ROWS',
    ...(values.length ? { values } : {}),
  })),
});
const bytesOf = (v: unknown, space?: number) => Buffer.from(JSON.stringify(v, null, space), 'utf8');

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', ':', 'a', '客', '😀', '\n') }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);

describe('ValueRowsParser', () => {
  it('hands every row of every range, whatever the cells hold and wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom(undefined, 2),
        (ranges, cuts, space) => {
          const bytes = bytesOf(answer(ranges), space);
          const got = parse(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          );
          // A range without values comes back as no rows, as `read` answers it.
          expect(ranges.map((_, i) => got[i] ?? [])).toEqual(JSON.parse(JSON.stringify(ranges)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts inside a multi-byte character and between a backslash and what it escapes', () => {
    const rows = [['a\\"b', '客"户', '\\\\', '😀']];
    const bytes = bytesOf(answer([rows]));
    for (let at = 1; at < bytes.length; at++) expect(parse(bytes, [at])).toEqual([rows]);
  });

  it('refuses an answer cut short', () => {
    const bytes = bytesOf(answer([[['a'], ['b']]]));
    expect(() => parse(bytes.subarray(0, bytes.length - 3))).toThrow(/ended early/);
  });
});
