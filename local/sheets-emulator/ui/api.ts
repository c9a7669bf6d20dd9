/**
 * The grid page's own endpoints (under `/__emulator/ui/`): a view of one tab, and the edits a person
 * makes in it. Edits are typed values (USER_ENTERED, strict validation refused as the Sheets UI
 * does), a sort by a column below the frozen rows, and row inserts and deletes. Each typed edit is
 * reported to the on-edit hook with what Apps Script's edit event carries; API calls never are.
 */
import { formatA1 } from '../a1.js';
import type { Ctx } from '../context.js';
import { applyEntered, enterValue, isPlainText } from '../enter.js';
import { getCell, setCell } from '../grid.js';
import { asObject, findSheetById, invalid, type Json, requireInt, type SpreadsheetState } from '../model.js';
import { Calc, formattedText } from '../render.js';
import { applyRequest } from '../requests/index.js';
import { conditionalFormat, conditionHolds, dropdownOptions } from './validation.js';

/** Apps Script's edit event (https://developers.google.com/apps-script/guides/triggers/events#edit). */
export interface EditEvent {
  spreadsheetId: string;
  sheetId: number;
  sheetName: string;
  /** A1 notation of the edited cell within its sheet, e.g. `C5`. */
  range: string;
  /** 1-based, as in Apps Script. */
  row: number;
  column: number;
  /** The value before and after, as shown; absent when the cell was (or became) empty. */
  oldValue?: string;
  value?: string;
  user: { email: string };
}

export type OnEdit = (e: EditEvent) => void | Promise<void>;

const css = (color: Json | undefined) =>
  color
    ? `rgb(${Math.round(255 * Number(color.red ?? 0))},${Math.round(255 * Number(color.green ?? 0))},${Math.round(255 * Number(color.blue ?? 0))})`
    : undefined;

export function sheetView(ctx: Ctx, ss: SpreadsheetState, sheetId: number | undefined, limit = 500): Json {
  const sheet =
    sheetId === undefined
      ? (ss.sheets[0] as SpreadsheetState['sheets'][0])
      : findSheetById(ss, sheetId, 'Invalid sheet');
  const calc = new Calc(ss, ctx.now);
  const g = sheet.properties.gridProperties;
  const width = Math.min(
    g.columnCount,
    Math.max(
      8,
      sheet.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0),
    ),
  );
  const height = Math.min(g.rowCount, limit, Math.max(sheet.rows.length + 5, 20));
  const at = { calc, sheet, now: ctx.now, timeZone: ss.properties.timeZone };
  const rows: Json[] = [];
  for (let r = 0; r < height; r += 1) {
    const cells: Json[] = [];
    for (let c = 0; c < width; c += 1) {
      const cell = getCell(sheet, r, c);
      const value = cell?.f === undefined ? (cell?.v ?? null) : calc.value(sheet, r, c);
      const out: Json = { text: formattedText(cell, value) };
      const fmt = { ...(cell?.fmt ?? {}), ...(conditionalFormat({ ...at, r, c }, value) ?? {}) };
      const bg = css(fmt.backgroundColor as Json | undefined);
      if (bg) out.bg = bg;
      const fg = css((fmt.textFormat as Json | undefined)?.foregroundColor as Json | undefined);
      if (fg) out.fg = fg;
      const options = dropdownOptions(ss, calc, cell);
      if (options) out.options = options;
      if (
        cell?.dv &&
        !conditionHolds((cell.dv.condition ?? {}) as Json, value, { ...at, r, c, r0: r, c0: c })
      ) {
        out.invalid = true;
      }
      cells.push(out);
    }
    rows.push({ cells });
  }
  return {
    spreadsheetId: ss.spreadsheetId,
    title: ss.properties.title,
    sheets: ss.sheets.map((s) => ({ sheetId: s.properties.sheetId, title: s.properties.title })),
    sheetId: sheet.properties.sheetId,
    frozenRowCount: g.frozenRowCount ?? 0,
    rowCount: g.rowCount,
    columnCount: g.columnCount,
    rows,
  };
}

export async function uiAction(
  ctx: Ctx,
  id: string,
  action: string,
  body: unknown,
  onEdit: OnEdit | undefined,
): Promise<Json> {
  const b = asObject(body);
  const ss = ctx.store.get(id);
  const sheet = findSheetById(ss, b.sheetId, 'Invalid sheet');
  const sheetId = sheet.properties.sheetId;
  const row = requireInt(b.row ?? 0, 'row', 0);
  switch (action) {
    case 'edit': {
      const col = requireInt(b.col, 'col', 0);
      const typed = typeof b.value === 'string' ? b.value : '';
      const calc = new Calc(ss, ctx.now);
      const before = getCell(sheet, row, col);
      const oldText = formattedText(
        before,
        before?.f === undefined ? (before?.v ?? null) : calc.value(sheet, row, col),
      );
      ctx.store.mutate(id, () => {
        const entered = enterValue(typed, 'USER_ENTERED', 'value', ss.properties.locale, isPlainText(before));
        const next = applyEntered(before, entered ?? undefined);
        const cond = before?.dv?.condition as Json | undefined;
        if (before?.dv?.strict === true && cond && typed !== '') {
          const value = next?.v ?? next?.f ?? null;
          const at = {
            calc,
            sheet,
            r: row,
            c: col,
            r0: row,
            c0: col,
            now: ctx.now,
            timeZone: ss.properties.timeZone,
          };
          if (!conditionHolds(cond, value, at)) {
            throw invalid(
              `The data you entered in cell ${formatA1(sheet.properties.title, row, col, row, col).split('!')[1]} violates the data validation rules set on this cell.`,
            );
          }
        }
        setCell(sheet, row, col, next);
      });
      const after = getCell(sheet, row, col);
      const newText = formattedText(
        after,
        after?.f === undefined ? (after?.v ?? null) : new Calc(ss, ctx.now).value(sheet, row, col),
      );
      const event: EditEvent = {
        spreadsheetId: id,
        sheetId,
        sheetName: sheet.properties.title,
        range: formatA1('x', row, col, row, col).slice(2),
        row: row + 1,
        column: col + 1,
        user: { email: typeof b.user === 'string' && b.user ? b.user : 'manager@studio.example' },
      };
      if (oldText !== '') event.oldValue = oldText;
      if (newText !== '') event.value = newText;
      if (onEdit) await onEdit(event);
      return { ok: true, event };
    }
    case 'sort': {
      const col = requireInt(b.col, 'col', 0);
      const g = sheet.properties.gridProperties;
      const order = b.order === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING';
      const range = { sheetId, startRowIndex: g.frozenRowCount ?? 0, endRowIndex: g.rowCount };
      ctx.store.mutate(id, (s) =>
        applyRequest(
          s,
          { sortRange: { range, sortSpecs: [{ dimensionIndex: col, sortOrder: order }] } },
          0,
          ctx.now,
        ),
      );
      return { ok: true };
    }
    case 'insert-row': {
      // As the UI's "insert 1 row below": the new row takes the formatting of the row above it.
      const range = { sheetId, dimension: 'ROWS', startIndex: row + 1, endIndex: row + 2 };
      ctx.store.mutate(id, (s) =>
        applyRequest(s, { insertDimension: { range, inheritFromBefore: true } }, 0, ctx.now),
      );
      return { ok: true };
    }
    case 'delete-row': {
      const range = { sheetId, dimension: 'ROWS', startIndex: row, endIndex: row + 1 };
      ctx.store.mutate(id, (s) => applyRequest(s, { deleteDimension: { range } }, 0, ctx.now));
      return { ok: true };
    }
    default:
      throw invalid(`Unknown grid action: ${action}`);
  }
}
