/**
 * A TabLayout (shared/sheet/tab-spec.ts) as Sheets API requests. Widths, hidden columns and the filter
 * are set the first time only; formats, dropdowns, protections and colours on every new layout version. The product's own rules are found again
 * by a mark (protected ranges by their description, conditional formats by a constant clause in their
 * formula), so restyling replaces them and leaves a manager's rules alone.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { SheetChart } from '../../ports/sheet-gateway.js';
import type { CellFormat, ColumnSpec, TabLayout } from '../../sheet/tab-spec.js';

type Request = sheets_v4.Schema$Request;

export const LAYOUT_KEY = 'complaintSync.layout';
export const PROTECTION_MARK = 'complaint-sync: written by the sync';
/** Always true; marks a conditional format rule as the product's. */
export const RULE_MARK = '"complaint-sync"<>""';

/** The product's rules on a tab as it is now, to be removed before restyling. */
export interface ExistingRules {
  protectedRangeIds: number[];
  /** Indexes of the product's conditional format rules. */
  ruleIndexes: number[];
  /** The tab has a basic filter already (a manager's or ours): left as it is. */
  hasFilter: boolean;
  /** Charts on the tab, by id and title: the product's are replaced when it restyles the tab. */
  charts?: { chartId: number; title: string }[];
}

const NUMBER_FORMATS: Record<CellFormat, sheets_v4.Schema$NumberFormat> = {
  text: { type: 'TEXT' },
  datetime: { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm' },
  date: { type: 'DATE', pattern: 'yyyy-mm-dd' },
  number: { type: 'NUMBER', pattern: '0.##' },
  integer: { type: 'NUMBER', pattern: '0' },
  percent: { type: 'PERCENT', pattern: '0%' },
};

const HEADER_FORMAT: sheets_v4.Schema$CellFormat = {
  textFormat: { bold: true },
  backgroundColor: { red: 0.9, green: 0.93, blue: 0.97 },
  wrapStrategy: 'WRAP',
};

function validation(spec: ColumnSpec): sheets_v4.Schema$DataValidationRule | undefined {
  const d = spec.dropdown;
  if (!d) return undefined;
  const condition: sheets_v4.Schema$BooleanCondition =
    'options' in d
      ? { type: 'ONE_OF_LIST', values: d.options.map((userEnteredValue) => ({ userEnteredValue })) }
      : { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: `=${d.range}` }] };
  // Not strict: an unknown value is shown with a warning, and the sync's note says what is wrong.
  return { condition, strict: false, showCustomUi: true };
}

/** Runs of adjacent columns satisfying `pick`, as [start, end) pairs. */
function runs(columns: TabLayout['columns'], pick: (c: ColumnSpec) => boolean): [number, number][] {
  const at = columns
    .filter((c) => pick(c.spec))
    .map((c) => c.column)
    .sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of at) {
    const last = out[out.length - 1];
    if (last && last[1] === c) last[1] = c + 1;
    else out.push([c, c + 1]);
  }
  return out;
}

/** The requests that lay out one tab (`sheetId` is the tab's, or the one its addSheet will create). */
export function layoutRequests(
  t: TabLayout,
  sheetId: number,
  existing: ExistingRules | undefined,
): Request[] {
  const out: Request[] = [];
  const data = (c0: number, c1: number) => ({
    sheetId,
    startRowIndex: 1,
    startColumnIndex: c0,
    endColumnIndex: c1,
  });
  const created = !t.existing;
  // Widths, hidden columns and the filter are set once, the first time the product lays the tab out.
  const first = created || t.existing?.layoutVersion === undefined;
  if (created) {
    out.push({
      addSheet: {
        properties: {
          sheetId,
          title: t.title,
          gridProperties: {
            rowCount: t.minRows,
            columnCount: t.minColumns,
            frozenRowCount: t.frozenRows,
            frozenColumnCount: t.frozenColumns,
          },
        },
      },
    });
  } else {
    const g = t.existing;
    if (g && t.minRows > g.rowCount)
      out.push({ appendDimension: { sheetId, dimension: 'ROWS', length: t.minRows - g.rowCount } });
    if (g && t.minColumns > g.columnCount)
      out.push({ appendDimension: { sheetId, dimension: 'COLUMNS', length: t.minColumns - g.columnCount } });
  }
  if (t.headers.length) {
    for (const h of t.headers) {
      out.push({
        updateCells: {
          range: {
            sheetId,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: h.column,
            endColumnIndex: h.column + 1,
          },
          rows: [{ values: [{ userEnteredValue: { stringValue: h.text } }] }],
          fields: 'userEnteredValue',
        },
      });
    }
  }
  if (!t.restyle) return out;

  for (const id of existing?.protectedRangeIds ?? [])
    out.push({ deleteProtectedRange: { protectedRangeId: id } });
  for (const index of [...(existing?.ruleIndexes ?? [])].sort((a, b) => b - a)) {
    out.push({ deleteConditionalFormatRule: { sheetId, index } });
  }
  if (!created) {
    out.push({
      updateSheetProperties: {
        properties: {
          sheetId,
          gridProperties: { frozenRowCount: t.frozenRows, frozenColumnCount: t.frozenColumns },
        },
        fields: 'gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
      },
    });
  }
  for (const { column, spec } of t.columns) {
    out.push({
      repeatCell: {
        range: {
          sheetId,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
        cell: { userEnteredFormat: HEADER_FORMAT },
        fields: 'userEnteredFormat(textFormat.bold,backgroundColor,wrapStrategy)',
      },
    });
    out.push({
      repeatCell: {
        range: data(column, column + 1),
        cell: { userEnteredFormat: { numberFormat: NUMBER_FORMATS[spec.format] } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
    const rule = validation(spec);
    if (rule) out.push({ setDataValidation: { range: data(column, column + 1), rule } });
    if (first) {
      out.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
          properties: { pixelSize: spec.width, ...(spec.hidden ? { hiddenByUser: true } : {}) },
          fields: spec.hidden ? 'pixelSize,hiddenByUser' : 'pixelSize',
        },
      });
    }
  }
  for (const [c0, c1] of runs(t.columns, (c) => !!c.system)) {
    out.push({
      addProtectedRange: {
        protectedRange: {
          range: { sheetId, startColumnIndex: c0, endColumnIndex: c1 },
          description: PROTECTION_MARK,
          warningOnly: true,
        },
      },
    });
  }
  const span = runs(t.columns, () => true);
  t.highlights.forEach((h, index) => {
    out.push({
      addConditionalFormatRule: {
        index,
        rule: {
          ranges: span.map(([c0, c1]) => data(c0, c1)),
          booleanRule: {
            condition: {
              type: 'CUSTOM_FORMULA',
              values: [{ userEnteredValue: h.formula.replace(/\)$/, `,${RULE_MARK})`) }],
            },
            format: { backgroundColor: h.color },
          },
        },
      },
    });
  });
  for (const chart of t.charts) {
    for (const old of existing?.charts?.filter((c) => c.title === chart.title) ?? [])
      out.push({ deleteEmbeddedObject: { objectId: old.chartId } });
    out.push({ addChart: { chart: chartSpec(chart, sheetId) } });
  }
  if (first && t.filter && !existing?.hasFilter)
    out.push({ setBasicFilter: { filter: { range: { sheetId } } } });
  if (t.existing?.layoutVersion !== undefined) {
    out.push({
      deleteDeveloperMetadata: {
        dataFilter: {
          developerMetadataLookup: { metadataKey: LAYOUT_KEY, metadataLocation: { sheetId } },
        },
      },
    });
  }
  out.push({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: LAYOUT_KEY,
        metadataValue: t.version,
        location: { sheetId },
        visibility: 'DOCUMENT',
      },
    },
  });
  return out;
}

/** A column chart of the tab's own cells, the header row giving the series names. */
function chartSpec(c: SheetChart, sheetId: number): sheets_v4.Schema$EmbeddedChart {
  const range = (column: number) => ({
    sourceRange: {
      sources: [
        {
          sheetId,
          startRowIndex: c.fromRow - 1,
          endRowIndex: c.toRow,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
      ],
    },
  });
  return {
    spec: {
      title: c.title,
      basicChart: {
        chartType: 'COLUMN',
        legendPosition: 'BOTTOM_LEGEND',
        headerCount: 1,
        ...(c.stacked ? { stackedType: 'STACKED' } : {}),
        domains: [{ domain: range(c.domain) }],
        series: c.series.map((column) => ({ series: range(column), targetAxis: 'LEFT_AXIS' })),
      },
    },
    position: {
      overlayPosition: {
        anchorCell: { sheetId, rowIndex: c.anchor.row - 1, columnIndex: c.anchor.column },
        widthPixels: 640,
        heightPixels: 320,
      },
    },
  };
}
