/**
 * In-memory model of spreadsheets, the Google-shaped error, and how entered values are stored and
 * rendered. A cell keeps what was entered: a string, number or boolean, or a formula (its text with
 * `isFormula`). Formulas are never evaluated: every render option returns the formula text.
 */
export type CellValue = string | number | boolean;

export interface Cell {
  value: CellValue;
  isFormula?: boolean;
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
  /** row index -> column index -> cell (0-based, sparse). */
  rows: Map<number, Map<number, Cell>>;
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
  /** Bumped on every mutation (emulator-only, for tests). */
  revision: number;
}

export type ErrorStatus = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'INTERNAL' | 'FAILED_PRECONDITION';

const HTTP_CODES: Record<ErrorStatus, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

/** Rendered as `{ error: { code, message, status } }`, like Google APIs. */
export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly status: ErrorStatus,
    message: string,
  ) {
    super(message);
    this.code = HTTP_CODES[status];
  }
}

export const invalid = (message: string) => new ApiError('INVALID_ARGUMENT', message);

export function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('Invalid JSON payload received. Expected an object.');
  }
  return body as Record<string, unknown>;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELL_CHARS = 50_000;
export const MAX_WORKBOOK_CELLS = 10_000_000;

export type ValueInputOption = 'RAW' | 'USER_ENTERED';
export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

export function parseInputOption(raw: unknown): ValueInputOption {
  if (raw === undefined || raw === null || raw === '' || raw === 'INPUT_VALUE_OPTION_UNSPECIFIED') {
    throw invalid("'valueInputOption' is required but not specified");
  }
  if (raw !== 'RAW' && raw !== 'USER_ENTERED') {
    throw invalid(`Invalid value at 'value_input_option' (TYPE_ENUM), "${String(raw)}"`);
  }
  return raw;
}

export function parseRenderOption(raw: unknown): ValueRenderOption {
  if (raw === undefined || raw === null || raw === '') return 'FORMATTED_VALUE';
  if (raw !== 'FORMATTED_VALUE' && raw !== 'UNFORMATTED_VALUE' && raw !== 'FORMULA') {
    throw invalid(`Invalid value at 'value_render_option' (TYPE_ENUM), "${String(raw)}"`);
  }
  return raw;
}

export function parseMajorDimension(raw: unknown): 'ROWS' | 'COLUMNS' {
  if (raw === undefined || raw === null || raw === '' || raw === 'ROWS' || raw === 'DIMENSION_UNSPECIFIED') {
    return 'ROWS';
  }
  if (raw === 'COLUMNS') return 'COLUMNS';
  throw invalid(`Invalid value at 'major_dimension' (TYPE_ENUM), "${String(raw)}"`);
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * What a cell holds after entering `raw`: `null` = leave the cell untouched (JSON null),
 * `undefined` = clear it (empty string). RAW never creates a formula and keeps strings verbatim.
 * USER_ENTERED: `=…` is a formula, a leading `'` forces text, numbers and TRUE/FALSE are parsed;
 * dates, percentages, currencies and thousands separators stay text (not modelled).
 */
export function enterValue(raw: unknown, option: ValueInputOption, where: string): Cell | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw invalid(`Invalid ${where}: not a finite number`);
    return { value: raw };
  }
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw !== 'string') throw invalid(`Invalid ${where}: unsupported value type ${typeof raw}`);
  if (raw.length > MAX_CELL_CHARS) {
    throw invalid(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (raw === '') return undefined;
  if (option === 'RAW') return { value: raw };
  if (raw.startsWith("'")) return raw.length > 1 ? { value: raw.slice(1) } : undefined;
  if (raw.startsWith('=') && raw.length > 1) return { value: raw, isFormula: true };
  const trimmed = raw.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  return { value: raw };
}

export function renderCell(cell: Cell | undefined, option: ValueRenderOption): CellValue {
  if (!cell) return '';
  if (cell.isFormula) return cell.value;
  if (option !== 'FORMATTED_VALUE') return cell.value;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

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
    rows: new Map(),
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
  for (const s of ss.sheets)
    n += s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount;
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

export function reindex(ss: SpreadsheetState): void {
  ss.sheets.forEach((s, i) => {
    s.properties.index = i;
  });
}
