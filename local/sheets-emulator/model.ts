/**
 * In-memory model of spreadsheets and the Google-shaped error.
 *
 * Rows are dense arrays (index = 0-based row) of sparse cell arrays, so inserting, deleting, sorting
 * and moving rows are array operations. A cell object is never changed in place: writes replace it,
 * which lets a transaction snapshot a sheet by copying its row arrays (see store.ts).
 */
export type CellValue = string | number | boolean;
export type Json = Record<string, unknown>;

export interface Cell {
  /** The entered value (absent for a formula or a format-only cell). */
  v?: CellValue;
  /** A formula as entered, with its leading `=`. */
  f?: string;
  /** userEnteredFormat, as given (numberFormat, backgroundColor, textFormat …). */
  fmt?: Json;
  /** Data validation rule of this cell. */
  dv?: Json;
  note?: string;
}

export type Row = (Cell | undefined)[];

/** What moves with a row or a column: its size, visibility and developer metadata. */
export interface DimMeta {
  pixelSize?: number;
  hiddenByUser?: boolean;
  developerMetadata?: Json[];
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  [key: string]: unknown;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: 'GRID';
  gridProperties: GridProperties;
  [key: string]: unknown;
}

export interface SheetState {
  properties: SheetProperties;
  rows: (Row | undefined)[];
  rowMeta: (DimMeta | undefined)[];
  colMeta: (DimMeta | undefined)[];
  conditionalFormats: Json[];
  protectedRanges: Json[];
  basicFilter?: Json;
  charts: Json[];
  merges: Json[];
  /** Developer metadata located on the sheet itself (row/column metadata lives in rowMeta/colMeta). */
  developerMetadata: Json[];
}

export interface SpreadsheetProperties {
  title: string;
  locale: string;
  timeZone: string;
  autoRecalc: string;
  [key: string]: unknown;
}

export interface SpreadsheetState {
  spreadsheetId: string;
  properties: SpreadsheetProperties;
  sheets: SheetState[];
  /** Developer metadata located on the spreadsheet. */
  developerMetadata: Json[];
  namedRanges: Json[];
  /** Bumped on every mutation (emulator-only, for tests). */
  revision: number;
}

export type ErrorStatus =
  | 'INVALID_ARGUMENT'
  | 'FAILED_PRECONDITION'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED'
  | 'INTERNAL'
  | 'UNAVAILABLE';

const HTTP_CODES: Record<ErrorStatus, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Rendered as `{ error: { code, message, status, details? } }`, like Google APIs. */
export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly status: ErrorStatus,
    message: string,
    readonly details?: Json[],
  ) {
    super(message);
    this.code = HTTP_CODES[status];
  }

  toJSON(): Json {
    const error: Json = { code: this.code, message: this.message, status: this.status };
    if (this.details) error.details = this.details;
    return { error };
  }
}

export const invalid = (message: string) => new ApiError('INVALID_ARGUMENT', message);

export function asObject(body: unknown, what = 'payload'): Json {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw invalid(`Invalid JSON ${what} received. Expected an object.`);
  }
  return body as Json;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELL_CHARS = 50_000;
export const MAX_WORKBOOK_CELLS = 10_000_000;

export function newSheet(
  props: Partial<SheetProperties> & { sheetId: number; title: string; index: number },
): SheetState {
  const grid = props.gridProperties ?? ({} as Partial<GridProperties>);
  return {
    properties: {
      ...props,
      sheetId: props.sheetId,
      title: props.title,
      index: props.index,
      sheetType: 'GRID',
      gridProperties: {
        ...grid,
        rowCount: grid.rowCount ?? DEFAULT_ROWS,
        columnCount: grid.columnCount ?? DEFAULT_COLUMNS,
      },
    },
    rows: [],
    rowMeta: [],
    colMeta: [],
    conditionalFormats: [],
    protectedRanges: [],
    charts: [],
    merges: [],
    developerMetadata: [],
  };
}

/** Sheet properties as the API answers them (zero frozen counts omitted, like proto3 JSON). */
export function publicSheetProperties(p: SheetProperties): SheetProperties {
  const gridProperties: GridProperties = { ...p.gridProperties };
  if (!gridProperties.frozenRowCount) delete gridProperties.frozenRowCount;
  if (!gridProperties.frozenColumnCount) delete gridProperties.frozenColumnCount;
  return { ...p, gridProperties };
}

export function totalCells(ss: SpreadsheetState): number {
  let n = 0;
  for (const s of ss.sheets) {
    n += s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount;
  }
  return n;
}

export function checkWorkbookLimit(ss: SpreadsheetState): void {
  if (totalCells(ss) > MAX_WORKBOOK_CELLS) {
    throw invalid(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`,
    );
  }
}

export function findSheetByTitle(ss: SpreadsheetState, title: string): SheetState | undefined {
  return (
    ss.sheets.find((s) => s.properties.title === title) ??
    ss.sheets.find((s) => s.properties.title.toLowerCase() === title.toLowerCase())
  );
}

export function findSheetById(ss: SpreadsheetState, sheetId: unknown, where: string): SheetState {
  const idNum = sheetId ?? 0; // proto3: an omitted sheetId is 0
  const sheet = ss.sheets.find((s) => s.properties.sheetId === idNum);
  if (!sheet) throw invalid(`${where}: No grid with id: ${String(idNum)}`);
  return sheet;
}

export function reindex(ss: SpreadsheetState): void {
  ss.sheets.forEach((s, i) => {
    s.properties.index = i;
  });
}

export function requireInt(value: unknown, what: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(`${what} must be an integer >= ${min}, got ${JSON.stringify(value)}.`);
  }
  return value;
}
