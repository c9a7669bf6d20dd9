/** spreadsheets.batchUpdate: one handler per request kind; an unknown kind is refused. */
import { asObject, invalid, type Json, type SpreadsheetState } from '../model.js';
import { CELL_REQUESTS } from './cells.js';
import { DIMENSION_REQUESTS } from './dims.js';
import { LAYOUT_REQUESTS } from './layout.js';
import { METADATA_REQUESTS } from './metadata.js';
import { SHEET_REQUESTS } from './sheets.js';

type Handler = (ss: SpreadsheetState, p: Json, where: string, now: () => number) => Json;

const HANDLERS: Record<string, Handler> = {
  ...SHEET_REQUESTS,
  ...DIMENSION_REQUESTS,
  ...CELL_REQUESTS,
  ...LAYOUT_REQUESTS,
  ...METADATA_REQUESTS,
};

export const SUPPORTED_REQUESTS = Object.keys(HANDLERS).sort();

export function applyRequest(ss: SpreadsheetState, raw: unknown, i: number, now: () => number): Json {
  const req = asObject(raw);
  const kinds = Object.keys(req);
  if (kinds.length !== 1) throw invalid(`Invalid requests[${i}]: exactly one kind of request must be set.`);
  const kind = kinds[0] as string;
  const where = `Invalid requests[${i}].${kind}`;
  const handler = HANDLERS[kind];
  if (!handler) throw invalid(`${where}: this request kind is not supported by the Sheets emulator.`);
  return handler(ss, asObject(req[kind]), where, now);
}
