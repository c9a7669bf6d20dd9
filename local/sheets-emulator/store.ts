/**
 * Spreadsheet store: lookup, all-or-nothing mutations, and optional JSON persistence written in the
 * background (coalesced, tmp file + rename) so large writes are not slowed by the disk.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { beginWrites, endWrites } from './grid.js';
import {
  ApiError,
  type Cell,
  type CellValue,
  type Json,
  newSheet,
  type SheetState,
  type SpreadsheetState,
} from './model.js';

/** A cell on disk: its bare value when that is all it holds. */
type StoredCell = CellValue | Cell | null;

interface StoredSheet extends Omit<SheetState, 'rows'> {
  rows: (StoredCell[] | null)[];
}

interface StoredFile {
  version: 2;
  spreadsheets: (Omit<SpreadsheetState, 'sheets'> & { sheets: StoredSheet[] })[];
}

const SAVE_DELAY_MS = 200;

/** A copy that shares row arrays and cells (never changed in place: see grid.ts `rowForWrite`). */
function snapshot(ss: SpreadsheetState): SpreadsheetState {
  return {
    ...ss,
    properties: structuredClone(ss.properties),
    developerMetadata: structuredClone(ss.developerMetadata),
    namedRanges: structuredClone(ss.namedRanges),
    sheets: ss.sheets.map((s) => ({
      ...structuredClone({ ...s, rows: [] }),
      rows: s.rows.slice(),
    })),
  };
}

export class Store {
  private readonly spreadsheets = new Map<string, SpreadsheetState>();
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly dataFile?: string) {
    if (dataFile) this.load(dataFile);
  }

  list(): SpreadsheetState[] {
    return [...this.spreadsheets.values()];
  }

  get(id: string): SpreadsheetState {
    const ss = this.spreadsheets.get(id);
    if (!ss) throw new ApiError('NOT_FOUND', 'Requested entity was not found.');
    return ss;
  }

  has(id: string): boolean {
    return this.spreadsheets.has(id);
  }

  add(ss: SpreadsheetState): void {
    this.spreadsheets.set(ss.spreadsheetId, ss);
    this.scheduleSave();
  }

  /**
   * Runs `fn` on the spreadsheet; if it throws, the spreadsheet is restored as it was, so a batch
   * either applies completely or not at all (as the real API does).
   */
  mutate<T>(id: string, fn: (ss: SpreadsheetState) => T): T {
    const current = this.get(id);
    const before = snapshot(current);
    beginWrites();
    try {
      const result = fn(current);
      current.revision += 1;
      this.scheduleSave();
      return result;
    } catch (e) {
      this.spreadsheets.set(id, before);
      throw e;
    } finally {
      endWrites();
    }
  }

  /** Writes any pending change now (used on close). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.saving = this.saving.then(() => this.save());
    }
    await this.saving;
  }

  private scheduleSave(): void {
    if (!this.dataFile || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saving = this.saving.then(() => this.save());
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    let data: StoredFile | { version: 1; spreadsheets: Json[] };
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new Error(`Sheets emulator: cannot parse data file ${file}: ${(e as Error).message}`);
    }
    for (const p of data.spreadsheets ?? []) {
      const ss =
        data.version === 1 ? fromVersion1(p as Json) : fromStored(p as StoredFile['spreadsheets'][0]);
      this.spreadsheets.set(ss.spreadsheetId, ss);
    }
  }

  private async save(): Promise<void> {
    if (!this.dataFile) return;
    const data: StoredFile = {
      version: 2,
      spreadsheets: this.list().map((ss) => ({
        ...ss,
        sheets: ss.sheets.map((s) => ({
          ...s,
          rows: s.rows.map((row) =>
            row
              ? row.map((c) =>
                  c === undefined ? null : Object.keys(c).length === 1 && c.v !== undefined ? c.v : c,
                )
              : null,
          ),
        })),
      })),
    };
    mkdirSync(dirname(this.dataFile), { recursive: true });
    const tmp = `${this.dataFile}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(data));
    await rename(tmp, this.dataFile);
  }
}

function fromStored(p: StoredFile['spreadsheets'][0]): SpreadsheetState {
  return {
    ...p,
    developerMetadata: p.developerMetadata ?? [],
    namedRanges: p.namedRanges ?? [],
    revision: p.revision ?? 0,
    sheets: p.sheets.map((s) => ({
      ...newSheet(s.properties),
      ...s,
      rowMeta: (s.rowMeta ?? []).map((m) => m ?? undefined),
      colMeta: (s.colMeta ?? []).map((m) => m ?? undefined),
      rows: s.rows.map((row) =>
        row ? row.map((c) => (c === null ? undefined : typeof c === 'object' ? c : { v: c })) : undefined,
      ),
    })),
  };
}

/** The first data file format: `cells[row][col] = { value, isFormula }`. */
function fromVersion1(p: Json): SpreadsheetState {
  const sheets = (
    p.sheets as { properties: SheetState['properties']; cells: Record<string, Record<string, Json>> }[]
  ).map((s) => {
    const sheet = newSheet(s.properties);
    for (const [r, cols] of Object.entries(s.cells)) {
      const row: (Cell | undefined)[] = [];
      for (const [c, cell] of Object.entries(cols)) {
        row[Number(c)] = cell.isFormula ? { f: String(cell.value) } : { v: cell.value as CellValue };
      }
      sheet.rows[Number(r)] = Array.from(row);
    }
    sheet.rows = Array.from(sheet.rows);
    return sheet;
  });
  return {
    spreadsheetId: p.spreadsheetId as string,
    properties: p.properties as SpreadsheetState['properties'],
    sheets,
    developerMetadata: [],
    namedRanges: [],
    revision: (p.revision as number | undefined) ?? 0,
  };
}
