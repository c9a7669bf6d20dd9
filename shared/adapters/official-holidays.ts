/**
 * The official PRC public holidays and make-up working days (调休上班), from the `chinese-days` package.
 * The JSON is imported statically (import attribute), so esbuild inlines it into the bundle and no file
 * has to be found at run time. The package has no `exports` map, so the subpath resolves as is.
 * Coverage follows the package version: years after its last entry fall back to the weekly pattern.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { OfficialHolidays } from '../domain/calendar.js';

let cached: OfficialHolidays | undefined;

export function loadOfficialHolidays(): OfficialHolidays {
  // `holidays` also lists official days off that fall on weekends; `workdays` are the make-up Saturdays/Sundays.
  const lastYear = Math.max(...Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
  cached ??= Object.freeze({
    holidays: new Set(Object.keys(data.holidays)),
    makeupWorkdays: new Set(Object.keys(data.workdays)),
    // The State Council publishes a whole year at once, so the last year listed is complete.
    coveredThrough: `${lastYear}-12-31`,
  });
  return cached;
}
