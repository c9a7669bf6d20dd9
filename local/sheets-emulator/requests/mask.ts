/** FieldMask for batchUpdate requests (`fields`): which fields of the given object to copy. */
import { type Mask, parseMask } from '../fields.js';
import { invalid, type Json } from '../model.js';

type Schema = Parameters<typeof parseMask>[1] & {};

function getPath(source: unknown, path: string[]): unknown {
  let cur = source;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Json)[key];
  }
  return cur;
}

function setPath(target: Json, path: string[], value: unknown): void {
  let cur = target;
  for (const key of path.slice(0, -1)) {
    const next = cur[key];
    if (typeof next !== 'object' || next === null) cur[key] = {};
    cur = cur[key] as Json;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete cur[last];
  else cur[last] = structuredClone(value);
}

function paths(mask: Mask, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of mask) {
    if (v === true) out.push([...prefix, k]);
    else out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

/** The mask's leaf paths; `*` alone means every field of `source`. Unknown names are refused. */
export function maskPaths(fields: unknown, where: string, schema: Schema, source: Json): string[][] {
  if (typeof fields !== 'string' || fields.trim() === '') {
    throw invalid(`${where}: At least one field must be updated, but 'fields' is empty.`);
  }
  let mask: Mask;
  try {
    mask = parseMask(fields, schema);
  } catch {
    throw invalid(`${where}: Invalid field mask: ${fields}`);
  }
  if (mask.get('*') === true) return Object.keys(source).map((k) => [k]);
  return paths(mask);
}

/**
 * Copies the fields named by a FieldMask from `source` into `target`; a named field missing from
 * `source` is reset (deleted), as in the API.
 */
export function applyMask(
  target: object,
  source: Json,
  fields: unknown,
  where: string,
  schema: Schema,
  immutable: string[] = [],
): void {
  for (const path of maskPaths(fields, where, schema, source)) {
    if (immutable.includes(path[0] as string)) continue;
    setPath(target as Json, path, getPath(source, path));
  }
}
