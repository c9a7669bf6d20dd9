/**
 * The reports in the managers' sheet: one `spreadsheets.get`, one `values.batchGet` of the report tabs,
 * a layout call only when a tab is missing or its layout changed (charts included), and one
 * `values.batchUpdate`. A day's (month's) row is found by its date and replaced, else appended below the
 * last row; only cells whose values differ are written. The Cases, Staff and History tabs are not touched.
 */
import type { DailyFigures } from '../domain/review/daily.js';
import type { MonthlyFigures } from '../domain/review/monthly.js';
import type { ValueLists } from '../domain/values.js';
import type { CellValue, CellWrite, SheetGateway } from '../ports/sheet-gateway.js';
import type { DayCount } from '../report/daily.js';
import { dateToSerial, zoneOf } from '../sheet/dates.js';
import { alignRow, changedCells, isBlankRow } from '../sheet/grid.js';
import {
  DAILY_TAB,
  dailyReviewTab,
  dailyRow,
  dailySummaryTab,
  MONTHLY_TAB,
  monthlyRow,
  monthlyTab,
  reviewLines,
  rowDay,
  rowMonth,
} from '../sheet/report-tabs.js';
import { locateColumns, planLayout, type TabLayout, type TabSpec } from '../sheet/tab-spec.js';

export interface SheetOutcome {
  /** The sheet row the period's line is in, and whether it replaced an earlier one. */
  row: number;
  replaced: boolean;
}

interface Tab {
  spec: TabSpec;
  raw: CellValue[][];
  positions: number[];
}

/** Reads the tabs, lays out what needs it (growing each to `rows(raw)` rows), and locates their columns. */
async function openTabs(
  sheet: SheetGateway,
  specs: TabSpec[],
  rows: (raw: CellValue[][], i: number) => number,
) {
  const info = await sheet.info();
  const present = specs.filter((s) => info.tabs.some((t) => t.title === s.title));
  const read = await sheet.read(present.map((s) => ({ tab: s.title })));
  const raws = specs.map((s) => read[present.indexOf(s)] ?? []);
  const layouts = specs.flatMap((spec, i): TabLayout[] => {
    const existing = info.tabs.find((t) => t.title === spec.title);
    const plan = planLayout(spec, existing, raws[i]?.[0], rows(raws[i] ?? [], i));
    return plan ? [plan] : [];
  });
  if (layouts.length) await sheet.layout(layouts);
  const tabs: Tab[] = specs.map((spec, i) => ({
    spec,
    raw: raws[i] ?? [],
    positions: locateColumns(spec, raws[i]?.[0]).positions,
  }));
  return { zone: zoneOf(info.timeZone), tabs };
}

/** The row whose first column `matches`, else the row below the last non-blank one. */
function placeRow(
  tab: Tab,
  matches: (cell: CellValue | undefined) => boolean,
): SheetOutcome & { before: CellValue[] } {
  const key = tab.positions[0] ?? 0;
  for (let i = 1; i < tab.raw.length; i++) {
    if (matches(tab.raw[i]?.[key]))
      return { row: i + 1, replaced: true, before: alignRow(tab.raw[i], tab.positions) };
  }
  let last = tab.raw.length;
  while (last > 1 && isBlankRow(tab.raw[last - 1])) last--;
  return { row: Math.max(2, last + 1), replaced: false, before: [] };
}

/** Rewrites rows 2.. of a block tab with `rows` (spec order), blanking what an earlier, longer block left. */
function rewriteBlock(tab: Tab, rows: CellValue[][]): CellWrite[] {
  const height = Math.max(rows.length, tab.raw.length - 1);
  const writes: CellWrite[] = [];
  for (let i = 0; i < height; i++) {
    const after = tab.spec.columns.map((_, c) => rows[i]?.[c] ?? null);
    writes.push(
      ...changedCells(tab.spec.title, i + 2, alignRow(tab.raw[i + 1], tab.positions), after, tab.positions),
    );
  }
  return writes;
}

export function makeReportSheet(deps: { sheet: SheetGateway; lists: ValueLists }) {
  const { sheet } = deps;
  return {
    async writeDaily(f: DailyFigures, days: readonly DayCount[]): Promise<SheetOutcome> {
      const lines = reviewLines(f, deps.lists);
      const blockRows = Math.max(lines.length, days.length) + 1;
      const { zone, tabs } = await openTabs(sheet, [dailySummaryTab(), dailyReviewTab()], (raw, i) =>
        i === 0 ? raw.length + 1 : Math.max(raw.length, blockRows),
      );
      const [summary, review] = tabs as [Tab, Tab];
      const place = placeRow(summary, (cell) => rowDay(cell) === f.day);
      const writes = changedCells(DAILY_TAB, place.row, place.before, dailyRow(f, zone), summary.positions);
      const block: CellValue[][] = [];
      for (let i = 0; i < blockRows - 1; i++) {
        const [item = null, value = null, cases = null] = lines[i] ?? [];
        const d = days[i];
        block.push([item, value, cases, d ? dateToSerial(d.day) : null, d ? d.count : null]);
      }
      writes.push(...rewriteBlock(review, block));
      await sheet.write(writes);
      return { row: place.row, replaced: place.replaced };
    },

    async writeMonthly(f: MonthlyFigures): Promise<SheetOutcome> {
      const { zone, tabs } = await openTabs(sheet, [monthlyTab()], (raw) => raw.length + 1);
      const [tab] = tabs as [Tab];
      const place = placeRow(tab, (cell) => rowMonth(cell) === f.month);
      await sheet.write(
        changedCells(MONTHLY_TAB, place.row, place.before, monthlyRow(f, zone), tab.positions),
      );
      return { row: place.row, replaced: place.replaced };
    },
  };
}
export type ReportSheet = ReturnType<typeof makeReportSheet>;
