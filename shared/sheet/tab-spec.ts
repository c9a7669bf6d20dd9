/**
 * A tab as the product lays it out, said once as data: its bilingual header, each column's width,
 * number format, dropdown and protection, and the colours of whole rows. Any tab the product owns (Cases,
 * Staff, History; the reports add theirs) is one TabSpec; `planLayout` turns a spec and what the sheet
 * holds now into the one layout request an adapter sends, or nothing when the tab is already laid out.
 *
 * Re-laying out never undoes a manager's own work: widths, the filter and hidden columns are set only
 * when the tab is created; formats, dropdowns, protections and colours are reapplied only when the
 * spec's version changes, and only on the product's own columns (found by their header, wherever a
 * manager moved them); extra columns to the right are left alone.
 */
import type {
  CellValue,
  ColumnSpec,
  RgbColor,
  SheetChart,
  TabInfo,
  TabLayout,
} from '../ports/sheet-gateway.js';
import { cellHash, cellText } from './cells.js';

export type { CellFormat, ColumnSpec, RgbColor, TabLayout } from '../ports/sheet-gateway.js';

export interface TabSpec {
  title: string;
  columns: readonly ColumnSpec[];
  frozenRows: number;
  frozenColumns?: number;
  /** Rows the tab gets when created; it then grows by `growBy` rows at a time. */
  initialRows: number;
  growBy: number;
  filter?: boolean;
  /**
   * Colours for whole data rows, first match wins: a custom formula for row 2 where `{Header}` stands for
   * the column of that header (e.g. `=AND({下一期限 Next deadline}2<>"",{下一期限 Next deadline}2<NOW())`).
   */
  highlights?: readonly { formula: string; color: RgbColor }[];
  /** Native charts over the tab's columns, named by header; added when the tab is laid out anew. */
  charts?: readonly TabChart[];
}

export interface TabChart {
  title: string;
  domain: string;
  series: readonly string[];
  fromRow: number;
  toRow: number;
  /** Its top-left corner: in the column right of the one with this header, at this row (1-based). */
  anchor: { rightOf: string; row: number };
  stacked?: boolean;
}

/** A tab's layout version: changes whenever anything the layout applies changes. */
export function layoutVersion(spec: TabSpec): string {
  const json = JSON.stringify(spec);
  // Two hashes of the two halves: eight characters, no crypto needed for a change marker.
  return cellHash(json.slice(0, json.length >> 1)) + cellHash(json.slice(json.length >> 1));
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Where each of the spec's columns is in a header row (by header text); columns the header lacks are
 * placed after the last used header cell, in spec order. `missing` lists those (they need a header).
 */
export function locateColumns(
  spec: TabSpec,
  header: readonly CellValue[] | undefined,
): { positions: number[]; missing: number[] } {
  const byText = new Map<string, number>();
  (header ?? []).forEach((v, i) => {
    const t = cellText(v).trim();
    if (t && !byText.has(t)) byText.set(t, i);
  });
  let next = header?.length ?? 0;
  const missing: number[] = [];
  const positions = spec.columns.map((c, i) => {
    const at = byText.get(c.header);
    if (at !== undefined) return at;
    missing.push(i);
    return next++;
  });
  return { positions, missing };
}

/**
 * The layout a tab needs, or undefined when it has it: created when missing, restyled when its version
 * differs, headers written where missing, grown (by whole `growBy` chunks) to hold `neededRows`.
 */
export function planLayout(
  spec: TabSpec,
  existing: TabInfo | undefined,
  header: readonly CellValue[] | undefined,
  neededRows = 0,
): TabLayout | undefined {
  const version = layoutVersion(spec);
  const { positions, missing } = locateColumns(spec, existing ? header : undefined);
  const restyle = !existing || existing.layoutVersion !== version;
  const rows = existing?.rowCount ?? spec.initialRows;
  const minRows =
    neededRows > rows ? rows + Math.ceil((neededRows - rows) / spec.growBy) * spec.growBy : rows;
  if (existing && !restyle && missing.length === 0 && minRows === existing.rowCount) return undefined;
  const resolve = (formula: string) =>
    formula.replace(/\{([^}]+)\}/g, (_, h: string) => {
      const i = spec.columns.findIndex((c) => c.header === h);
      if (i < 0) throw new Error(`${spec.title}: highlight names unknown column "${h}"`);
      return `$${columnLetter(positions[i] ?? 0)}`;
    });
  const at = (h: string) => {
    const i = spec.columns.findIndex((c) => c.header === h);
    if (i < 0) throw new Error(`${spec.title}: a chart names unknown column "${h}"`);
    return positions[i] ?? 0;
  };
  const charts: SheetChart[] = (spec.charts ?? []).map((c) => ({
    title: c.title,
    domain: at(c.domain),
    series: c.series.map(at),
    fromRow: c.fromRow,
    toRow: c.toRow,
    anchor: { column: at(c.anchor.rightOf) + 1, row: c.anchor.row },
    ...(c.stacked ? { stacked: true } : {}),
  }));
  return {
    title: spec.title,
    version,
    ...(existing ? { existing } : {}),
    restyle,
    minRows,
    minColumns: Math.max(existing?.columnCount ?? 0, ...positions.map((p) => p + 1)),
    headers: missing.map((i) => ({ column: positions[i] ?? 0, text: spec.columns[i]?.header ?? '' })),
    columns: spec.columns.map((c, i) => ({ column: positions[i] ?? 0, spec: c })),
    frozenRows: spec.frozenRows,
    frozenColumns: spec.frozenColumns ?? 0,
    filter: !!spec.filter,
    highlights: (spec.highlights ?? []).map((h) => ({ formula: resolve(h.formula), color: h.color })),
    charts,
  };
}
