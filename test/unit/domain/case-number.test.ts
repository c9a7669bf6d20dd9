import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from '../../../shared/domain/case-number.js';

describe('formatCaseNumber', () => {
  it('joins the local date and a three-digit sequence', () => {
    expect(formatCaseNumber('2026-11-22', 7)).toBe('261122-007');
    expect(formatCaseNumber('2026-01-05', 42)).toBe('260105-042');
    expect(formatCaseNumber('2026-11-22', 999)).toBe('261122-999');
    expect(formatCaseNumber('2026-11-22', 1000)).toBe('261122-1000');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the sequence %d', (n) => {
    expect(() => formatCaseNumber('2026-11-22', n)).toThrow(/bad case sequence/);
  });
});

describe('parseCaseNumber', () => {
  it.each([
    ['261122-007', '261122-007'],
    ['  261122-007 ', '261122-007'],
    ['261122 007', '261122-007'],
    ['261122  -  007', '261122-007'],
    ['261122_007', '261122-007'],
    ['261122—007', '261122-007'],
    ['261122–007', '261122-007'],
    ['261122007', '261122-007'],
    ['261122 7', '261122-007'],
    ['261122-42', '261122-042'],
    ['261122-0007', '261122-007'],
    ['２６１１２２－００７', '261122-007'],
    ['２６１１２２　００７', '261122-007'],
    ['２６１１２２００７', '261122-007'],
    ['261122-1000', '261122-1000'],
    ['2611221000', '261122-1000'],
    ['261122-01000', '261122-1000'],
  ])('%j → %j', (input, expected) => {
    expect(parseCaseNumber(input)).toBe(expected);
  });

  it.each([
    '',
    'abc',
    '26112-007',
    '2611220-07',
    '261122',
    '261122-',
    '261122-0',
    '261122-1234567',
    '261122-00a',
    'x261122-007',
  ])('refuses %j', (input) => {
    expect(parseCaseNumber(input)).toBeUndefined();
  });

  it('parses what it formats (property)', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 999_999 }), (d, n) => {
        const no = formatCaseNumber(d, n);
        return parseCaseNumber(no) === no && parseCaseNumber(no.replace('-', ' ')) === no;
      }),
    );
  });
});
