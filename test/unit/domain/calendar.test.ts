import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOfficialHolidays } from '../../../shared/adapters/official-holidays.js';
import {
  type CalendarSettings,
  createBusinessCalendar,
  DEFAULT_CALENDAR_SETTINGS,
  type LocalDate,
} from '../../../shared/domain/calendar.js';

const official = loadOfficialHolidays();
const cal = (overrides: Partial<CalendarSettings> = {}) =>
  createBusinessCalendar({ ...DEFAULT_CALENDAR_SETTINGS, ...overrides });
const iso = (d: Date) => d.toISOString();
const DAY_MS = 86_400_000;
const utcDate = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

describe('Mon–Fri office (defaults: Asia/Shanghai, 09:00–18:00)', () => {
  const c = cal();

  it('counts 5 working days from a Friday over the weekend', () => {
    // Fri 2026-11-20 10:00 local -> Mon 23 … Fri 27, closing 18:00 local = 10:00Z.
    expect(iso(c.addWorkingDays(new Date('2026-11-20T02:00:00Z'), 5))).toBe('2026-11-27T10:00:00.000Z');
    expect(iso(c.addWorkingDays(new Date('2026-11-21T04:00:00Z'), 5))).toBe('2026-11-27T10:00:00.000Z');
    expect(c.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
  });

  it('n = 0 means today if still open, otherwise the next working day', () => {
    expect(iso(c.addWorkingDays(new Date('2026-11-23T02:00:00Z'), 0))).toBe('2026-11-23T10:00:00.000Z');
    // Exactly at closing time the day is over.
    expect(iso(c.addWorkingDays(new Date('2026-11-23T10:00:00Z'), 0))).toBe('2026-11-24T10:00:00.000Z');
    expect(iso(c.addWorkingDays(new Date('2026-11-21T02:00:00Z'), 0))).toBe('2026-11-23T10:00:00.000Z');
  });

  it('handles instants near midnight UTC in the local zone', () => {
    const lateSundayUtc = new Date('2026-11-22T17:30:00Z'); // Mon 2026-11-23 01:30 in Shanghai
    expect(c.localDate(lateSundayUtc)).toBe('2026-11-23');
    expect(c.localTime(lateSundayUtc)).toBe('01:30');
    expect(iso(c.addWorkingDays(lateSundayUtc, 1))).toBe('2026-11-24T10:00:00.000Z');
    const sundayNight = new Date('2026-11-22T15:59:00Z'); // Sun 23:59 local
    expect(c.localDate(sundayNight)).toBe('2026-11-22');
    expect(iso(c.addWorkingDays(sundayNight, 1))).toBe('2026-11-23T10:00:00.000Z');
    expect(iso(c.at('2026-11-23', '00:00'))).toBe('2026-11-22T16:00:00.000Z');
  });

  it('does plain calendar arithmetic with addDays', () => {
    expect(c.addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(c.addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(c.addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(c.addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(c.workingDaysBetween('2026-11-27', '2026-11-20')).toBe(0);
  });
});

describe('studio open every day except Tuesday', () => {
  const c = cal({ workingWeekdays: [0, 1, 3, 4, 5, 6], opensAt: '10:00', closesAt: '21:00' });

  it('skips Tuesdays only', () => {
    expect(c.isWorkingDay('2026-11-17')).toBe(false);
    expect(c.isWorkingDay('2026-11-21')).toBe(true);
    expect(c.isWorkingDay('2026-11-22')).toBe(true);
    // Mon 2026-11-16 -> Wed 18, Thu 19, Fri 20, Sat 21, Sun 22 at 21:00 local = 13:00Z.
    expect(iso(c.addWorkingDays(new Date('2026-11-16T04:00:00Z'), 5))).toBe('2026-11-22T13:00:00.000Z');
  });
});

describe('closures and extra working days', () => {
  it('closures remove days and extra days add them', () => {
    const c = cal({ closures: ['2026-11-19'], extraWorkingDays: ['2026-11-22'] });
    // Mon 16 -> Tue 17, Wed 18, (Thu 19 closed), Fri 20, Sun 22 (extra), Mon 23.
    expect(c.localDate(c.addWorkingDays(new Date('2026-11-16T04:00:00Z'), 5))).toBe('2026-11-23');
  });

  it('applies the precedence closures > extra > make-up > holiday > weekly pattern', () => {
    const c = cal({
      official,
      closures: ['2026-10-10', '2026-11-21'],
      extraWorkingDays: ['2026-10-02', '2026-11-21'],
    });
    expect(c.isWorkingDay('2026-11-21')).toBe(false); // closure beats extra
    expect(c.isWorkingDay('2026-10-10')).toBe(false); // closure beats make-up day
    expect(c.isWorkingDay('2026-10-02')).toBe(true); // extra beats official holiday
    expect(c.isWorkingDay('2026-09-20')).toBe(true); // make-up Sunday beats weekly pattern
    expect(c.isWorkingDay('2026-10-05')).toBe(false); // official holiday on a Monday
  });

  it('a date listed as both official holiday and make-up day is open (make-up wins)', () => {
    const both = new Set(['2026-11-21']);
    const c = cal({ official: { holidays: both, makeupWorkdays: both } });
    expect(c.isWorkingDay('2026-11-21')).toBe(true);
  });
});

describe('official PRC calendar (real chinese-days data)', () => {
  const c = cal({ official });

  it('National Day 2026: 10-01..07 closed, make-up days 09-20 and 10-10 open', () => {
    for (let d = 1; d <= 7; d++) expect(c.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(c.isWorkingDay('2026-09-20')).toBe(true);
    expect(c.isWorkingDay('2026-10-10')).toBe(true);
    expect(c.nextWorkingDay('2026-09-18')).toBe('2026-09-20');
    // Wed 09-30 -> Thu 10-08, Fri 10-09, Sat 10-10 (make-up), Mon 10-12, Tue 10-13.
    expect(iso(c.addWorkingDays(new Date('2026-09-30T07:00:00Z'), 5))).toBe('2026-10-13T10:00:00.000Z');
    expect(c.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
  });

  it('a weekend studio still closes for the official holidays', () => {
    const studio = cal({ official, workingWeekdays: [0, 1, 2, 3, 4, 5, 6] });
    expect(studio.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
  });

  it('Spring Festival 2026: 02-15..23 closed, make-up Saturdays 02-14 and 02-28 open', () => {
    expect(c.isWorkingDay('2026-02-16')).toBe(false);
    expect(c.isWorkingDay('2026-02-23')).toBe(false);
    // Fri 02-13 -> Sat 02-14 (make-up), Tue 24, Wed 25, Thu 26, Fri 27.
    expect(c.localDate(c.addWorkingDays(new Date('2026-02-13T03:00:00Z'), 5))).toBe('2026-02-27');
    expect(c.localDate(c.addWorkingDays(new Date('2026-02-14T12:00:00Z'), 5))).toBe('2026-02-28');
  });

  it('year end: 2025-12-31 -> New Year block -> make-up Sunday 2026-01-04', () => {
    expect(c.localDate(c.addWorkingDays(new Date('2025-12-31T12:00:00Z'), 1))).toBe('2026-01-04');
  });
});

describe('year end 2026 -> 2027', () => {
  it('crosses into the new year on the weekly pattern and honours a closure', () => {
    const thursdayEvening = new Date('2026-12-31T12:00:00Z'); // 20:00 local
    expect(cal().localDate(cal().addWorkingDays(thursdayEvening, 1))).toBe('2027-01-01');
    expect(iso(cal().addWorkingDays(thursdayEvening, 5))).toBe('2027-01-07T10:00:00.000Z');
    const closed = cal({ closures: ['2027-01-01'] });
    expect(closed.localDate(closed.addWorkingDays(thursdayEvening, 1))).toBe('2027-01-04');
  });
});

describe('DST zone (Europe/Berlin)', () => {
  const c = cal({ timeZone: 'Europe/Berlin' });

  it('closing time follows the local offset across the change', () => {
    expect(iso(c.at('2026-03-27', '18:00'))).toBe('2026-03-27T17:00:00.000Z'); // CET
    expect(iso(c.addWorkingDays(new Date('2026-03-27T12:00:00Z'), 1))).toBe('2026-03-30T16:00:00.000Z'); // CEST
  });

  it('gap times move forward, ambiguous times take the earlier instant', () => {
    expect(iso(c.at('2026-03-29', '02:30'))).toBe('2026-03-29T01:30:00.000Z'); // = 03:30 CEST
    expect(iso(c.at('2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z'); // first 02:30 (CEST)
    expect(c.localTime(new Date('2026-10-25T01:30:00Z'))).toBe('02:30'); // second 02:30 (CET)
  });
});

describe('validation', () => {
  it.each<[Partial<CalendarSettings>, RegExp]>([
    [{ timeZone: 'Mars/Olympus' }, /timeZone/],
    [{ timeZone: '' }, /timeZone/],
    [{ opensAt: '9:00' }, /opensAt/],
    [{ closesAt: '24:00' }, /closesAt/],
    [{ opensAt: '09:00', closesAt: '09:00' }, /closesAt.*after/],
    [{ workingWeekdays: [1, 7] }, /workingWeekdays/],
    [{ workingWeekdays: [1.5] }, /workingWeekdays/],
    [{ closures: ['2026-02-30'] }, /closures/],
    [{ extraWorkingDays: ['2026/10/01'] }, /extraWorkingDays/],
    [{ workingWeekdays: [] }, /workingWeekdays.*never open/],
  ])('rejects %o', (overrides, message) => {
    expect(() => cal(overrides)).toThrow(message);
  });

  it('rejects bad arguments', () => {
    const c = cal();
    expect(() => c.addWorkingDays(new Date('2026-11-20T00:00:00Z'), -1)).toThrow(/n/);
    expect(() => c.addWorkingDays(new Date('2026-11-20T00:00:00Z'), 1.5)).toThrow(/n/);
    expect(() => c.addWorkingDays(new Date('nope'), 1)).toThrow(/instant/);
    expect(() => c.isWorkingDay('2026-13-01')).toThrow(/date/);
    expect(() => c.at('2026-11-20', '25:00')).toThrow(/time/);
  });

  it('stops searching when the calendar never opens again', () => {
    const c = cal({ workingWeekdays: [], extraWorkingDays: ['2026-11-20'] });
    expect(c.isWorkingDay('2026-11-20')).toBe(true);
    expect(() => c.nextWorkingDay('2026-11-20')).toThrow(/no working days/);
    expect(() => c.addWorkingDays(new Date('2026-11-20T00:00:00Z'), 1)).toThrow(/no working days/);
  });
});

// ---- properties ----

const RUNS = { numRuns: 200 };
const MIN_MS = Date.UTC(2004, 0, 1);
const MAX_MS = Date.UTC(2030, 11, 31);
const DST_ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney'];
const FIXED_ZONES = ['Asia/Shanghai', 'Asia/Tokyo', 'UTC'];
const officialDates = [...official.holidays, ...official.makeupWorkdays];
const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

// Instants uniformly over 2004–2030, or within a few days of a year end or an official holiday / make-up day.
const anchorMs = fc.oneof(
  fc.integer({ min: 2004, max: 2030 }).map((y) => Date.UTC(y, 11, 31)),
  fc.constantFrom(...officialDates).map((d) => Date.parse(`${d}T00:00:00Z`)),
);
const instantArb = fc.oneof(
  fc.integer({ min: MIN_MS, max: MAX_MS }),
  fc.tuple(anchorMs, fc.integer({ min: -4 * DAY_MS, max: 4 * DAY_MS })).map(([a, off]) => a + off),
);

// Closures and extra days are offsets from the instant's date so they actually fall inside the window.
const settingsFor = (instantMs: number) =>
  fc
    .record({
      timeZone: fc.constantFrom(...FIXED_ZONES, ...DST_ZONES),
      workingWeekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      // Opening hours avoid 01:00–03:59, where the DST zones used here have their gaps.
      opensAt: fc.tuple(fc.integer({ min: 6, max: 11 }), fc.integer({ min: 0, max: 59 })),
      closesAt: fc.tuple(fc.integer({ min: 12, max: 23 }), fc.integer({ min: 0, max: 59 })),
      closures: fc.uniqueArray(fc.integer({ min: -3, max: 90 }), { maxLength: 25 }),
      extraWorkingDays: fc.uniqueArray(fc.integer({ min: -3, max: 90 }), { maxLength: 10 }),
      withOfficial: fc.boolean(),
    })
    .map(
      (r): CalendarSettings => ({
        timeZone: r.timeZone,
        workingWeekdays: r.workingWeekdays,
        opensAt: hhmm(...r.opensAt),
        closesAt: hhmm(...r.closesAt),
        closures: r.closures.map((k) => utcDate(instantMs + k * DAY_MS)),
        extraWorkingDays: r.extraWorkingDays.map((k) => utcDate(instantMs + k * DAY_MS)),
        ...(r.withOfficial ? { official } : {}),
      }),
    );

const scenario = instantArb.chain((ms) =>
  fc.record({
    instant: fc.constant(new Date(ms)),
    settings: settingsFor(ms),
    n: fc.integer({ min: 1, max: 30 }),
  }),
);

describe('properties', () => {
  it('the deadline is the closing time of a working day exactly n working days later', () => {
    fc.assert(
      fc.property(scenario, ({ instant, settings, n }) => {
        const c = createBusinessCalendar(settings);
        const due = c.addWorkingDays(instant, n);
        expect(c.isWorkingDay(c.localDate(due))).toBe(true);
        expect(c.workingDaysBetween(c.localDate(instant), c.localDate(due))).toBe(n);
        expect(c.localTime(due)).toBe(settings.closesAt);
        expect(due.getTime()).toBeGreaterThan(instant.getTime());
      }),
      RUNS,
    );
  });

  it('n = 0 gives the closing time of the first working day still open at the instant', () => {
    fc.assert(
      fc.property(scenario, ({ instant, settings }) => {
        const c = createBusinessCalendar(settings);
        const due = c.addWorkingDays(instant, 0);
        expect(due.getTime()).toBeGreaterThan(instant.getTime());
        expect(c.isWorkingDay(c.localDate(due))).toBe(true);
        expect(c.localTime(due)).toBe(settings.closesAt);
        expect(c.workingDaysBetween(c.localDate(instant), c.localDate(due))).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('is strictly increasing in n and non-decreasing in the instant', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 10 * DAY_MS }), ({ instant, settings, n }, later) => {
        const c = createBusinessCalendar(settings);
        const due = c.addWorkingDays(instant, n);
        expect(c.addWorkingDays(instant, n + 1).getTime()).toBeGreaterThan(due.getTime());
        const laterDue = c.addWorkingDays(new Date(instant.getTime() + later), n);
        expect(laterDue.getTime()).toBeGreaterThanOrEqual(due.getTime());
      }),
      RUNS,
    );
  });

  it('composes: a + b working days = b working days from the opening of the a-th day', () => {
    const parts = fc.tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }));
    fc.assert(
      fc.property(scenario, parts, ({ instant, settings }, [a, b]) => {
        const c = createBusinessCalendar(settings);
        const step = c.at(c.localDate(c.addWorkingDays(instant, a)), settings.opensAt);
        expect(iso(c.addWorkingDays(step, b))).toBe(iso(c.addWorkingDays(instant, a + b)));
      }),
      RUNS,
    );
  });

  it('isWorkingDay follows the documented precedence', () => {
    // Closures and extras drawn from one small pool around official dates so that they overlap each other.
    const day = fc
      .constantFrom(...officialDates)
      .chain((d) =>
        fc.integer({ min: -3, max: 3 }).map((k) => utcDate(Date.parse(`${d}T00:00:00Z`) + k * DAY_MS)),
      );
    const arb = fc.record({
      weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      pool: fc.uniqueArray(day, { minLength: 1, maxLength: 12 }),
      closureMask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      extraMask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      withOfficial: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ weekdays, pool, closureMask, extraMask, withOfficial }) => {
        const closures = pool.filter((_, i) => closureMask[i]);
        const extras = pool.filter((_, i) => extraMask[i]);
        const c = cal({
          workingWeekdays: weekdays,
          closures,
          extraWorkingDays: extras,
          ...(withOfficial ? { official } : {}),
        });
        for (const d of pool) {
          const expected = closures.includes(d)
            ? false
            : extras.includes(d)
              ? true
              : withOfficial && official.makeupWorkdays.has(d)
                ? true
                : withOfficial && official.holidays.has(d)
                  ? false
                  : weekdays.includes(new Date(`${d}T00:00:00Z`).getUTCDay());
          expect(c.isWorkingDay(d)).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it('workingDaysBetween is additive and nextWorkingDay is one working day on', () => {
    fc.assert(
      fc.property(scenario, fc.nat(60), fc.nat(60), ({ instant, settings }, k1, k2) => {
        const c = createBusinessCalendar(settings);
        const a = c.localDate(instant);
        const b = c.addDays(a, k1);
        const d = c.addDays(b, k2);
        expect(c.workingDaysBetween(a, b) + c.workingDaysBetween(b, d)).toBe(c.workingDaysBetween(a, d));
        const next = c.nextWorkingDay(a);
        expect(c.isWorkingDay(next)).toBe(true);
        expect(c.workingDaysBetween(a, next)).toBe(1);
      }),
      RUNS,
    );
  });

  const dateArb = fc.integer({ min: MIN_MS / DAY_MS, max: MAX_MS / DAY_MS }).map((d) => utcDate(d * DAY_MS));
  const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));

  it('at() round-trips local date and time in zones without DST', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIXED_ZONES), dateArb, timeArb, (timeZone, date, [h, m]) => {
        const c = cal({ timeZone });
        const instant = c.at(date, hhmm(h, m));
        expect(c.localDate(instant)).toBe(date);
        expect(c.localTime(instant)).toBe(hhmm(h, m));
      }),
      RUNS,
    );
  });

  it('at() round-trips in DST zones (the date always, the time outside the 02:00–02:59 gap)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DST_ZONES), dateArb, timeArb, (timeZone, date, [h, m]) => {
        const c = cal({ timeZone });
        const instant = c.at(date, hhmm(h, m));
        expect(c.localDate(instant)).toBe(date);
        if (h !== 2) expect(c.localTime(instant)).toBe(hhmm(h, m));
      }),
      RUNS,
    );
  });
});
