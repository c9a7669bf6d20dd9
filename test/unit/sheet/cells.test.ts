import { describe, expect, it } from 'vitest';
import { cellHash, cellText, parseAmount, parseYesNo, splitList } from '../../../shared/sheet/cells.js';

describe('sheet cells', () => {
  it('compares cells by one text form and hashes them to four characters', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(46350.5)).toBe('46350.5');
    expect(cellHash('')).toBe(cellHash(null));
    expect(cellHash(7)).toBe(cellHash('7'));
    expect(cellHash('张三')).toMatch(/^[A-Za-z0-9_-]{4}$/);
    expect(cellHash('张三')).not.toBe(cellHash('张四'));
  });

  it('reads amounts, yes/no and lists the ways people type them', () => {
    expect(parseAmount('２００')).toBe(200);
    expect(parseAmount('¥1,200.50')).toBe(1200.5);
    expect(parseAmount('300元')).toBe(300);
    expect(parseAmount(88)).toBe(88);
    expect(parseAmount('lots')).toBeUndefined();
    expect([
      parseYesNo('是 Yes'),
      parseYesNo('否'),
      parseYesNo(true),
      parseYesNo('Y'),
      parseYesNo('maybe'),
    ]).toEqual([true, false, true, true, undefined]);
    expect(splitList('道歉 Apology, 退款 Refund、重拍；其他')).toEqual([
      '道歉 Apology',
      '退款 Refund',
      '重拍',
      '其他',
    ]);
  });
});
