import { describe, expect, it } from 'vitest';
import { compactCaseNumbers, expandCaseNumbers } from '../../../shared/adapters/dynamodb/sheet-sync.js';

describe('known case numbers, stored compactly', () => {
  it('keeps days as sequence ranges and round-trips', () => {
    const numbers = [
      '261120-001',
      '261120-002',
      '261120-003',
      '261120-007',
      '261121-1000',
      '261121-001',
      'odd',
    ];
    const compact = compactCaseNumbers(numbers);
    expect(compact).toEqual({ '261120': '1-3,7', '261121': '1,1000', '*': 'odd' });
    expect(expandCaseNumbers(compact)).toEqual(new Set(numbers));
  });

  it('fits fifty thousand cases in a few kilobytes', () => {
    const numbers: string[] = [];
    for (let d = 0; d < 1000; d++)
      for (let s = 1; s <= 50; s++) numbers.push(`${String(200101 + d)}-${String(s).padStart(3, '0')}`);
    expect(JSON.stringify(compactCaseNumbers(numbers)).length).toBeLessThan(20_000);
  });
});
