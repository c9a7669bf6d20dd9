import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { SheetGateway } from '../../ports/sheet-gateway.js';

export interface GoogleSheetGatewayOptions {
  spreadsheetId: string;
  /** The local Sheets emulator's URL; omitted in the cloud (Google's endpoint). */
  rootUrl?: string;
  /** A google-auth-library client in the cloud; omitted locally (the emulator ignores auth). */
  auth?: unknown;
}

/** A1 sheet reference that is never mistaken for a cell (`'A1'`) and survives quotes and spaces. */
const quote = (title: string) => `'${title.replaceAll("'", "''")}'`;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * SheetGateway over Google's Sheets v4 client. Every write uses valueInputOption RAW, so text
 * starting with `=`, `+` or a digit is stored verbatim and never runs as a formula.
 */
export function makeGoogleSheetGateway(opts: GoogleSheetGatewayOptions): SheetGateway {
  const api = sheets({
    version: 'v4',
    ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}),
    ...(opts.auth ? { auth: opts.auth as sheets_v4.Options['auth'] } : {}),
  });
  const { spreadsheetId } = opts;

  async function findTab(title: string): Promise<sheets_v4.Schema$SheetProperties | undefined> {
    const res = await api.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties' });
    const all = (res.data.sheets ?? []).flatMap((s) => (s.properties ? [s.properties] : []));
    // Google treats sheet names case-insensitively, so "cases" already blocks adding "Cases".
    return (
      all.find((p) => p.title === title) ?? all.find((p) => p.title?.toLowerCase() === title.toLowerCase())
    );
  }

  async function addTab(
    title: string,
    columns: number,
  ): Promise<sheets_v4.Schema$SheetProperties | undefined> {
    try {
      const res = await api.spreadsheets.batchUpdate({
        spreadsheetId,
        requestBody: {
          requests: [
            {
              addSheet: {
                properties: { title, gridProperties: { frozenRowCount: 1, columnCount: columns } },
              },
            },
          ],
        },
      });
      return res.data.replies?.[0]?.addSheet?.properties ?? undefined;
    } catch (e) {
      // Another caller created it in the meantime: use theirs.
      if (/already exists/i.test((e as Error).message)) return findTab(title);
      throw e;
    }
  }

  return {
    async ensureTab(title, header) {
      if (header.length === 0) throw new Error('ensureTab: the header must name at least one column');
      const props = (await findTab(title)) ?? (await addTab(title, Math.max(26, header.length)));
      if (props?.sheetId === undefined || props.sheetId === null) throw new Error(`Tab not found: ${title}`);
      const sheetId = props.sheetId;
      const columnCount = props.gridProperties?.columnCount ?? 0;
      const requests: sheets_v4.Schema$Request[] = [];
      if (columnCount < header.length) {
        requests.push({
          appendDimension: { sheetId, dimension: 'COLUMNS', length: header.length - columnCount },
        });
      }
      if (props.gridProperties?.frozenRowCount !== 1) {
        requests.push({
          updateSheetProperties: {
            properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
            fields: 'gridProperties.frozenRowCount',
          },
        });
      }
      if (requests.length) await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });

      const res = await api.spreadsheets.values.get({ spreadsheetId, range: `${quote(title)}!1:1` });
      const current = (res.data.values?.[0] ?? []).map(cellText);
      const same = current.length === header.length && current.every((v, i) => v === header[i]);
      if (same) return;
      // Pad with '' so header cells beyond the new header are cleared.
      const row = [...header, ...Array<string>(Math.max(0, current.length - header.length)).fill('')];
      await api.spreadsheets.values.update({
        spreadsheetId,
        range: `${quote(title)}!A1`,
        valueInputOption: 'RAW',
        requestBody: { majorDimension: 'ROWS', values: [row] },
      });
    },

    async readRows(tab) {
      const res = await api.spreadsheets.values.get({
        spreadsheetId,
        range: quote(tab),
        majorDimension: 'ROWS',
        valueRenderOption: 'UNFORMATTED_VALUE',
        // Dates a manager types come back as text rather than serial numbers.
        dateTimeRenderOption: 'FORMATTED_STRING',
      });
      const [header = [], ...rows] = res.data.values ?? [];
      return rows.map((r) => {
        const cells = r.map(cellText);
        while (cells.length < header.length) cells.push('');
        return cells;
      });
    },

    async writeRows(tab, startRow, rows) {
      if (!Number.isInteger(startRow) || startRow < 1) throw new RangeError(`Invalid start row: ${startRow}`);
      if (rows.length === 0) return;
      await api.spreadsheets.values.update({
        spreadsheetId,
        range: `${quote(tab)}!A${startRow}`,
        valueInputOption: 'RAW',
        requestBody: { majorDimension: 'ROWS', values: rows },
      });
    },

    async appendRows(tab, rows) {
      if (rows.length === 0) return;
      await api.spreadsheets.values.append({
        spreadsheetId,
        range: quote(tab),
        valueInputOption: 'RAW',
        insertDataOption: 'INSERT_ROWS',
        requestBody: { majorDimension: 'ROWS', values: rows },
      });
    },
  };
}
