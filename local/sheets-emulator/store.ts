/** Spreadsheet store: lookup, all-or-nothing mutations, and optional JSON persistence. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError, type Cell, type SheetProperties, type SpreadsheetState } from './model.js';

interface PersistedSheet {
  properties: SheetProperties;
  /** row -> col -> cell, 0-based indexes as object keys. */
  cells: Record<string, Record<string, Cell>>;
}

interface PersistedSpreadsheet extends Omit<SpreadsheetState, 'sheets'> {
  sheets: PersistedSheet[];
}

interface PersistedFile {
  version: 1;
  spreadsheets: PersistedSpreadsheet[];
}

export class Store {
  private readonly spreadsheets = new Map<string, SpreadsheetState>();

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
    this.save();
  }

  /**
   * Runs `fn` on the spreadsheet; if it throws, the spreadsheet is restored as it was, so a batch
   * either applies completely or not at all (as the real API does).
   */
  mutate<T>(id: string, fn: (ss: SpreadsheetState) => T): T {
    const current = this.get(id);
    const snapshot = structuredClone(current);
    try {
      const result = fn(current);
      current.revision += 1;
      this.save();
      return result;
    } catch (e) {
      this.spreadsheets.set(id, snapshot);
      throw e;
    }
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    let data: PersistedFile;
    try {
      data = JSON.parse(text) as PersistedFile;
    } catch (e) {
      throw new Error(`Sheets emulator: cannot parse data file ${file}: ${(e as Error).message}`);
    }
    for (const p of data.spreadsheets ?? []) {
      const sheets = p.sheets.map((s) => {
        const rows = new Map<number, Map<number, Cell>>();
        for (const [r, cols] of Object.entries(s.cells)) {
          rows.set(Number(r), new Map(Object.entries(cols).map(([c, cell]) => [Number(c), cell])));
        }
        return { properties: s.properties, rows };
      });
      this.spreadsheets.set(p.spreadsheetId, { ...p, revision: p.revision ?? 0, sheets });
    }
  }

  /** Writes the whole state to a temporary file and renames it over the data file (atomic). */
  private save(): void {
    if (!this.dataFile) return;
    const data: PersistedFile = {
      version: 1,
      spreadsheets: this.list().map((ss) => ({
        ...ss,
        sheets: ss.sheets.map((s) => {
          const cells: Record<string, Record<string, Cell>> = {};
          for (const [r, cols] of s.rows) cells[String(r)] = Object.fromEntries(cols);
          return { properties: s.properties, cells };
        }),
      })),
    };
    mkdirSync(dirname(this.dataFile), { recursive: true });
    const tmp = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.dataFile);
  }
}
