/**
 * The shared Google Sheet that managers work in. Each method is one API request (plus its retries), so a
 * caller can count what a sync costs: `info` and `read` are reads, `write` and `layout` are writes.
 * Rows and columns are 1-based, as people see them. Writes are RAW: a text is stored as typed and
 * never runs as a formula; numbers are written as numbers (dates as serial numbers).
 */

/** A cell as read unformatted: text, a number (dates are serial numbers), a checkbox, or empty. */
export type CellValue = string | number | boolean | null;

export interface TabInfo {
  title: string;
  sheetId: number;
  rowCount: number;
  columnCount: number;
  /** The layout version the sync last applied to this tab (its developer metadata), if any. */
  layoutVersion?: string;
}

export interface SpreadsheetInfo {
  /** The spreadsheet's time zone: serial dates are wall-clock times there. */
  timeZone: string;
  tabs: TabInfo[];
}

/** A rectangle of a tab; omitted ends are open (`{ tab, fromRow: 2 }` is every row from 2 down). */
export interface Area {
  tab: string;
  fromRow?: number;
  toRow?: number;
  fromColumn?: number;
  toColumn?: number;
}

/** What `foldRows` does with each row: `area` indexes the areas asked for, `index` counts rows from the area's first (0-based). */
export interface RowFold<T> {
  row(area: number, index: number, cells: CellValue[]): void;
  result(): T;
}

/** Cells to write, rows of values starting at (row, column). */
export interface CellWrite {
  tab: string;
  row: number;
  column: number;
  values: CellValue[][];
}

/** Per call: stop retrying (and fail) rather than run past this instant (epoch milliseconds). */
export interface CallOptions {
  deadline?: number;
}

export interface SheetGateway {
  /** The time zone, each tab's size and layout version: one `spreadsheets.get` with a narrow field mask. */
  info(opts?: CallOptions): Promise<SpreadsheetInfo>;
  /**
   * Several areas in one `values.batchGet`: unformatted values, dates as serial numbers. Each area comes
   * back as rows from its first row, trailing empty rows and cells trimmed (as Google answers).
   */
  read(areas: Area[], opts?: CallOptions): Promise<CellValue[][][]>;
  /**
   * `read` for areas too large to hold at once (a Cases tab of 50,000 rows): one `values.batchGet`
   * whose rows are handed to a fold as they arrive, so only what the fold keeps stays in memory.
   * `fold` is called once per attempt: a retried call starts a fresh one.
   */
  foldRows<T>(areas: Area[], fold: () => RowFold<T>, opts?: CallOptions): Promise<T>;
  /** Every write in one `values.batchUpdate` (RAW), all or nothing. */
  write(writes: CellWrite[], opts?: CallOptions): Promise<void>;
  /**
   * Creates or lays out tabs, and grows them to at least `rows` rows, in one `spreadsheets.batchUpdate`
   * (re-laying out an existing tab first reads its rules, so it never duplicates them).
   */
  layout(tabs: TabLayout[], opts?: CallOptions): Promise<void>;
  /** API requests made so far by method (Google's method ids), retries included. */
  requests(): Readonly<Record<string, number>>;
}

/* The layout of a tab, as data (see shared/sheet/tab-spec.ts for how a spec becomes one). */

/** text: kept as typed (`0012`, `+86…`); datetime/date: serial numbers shown as dates; number: amounts; percent: 0.75 as 75%. */
export type CellFormat = 'text' | 'datetime' | 'date' | 'number' | 'integer' | 'percent';

export interface ColumnSpec {
  header: string;
  width: number;
  format: CellFormat;
  /** A dropdown of these texts, or of the cells of a range (e.g. the Staff tab's names). Never strict. */
  dropdown?: { options: readonly string[] } | { range: string };
  /** Written only by the sync: protected with a warning, so a manager is asked before typing there. */
  system?: boolean;
  hidden?: boolean;
}

/**
 * A native chart of the tab's own columns (0-based positions once laid out): a column chart of `series`
 * over the `domain` column, rows `fromRow`..`toRow` (1-based, header row included as the labels).
 * Charts are added when a tab is laid out anew; the product's chart is found again by its title.
 */
export interface SheetChart {
  title: string;
  domain: number;
  series: number[];
  fromRow: number;
  toRow: number;
  /** Where its top-left corner sits (0-based column, 1-based row). */
  anchor: { column: number; row: number };
  stacked?: boolean;
}

export interface RgbColor {
  red: number;
  green: number;
  blue: number;
}

/** What an adapter needs to lay out one tab: the spec resolved against the tab's current state. */
export interface TabLayout {
  title: string;
  version: string;
  /** The tab as it is; absent when it must be created. */
  existing?: TabInfo;
  /** Reapply formats, dropdowns, protections and colours (a new tab or a new version). */
  restyle: boolean;
  /** At least this many rows afterwards. */
  minRows: number;
  /** At least this many columns afterwards. */
  minColumns: number;
  /** Header cells to write (row 1), by 0-based column. */
  headers: { column: number; text: string }[];
  /** Each of the product's columns where it now is (0-based). */
  columns: { column: number; spec: ColumnSpec }[];
  frozenRows: number;
  frozenColumns: number;
  filter: boolean;
  highlights: { formula: string; color: RgbColor }[];
  charts: SheetChart[];
}
