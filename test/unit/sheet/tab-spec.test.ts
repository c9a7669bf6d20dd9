import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  layoutVersion,
  locateColumns,
  planLayout,
  type TabSpec,
} from '../../../shared/sheet/tab-spec.js';

const spec: TabSpec = {
  title: 'T',
  columns: [
    { header: 'a', width: 10, format: 'text' },
    { header: 'due', width: 10, format: 'datetime' },
    { header: 'b', width: 10, format: 'text', system: true },
  ],
  frozenRows: 1,
  initialRows: 100,
  growBy: 100,
  highlights: [{ formula: '=AND({due}2<>"",{due}2<NOW())', color: { red: 1, green: 0, blue: 0 } }],
};
const info = (over = {}) => ({
  title: 'T',
  sheetId: 1,
  rowCount: 100,
  columnCount: 3,
  layoutVersion: layoutVersion(spec),
  ...over,
});

describe('tab layout plans', () => {
  it('names columns as Sheets does', () => {
    expect([0, 25, 26, 37, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AL', 'ZZ', 'AAA']);
  });

  it('finds columns by header wherever they are, and puts missing ones after the last header', () => {
    expect(locateColumns(spec, ['x', 'b', 'a'])).toEqual({ positions: [2, 3, 1], missing: [1] });
  });

  it('plans nothing for a laid-out tab, a restyle for a new version, a creation for a missing tab', () => {
    expect(planLayout(spec, info(), ['a', 'due', 'b'])).toBeUndefined();
    expect(planLayout(spec, info({ layoutVersion: 'old' }), ['a', 'due', 'b'])).toMatchObject({
      restyle: true,
      headers: [],
    });
    const created = planLayout(spec, undefined, undefined);
    expect(created).toMatchObject({ restyle: true, minRows: 100, minColumns: 3 });
    expect(created?.highlights[0]?.formula).toBe('=AND($B2<>"",$B2<NOW())');
  });

  it('grows in whole chunks, only when the rows do not fit', () => {
    expect(planLayout(spec, info(), ['a', 'due', 'b'], 100)).toBeUndefined();
    expect(planLayout(spec, info(), ['a', 'due', 'b'], 101)).toMatchObject({ restyle: false, minRows: 200 });
    expect(planLayout(spec, info(), ['a', 'due', 'b'], 350)?.minRows).toBe(400);
  });

  it('writes the headers a tab lacks, where they go, without restyling', () => {
    const plan = planLayout(spec, info(), ['a', 'mine']);
    expect(plan).toMatchObject({
      restyle: false,
      headers: [
        { column: 2, text: 'due' },
        { column: 3, text: 'b' },
      ],
      minColumns: 4,
    });
  });
});
