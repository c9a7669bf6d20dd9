import { describe, expect, it } from 'vitest';
import {
  A1ParseError,
  columnToIndex,
  formatA1,
  indexToColumn,
  parseA1,
  quoteSheetName,
} from '../../local/sheets-emulator/a1.js';

describe('column letters', () => {
  it.each([
    ['A', 0],
    ['Z', 25],
    ['AA', 26],
    ['AZ', 51],
    ['BA', 52],
    ['ZZ', 701],
    ['AAA', 702],
    ['ZZZ', 18_277],
  ])('%s <-> %i', (letters, index) => {
    expect(columnToIndex(letters)).toBe(index);
    expect(columnToIndex(letters.toLowerCase())).toBe(index);
    expect(indexToColumn(index)).toBe(letters);
  });

  it('round-trips every column', () => {
    const indexes = Array.from({ length: 18_278 }, (_, i) => i);
    expect(indexes.map((i) => columnToIndex(indexToColumn(i)))).toEqual(indexes);
  });
});

describe('parseA1', () => {
  it('reads a bounded range on a named sheet', () => {
    expect(parseA1('Tab!A1:C10')).toEqual({
      sheetName: 'Tab',
      startRow: 0,
      startCol: 0,
      endRow: 9,
      endCol: 2,
    });
  });

  it('reads a single cell', () => {
    expect(parseA1('Tab!B3')).toEqual({ sheetName: 'Tab', startRow: 2, startCol: 1, endRow: 2, endCol: 1 });
  });

  it('reads a quoted sheet name with spaces and whole columns', () => {
    expect(parseA1("'Tab with spaces'!A:C")).toEqual({
      sheetName: 'Tab with spaces',
      startCol: 0,
      endCol: 2,
    });
  });

  it('unescapes doubled quotes in sheet names', () => {
    expect(parseA1("'It''s ours'!A1")).toMatchObject({ sheetName: "It's ours", startRow: 0 });
    expect(parseA1("'It''s ours'")).toEqual({ sheetName: "It's ours" });
  });

  it('reads whole rows', () => {
    expect(parseA1('Tab!2:5')).toEqual({ sheetName: 'Tab', startRow: 1, endRow: 4 });
  });

  it('treats a bare name as the whole sheet', () => {
    expect(parseA1('Cases')).toEqual({ sheetName: 'Cases' });
    expect(parseA1('案件')).toEqual({ sheetName: '案件' });
    expect(parseA1("'Tab with spaces'")).toEqual({ sheetName: 'Tab with spaces' });
  });

  it('treats a bare range as the first sheet', () => {
    expect(parseA1('A1:B2')).toEqual({ startRow: 0, startCol: 0, endRow: 1, endCol: 1 });
    expect(parseA1('C7')).toEqual({ startRow: 6, startCol: 2, endRow: 6, endCol: 2 });
  });

  it('keeps open ends open', () => {
    expect(parseA1('Tab!A2:C')).toEqual({ sheetName: 'Tab', startRow: 1, startCol: 0, endCol: 2 });
    expect(parseA1('Tab!A:C5')).toEqual({ sheetName: 'Tab', startCol: 0, endRow: 4, endCol: 2 });
  });

  it('reads columns beyond Z, lowercase and absolute references', () => {
    expect(parseA1('Tab!AA1:AB2')).toMatchObject({ startCol: 26, endCol: 27 });
    expect(parseA1('tab!b2:c3')).toEqual({
      sheetName: 'tab',
      startRow: 1,
      startCol: 1,
      endRow: 2,
      endCol: 2,
    });
    expect(parseA1('Tab!$A$1:$B$2')).toEqual({
      sheetName: 'Tab',
      startRow: 0,
      startCol: 0,
      endRow: 1,
      endCol: 1,
    });
  });

  it('normalises reversed corners', () => {
    expect(parseA1('Tab!C3:A1')).toEqual({
      sheetName: 'Tab',
      startRow: 0,
      startCol: 0,
      endRow: 2,
      endCol: 2,
    });
  });

  it('splits an unquoted name at the last "!"', () => {
    expect(parseA1('Tab with spaces!A1')).toMatchObject({ sheetName: 'Tab with spaces', startRow: 0 });
  });

  it.each([
    '',
    'Tab!',
    '!A1',
    'Tab!A',
    'Tab!5',
    'Tab!A0',
    'Tab!A:5',
    'Tab!1:C',
    'Tab!A1:B2:C3',
    'Tab!ABCD1',
    "'Unclosed!A1",
    "'Tab'A1",
    'Tab!A1-B2',
  ])('rejects %j', (input) => {
    expect(() => parseA1(input)).toThrow(A1ParseError);
    expect(() => parseA1(input)).toThrow(`Unable to parse range: ${input}`);
  });
});

describe('formatting', () => {
  it('quotes sheet names only when needed', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('Tab with spaces')).toBe("'Tab with spaces'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('案件')).toBe("'案件'");
  });

  it('formats ranges and single cells', () => {
    expect(formatA1('Sheet1', 0, 0, 9, 2)).toBe('Sheet1!A1:C10');
    expect(formatA1('My Tab', 1, 26, 1, 26)).toBe("'My Tab'!AA2");
  });

  it('round-trips formatted ranges', () => {
    const text = formatA1("Bob's cases", 4, 3, 20, 30);
    expect(parseA1(text)).toEqual({
      sheetName: "Bob's cases",
      startRow: 4,
      startCol: 3,
      endRow: 20,
      endCol: 30,
    });
  });
});
