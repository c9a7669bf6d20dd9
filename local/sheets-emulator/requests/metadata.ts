/**
 * Developer metadata on the spreadsheet, a sheet, or one row or column. Row and column metadata is
 * kept with the row (column) itself, so it moves on insert, delete and move, and goes with a
 * deleted row; its location is computed when it is read.
 */
import { randomInt } from 'node:crypto';
import { resolveRange } from '../grid.js';
import {
  asObject,
  type DimMeta,
  findSheetById,
  invalid,
  type Json,
  requireInt,
  type SheetState,
  type SpreadsheetState,
} from '../model.js';
import { gridRange } from './dims.js';
import { applyMask } from './mask.js';

interface Located {
  meta: Json;
  location: Json;
  /** Removes the entry from where it is stored. */
  remove(): void;
  sheet?: SheetState;
  dim?: 'ROWS' | 'COLUMNS';
  index?: number;
}

function entries(ss: SpreadsheetState): Located[] {
  const out: Located[] = [];
  const from = (list: Json[], location: Json, extra: Partial<Located> = {}) => {
    for (const meta of list) {
      out.push({ meta, location, remove: () => list.splice(list.indexOf(meta), 1), ...extra });
    }
  };
  from(ss.developerMetadata, { locationType: 'SPREADSHEET', spreadsheet: true });
  for (const sheet of ss.sheets) {
    const sheetId = sheet.properties.sheetId;
    from(sheet.developerMetadata, { locationType: 'SHEET', sheetId }, { sheet });
    for (const dim of ['ROWS', 'COLUMNS'] as const) {
      (dim === 'ROWS' ? sheet.rowMeta : sheet.colMeta).forEach((m, index) => {
        if (!m?.developerMetadata?.length) return;
        const location = {
          locationType: dim === 'ROWS' ? 'ROW' : 'COLUMN',
          dimensionRange: { sheetId, dimension: dim, startIndex: index, endIndex: index + 1 },
        };
        from(m.developerMetadata, location, { sheet, dim, index });
      });
    }
  }
  return out;
}

export const withLocation = (e: Located): Json => ({ ...e.meta, location: e.location });

/** Where new metadata goes: the list it is stored in. */
function storageFor(ss: SpreadsheetState, location: Json, where: string): Json[] {
  if (location.spreadsheet === true) return ss.developerMetadata;
  if (location.sheetId !== undefined) return findSheetById(ss, location.sheetId, where).developerMetadata;
  const d = location.dimensionRange as Json | undefined;
  if (!d) throw invalid(`${where}: location must name the spreadsheet, a sheet or a dimension range.`);
  const sheet = findSheetById(ss, d.sheetId, where);
  const start = requireInt(d.startIndex, `${where}: dimensionRange.startIndex`, 0);
  if (d.endIndex !== start + 1) {
    throw invalid(`${where}: The dimension range must represent a single row or column.`);
  }
  const g = sheet.properties.gridProperties;
  const list = d.dimension === 'ROWS' ? sheet.rowMeta : d.dimension === 'COLUMNS' ? sheet.colMeta : undefined;
  if (!list) throw invalid(`${where}: dimensionRange.dimension must be ROWS or COLUMNS.`);
  if (start >= (d.dimension === 'ROWS' ? g.rowCount : g.columnCount)) {
    throw invalid(`${where}: The dimension range is outside the grid.`);
  }
  while (list.length <= start) list.push(undefined);
  const meta: DimMeta = { ...list[start] };
  meta.developerMetadata = [...(meta.developerMetadata ?? [])];
  list[start] = meta;
  return meta.developerMetadata;
}

function intersects(e: Located, ss: SpreadsheetState, filter: Json, where: string): boolean {
  let sheet: SheetState;
  let w: { r0: number; r1: number; c0: number; c1: number };
  if (typeof filter.a1Range === 'string') {
    const r = resolveRange(ss, filter.a1Range);
    sheet = r.sheet;
    w = r;
  } else ({ sheet, ...w } = gridRange(ss, filter.gridRange, where));
  if (e.sheet !== sheet) return false;
  if (e.dim === undefined) return true;
  const i = e.index as number;
  return e.dim === 'ROWS' ? i >= w.r0 && i <= w.r1 : i >= w.c0 && i <= w.c1;
}

function sameLocation(e: Located, want: Json, strategy: unknown): boolean {
  if (want.spreadsheet === true)
    return e.location.locationType === 'SPREADSHEET' || strategy === 'INTERSECTING_LOCATION';
  if (want.sheetId !== undefined) {
    if (e.sheet?.properties.sheetId !== want.sheetId) return false;
    return e.dim === undefined || strategy === 'INTERSECTING_LOCATION';
  }
  const d = (want.dimensionRange ?? {}) as Json;
  if (e.sheet?.properties.sheetId !== (d.sheetId ?? 0) || e.dim !== d.dimension) return false;
  const i = e.index as number;
  return i >= ((d.startIndex as number) ?? 0) && i < ((d.endIndex as number) ?? Number.POSITIVE_INFINITY);
}

function matches(e: Located, ss: SpreadsheetState, filter: Json, where: string): boolean {
  if (filter.a1Range !== undefined || filter.gridRange !== undefined) return intersects(e, ss, filter, where);
  const l = asObject(filter.developerMetadataLookup);
  if (!Object.keys(l).length) throw invalid(`${where}: The data filter is empty.`);
  if (l.metadataId !== undefined && e.meta.metadataId !== l.metadataId) return false;
  if (l.metadataKey !== undefined && e.meta.metadataKey !== l.metadataKey) return false;
  if (l.metadataValue !== undefined && e.meta.metadataValue !== l.metadataValue) return false;
  if (l.visibility !== undefined && e.meta.visibility !== l.visibility) return false;
  if (l.locationType !== undefined && e.location.locationType !== l.locationType) return false;
  if (l.metadataLocation) return sameLocation(e, asObject(l.metadataLocation), l.locationMatchingStrategy);
  return true;
}

export function findMetadata(
  ss: SpreadsheetState,
  filters: unknown,
  where: string,
): { e: Located; filters: Json[] }[] {
  if (!Array.isArray(filters)) throw invalid(`${where}: dataFilters must be a list.`);
  const out: { e: Located; filters: Json[] }[] = [];
  for (const e of entries(ss)) {
    const hit = (filters as Json[]).filter((f) => matches(e, ss, asObject(f), where));
    if (hit.length) out.push({ e, filters: hit });
  }
  return out;
}

/** POST v4/spreadsheets/{id}/developerMetadata:search */
export function searchMetadata(ss: SpreadsheetState, body: unknown): Json {
  const found = findMetadata(ss, asObject(body).dataFilters ?? [], 'Invalid dataFilters');
  if (!found.length) return {};
  return {
    matchedDeveloperMetadata: found.map(({ e, filters }) => ({
      developerMetadata: withLocation(e),
      dataFilters: filters,
    })),
  };
}

export function getMetadata(ss: SpreadsheetState, id: number): Json {
  const e = entries(ss).find((x) => x.meta.metadataId === id);
  if (!e) throw invalid(`No developer metadata with ID: ${id}`);
  return withLocation(e);
}

type Handler = (ss: SpreadsheetState, p: Json, where: string) => Json;

export const METADATA_REQUESTS: Record<string, Handler> = {
  createDeveloperMetadata: (ss, p, where) => {
    const given = asObject(p.developerMetadata);
    const { location, ...meta } = given;
    if (typeof meta.metadataKey !== 'string' || meta.metadataKey === '') {
      throw invalid(`${where}: Developer metadata must have a key.`);
    }
    if (meta.visibility !== 'DOCUMENT' && meta.visibility !== 'PROJECT') {
      throw invalid(`${where}: Developer metadata visibility must be DOCUMENT or PROJECT.`);
    }
    const all = entries(ss);
    if (meta.metadataId !== undefined) {
      requireInt(meta.metadataId, `${where}: metadataId`, 1);
      if (all.some((e) => e.meta.metadataId === meta.metadataId)) {
        throw invalid(`${where}: Developer metadata with ID ${String(meta.metadataId)} already exists.`);
      }
    } else {
      let id: number;
      do id = randomInt(1, 2_000_000_000);
      while (all.some((e) => e.meta.metadataId === id));
      meta.metadataId = id;
    }
    const list = storageFor(ss, asObject(location), where);
    list.push(meta);
    const created = entries(ss).find((e) => e.meta === meta) as Located;
    return { createDeveloperMetadata: { developerMetadata: withLocation(created) } };
  },
  updateDeveloperMetadata: (ss, p, where) => {
    const found = findMetadata(ss, p.dataFilters, where);
    const given = asObject(p.developerMetadata);
    const updated = found.map(({ e }) => {
      const next: Json = { ...e.meta, location: storageLocation(e) };
      applyMask(next, given, p.fields, where, true, ['metadataId']);
      const { location, ...meta } = next;
      e.remove();
      storageFor(ss, asObject(location), where).push(meta);
      return meta;
    });
    const now = entries(ss).filter((e) => updated.includes(e.meta));
    return { updateDeveloperMetadata: { developerMetadata: now.map(withLocation) } };
  },
  deleteDeveloperMetadata: (ss, p, where) => {
    const found = findMetadata(ss, [p.dataFilter], where);
    for (const { e } of found) e.remove();
    return { deleteDeveloperMetadata: { deletedDeveloperMetadata: found.map(({ e }) => withLocation(e)) } };
  },
};

/** The location of an entry as it is written in a request. */
function storageLocation(e: Located): Json {
  if (e.dim !== undefined) return { dimensionRange: e.location.dimensionRange };
  return e.sheet ? { sheetId: e.sheet.properties.sheetId } : { spreadsheet: true };
}
