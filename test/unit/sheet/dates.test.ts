import { describe, expect, it } from 'vitest';
import {
  fromSerial,
  parseTypedDateTime,
  readDateCell,
  readDateTimeCell,
  toSerial,
  zoneOf,
} from '../../../shared/sheet/dates.js';

const shanghai = zoneOf('Asia/Shanghai');
const zones = { sheet: shanghai, business: shanghai };

describe('sheet dates', () => {
  it('writes instants as serial date-times in the spreadsheet zone, to the minute, and reads them back', () => {
    const serial = toSerial('2026-11-24T06:30:45.123Z', shanghai); // 14:30 in Shanghai
    expect(serial).toBeCloseTo(46350 + 14.5 / 24, 10);
    expect(fromSerial(serial, shanghai)).toBe('2026-11-24T06:30:00.000Z');
    expect(toSerial('2026-11-24T06:30:00.000Z', zoneOf('Europe/London'))).toBeCloseTo(46350 + 6.5 / 24, 10);
  });

  it.each([
    ['2026-11-24T14:30', { date: '2026-11-24', time: '14:30' }],
    ['2026-11-24 14:30:59', { date: '2026-11-24', time: '14:30' }],
    ['2026/11/24 9:05', { date: '2026-11-24', time: '09:05' }],
    ['2026.11.24', { date: '2026-11-24' }],
    ['2026年11月24日', { date: '2026-11-24' }],
    ['2026年11月24日 14:30', { date: '2026-11-24', time: '14:30' }],
    ['2026年11月24日14时30分', { date: '2026-11-24', time: '14:30' }],
    ['2026年11月24日 14点', { date: '2026-11-24', time: '14:00' }],
    ['２０２６年１１月２４日　１４：３０', { date: '2026-11-24', time: '14:30' }],
    ['2026-11-24T14:30+08:00', { date: '2026-11-24', time: '14:30', instant: '2026-11-24T06:30:00.000Z' }],
    ['2026-11-24T06:30:00.000Z', { date: '2026-11-24', time: '06:30', instant: '2026-11-24T06:30:00.000Z' }],
  ])('reads %s', (text, expected) => {
    expect(parseTypedDateTime(text)).toEqual(expected);
  });

  it.each(['明天', '11月24日', '2026-02-30', '2026-11-24 25:00', '24/11/2026', ''])('refuses %s', (text) => {
    expect(parseTypedDateTime(text)).toBeUndefined();
  });

  it('reads a date-time cell: serials in the sheet zone, text in the business zone, a bare date at the given time', () => {
    expect(readDateTimeCell(46350.5, zones, '18:00')).toBe('2026-11-24T04:00:00.000Z');
    expect(readDateTimeCell(46350, zones, '18:00')).toBe('2026-11-24T10:00:00.000Z');
    expect(readDateTimeCell('2026年11月24日', zones, '18:00')).toBe('2026-11-24T10:00:00.000Z');
    expect(readDateTimeCell('', zones, '18:00')).toBeUndefined();
    expect(readDateTimeCell('next week', zones, '18:00')).toBe('invalid');
    expect(readDateCell(46350)).toBe('2026-11-24');
    expect(readDateCell('2026/11/24')).toBe('2026-11-24');
    expect(readDateCell('soon')).toBe('invalid');
  });

  it.each([5.2e124, -1, 2_958_466, Number.MAX_VALUE])(
    'a number no date can be (%s) is an invalid date, not a crash',
    (n) => {
      expect(readDateTimeCell(n, zones, '18:00')).toBe('invalid');
      expect(readDateCell(n)).toBe('invalid');
    },
  );
});
