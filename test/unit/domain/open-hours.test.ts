/** Open time on the business calendar (Asia/Shanghai, Mon–Fri 09:00–18:00, PRC holidays). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addOpenTime,
  isOpenAt,
  nextOpening,
  openTimeBetween,
  workingDayMs,
} from '../../../shared/domain/open-hours.js';
import { calendar } from '../../support/builders.js';

const cal = calendar();
const HOUR = 3_600_000;
/** Local Shanghai wall-clock time as an instant. */
const local = (text: string) => new Date(`${text}+08:00`);

describe('open hours', () => {
  it('is open from opening time, not at closing time, and never on closed days', () => {
    expect(isOpenAt(cal, local('2026-11-23T09:00'))).toBe(true); // Monday
    expect(isOpenAt(cal, local('2026-11-23T08:59'))).toBe(false);
    expect(isOpenAt(cal, local('2026-11-23T17:59'))).toBe(true);
    expect(isOpenAt(cal, local('2026-11-23T18:00'))).toBe(false);
    expect(isOpenAt(cal, local('2026-11-21T11:00'))).toBe(false); // Saturday
    expect(isOpenAt(cal, local('2026-10-05T11:00'))).toBe(false); // National Day holiday
  });

  it('finds the next opening: now while open, else the next working morning', () => {
    expect(nextOpening(cal, local('2026-11-23T10:30'))).toEqual(local('2026-11-23T10:30'));
    expect(nextOpening(cal, local('2026-11-23T02:00'))).toEqual(local('2026-11-23T09:00'));
    expect(nextOpening(cal, local('2026-11-23T18:00'))).toEqual(local('2026-11-24T09:00'));
    expect(nextOpening(cal, local('2026-11-20T20:00'))).toEqual(local('2026-11-23T09:00')); // Fri → Mon
    expect(nextOpening(cal, local('2026-09-30T19:00'))).toEqual(local('2026-10-08T09:00')); // Golden Week
  });

  it('adds open time across nights, weekends and holidays', () => {
    expect(workingDayMs(cal)).toBe(9 * HOUR);
    expect(addOpenTime(cal, local('2026-11-23T10:00'), 9 * HOUR)).toEqual(local('2026-11-24T10:00'));
    expect(addOpenTime(cal, local('2026-11-20T16:00'), 3 * HOUR)).toEqual(local('2026-11-23T10:00'));
    expect(addOpenTime(cal, local('2026-11-21T10:00'), 9 * HOUR)).toEqual(local('2026-11-24T09:00'));
    expect(addOpenTime(cal, local('2026-11-23T03:00'), 0)).toEqual(local('2026-11-23T09:00'));
  });

  it('counts open time between two instants', () => {
    expect(openTimeBetween(cal, local('2026-11-24T11:00'), local('2026-11-27T18:00'))).toBe(34 * HOUR);
    expect(openTimeBetween(cal, local('2026-11-20T17:00'), local('2026-11-23T10:00'))).toBe(2 * HOUR);
    expect(openTimeBetween(cal, local('2026-11-23T10:00'), local('2026-11-23T09:00'))).toBe(0);
  });

  it('adding open time and measuring it agree, and the result is open or a next opening', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        fc.integer({ min: 0, max: 30 * 9 * 60 }),
        (startMinutes, minutes) => {
          const t = new Date(start + startMinutes * 60_000);
          const end = addOpenTime(cal, t, minutes * 60_000);
          return (
            openTimeBetween(cal, t, end) === minutes * 60_000 &&
            isOpenAt(cal, end) &&
            end.getTime() >= t.getTime()
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
