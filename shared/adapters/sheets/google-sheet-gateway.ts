/**
 * SheetGateway over Google's Sheets v4 client (`@googleapis/sheets`). One API request per method, each
 * through our own backoff (the client's retries are off). Writes are RAW, so text starting with `=`,
 * `+` or a digit is stored verbatim and never runs as a formula.
 */
import { randomInt } from 'node:crypto';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type {
  Area,
  CallOptions,
  CellValue,
  RowFold,
  SheetGateway,
  SpreadsheetInfo,
  TabInfo,
} from '../../ports/sheet-gateway.js';
import { columnLetter, type TabLayout } from '../../sheet/tab-spec.js';
import {
  type ExistingRules,
  LAYOUT_KEY,
  layoutRequests,
  PROTECTION_MARK,
  RULE_MARK,
} from './layout-requests.js';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry.js';
import { ValueRowsParser } from './value-rows.js';

export interface GoogleSheetGatewayOptions {
  spreadsheetId: string;
  /** The local Sheets stand-in's URL; omitted in the cloud (Google's endpoint). */
  rootUrl?: string;
  /** A google-auth-library client in the cloud; omitted locally (the stand-in ignores auth). */
  auth?: unknown;
  retry?: Partial<RetryPolicy>;
}

/** A1 sheet reference that is never mistaken for a cell (`'A1'`) and survives quotes and spaces. */
const quote = (title: string) => `'${title.replaceAll("'", "''")}'`;

/** An area in A1 notation: whole tab, rows (`2:5`), columns (`B:C`) or a rectangle with an open end. */
export function a1(area: Area): string {
  const { fromRow, toRow, fromColumn, toColumn } = area;
  const tab = quote(area.tab);
  if (fromColumn === undefined && toColumn === undefined) {
    if (fromRow === undefined && toRow === undefined) return tab;
    return `${tab}!${fromRow ?? 1}:${toRow ?? fromRow ?? 1}`;
  }
  const c0 = columnLetter((fromColumn ?? 1) - 1);
  const c1 = columnLetter((toColumn ?? fromColumn ?? 1) - 1);
  if (fromRow === undefined && toRow === undefined) return `${tab}!${c0}:${c1}`;
  return `${tab}!${c0}${fromRow ?? 1}:${c1}${toRow ?? ''}`;
}

const INFO_FIELDS =
  'properties.timeZone,sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),developerMetadata(metadataKey,metadataValue))';

function tabInfo(s: sheets_v4.Schema$Sheet): TabInfo | undefined {
  const p = s.properties;
  if (p?.sheetId === undefined || p.sheetId === null || !p.title) return undefined;
  const version = s.developerMetadata?.find((m) => m.metadataKey === LAYOUT_KEY)?.metadataValue;
  return {
    title: p.title,
    sheetId: p.sheetId,
    rowCount: p.gridProperties?.rowCount ?? 0,
    columnCount: p.gridProperties?.columnCount ?? 0,
    ...(version ? { layoutVersion: version } : {}),
  };
}

/** Every row of each area, as `read` answers. */
const collectRows = (count: number) => (): RowFold<CellValue[][][]> => {
  const out: CellValue[][][] = Array.from({ length: count }, () => []);
  return {
    row: (area, index, cells) => {
      const rows = out[area];
      if (rows) rows[index] = cells;
    },
    result: () => out,
  };
};

/**
 * A streamed call's error comes with Google's error body as its message and no parsed body; parsed
 * back, it reads as the client's other errors do (status, message, `response.data`).
 */
function parsedErrorBody(e: unknown): never {
  const err = e as { message?: string; response?: { data?: unknown } };
  if (err.response && err.response.data === undefined && err.message?.startsWith('{')) {
    try {
      const body = JSON.parse(err.message) as { error?: { message?: string } };
      err.response.data = body;
      if (typeof body.error?.message === 'string') err.message = body.error.message;
    } catch {
      // Not JSON (a proxy's page): left as it came.
    }
  }
  throw e;
}

export function makeGoogleSheetGateway(opts: GoogleSheetGatewayOptions): SheetGateway {
  const api = sheets({
    version: 'v4',
    retry: false,
    ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}),
    ...(opts.auth ? { auth: opts.auth as sheets_v4.Options['auth'] } : {}),
  });
  const { spreadsheetId } = opts;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const counts: Record<string, number> = {};
  const call = <T>(method: string, run: () => Promise<T>, o?: CallOptions) =>
    withRetries(run, policy, o?.deadline, () => {
      counts[method] = (counts[method] ?? 0) + 1;
    });

  async function info(o?: CallOptions): Promise<SpreadsheetInfo> {
    const res = await call(
      'spreadsheets.get',
      () => api.spreadsheets.get({ spreadsheetId, fields: INFO_FIELDS }),
      o,
    );
    return {
      timeZone: res.data.properties?.timeZone ?? 'Etc/UTC',
      tabs: (res.data.sheets ?? []).flatMap((s) => tabInfo(s) ?? []),
    };
  }

  /** The product's protections and rules on the tabs about to be restyled (one extra read, only then). */
  async function existingRules(sheetIds: number[], o?: CallOptions): Promise<Map<number, ExistingRules>> {
    const out = new Map<number, ExistingRules>();
    if (sheetIds.length === 0) return out;
    const res = await call(
      'spreadsheets.get',
      () =>
        api.spreadsheets.get({
          spreadsheetId,
          fields:
            'sheets(properties.sheetId,protectedRanges(protectedRangeId,description),conditionalFormats(booleanRule(condition(values))),basicFilter.range,charts(chartId,spec.title))',
        }),
      o,
    );
    for (const s of res.data.sheets ?? []) {
      const id = s.properties?.sheetId;
      if (id === undefined || id === null || !sheetIds.includes(id)) continue;
      out.set(id, {
        protectedRangeIds: (s.protectedRanges ?? [])
          .filter((p) => p.description === PROTECTION_MARK)
          .flatMap((p) => (typeof p.protectedRangeId === 'number' ? [p.protectedRangeId] : [])),
        ruleIndexes: (s.conditionalFormats ?? []).flatMap((r, i) =>
          r.booleanRule?.condition?.values?.some((v) => v.userEnteredValue?.includes(RULE_MARK)) ? [i] : [],
        ),
        hasFilter: !!s.basicFilter,
        charts: (s.charts ?? []).flatMap((c) =>
          typeof c.chartId === 'number' ? [{ chartId: c.chartId, title: c.spec?.title ?? '' }] : [],
        ),
      });
    }
    return out;
  }

  /**
   * One `values.batchGet`, its answer parsed row by row as it arrives (./value-rows.ts): a fresh fold
   * per attempt, so a retry never hands a row twice to the same fold.
   */
  async function foldRows<T>(areas: Area[], fold: () => RowFold<T>, o?: CallOptions): Promise<T> {
    if (areas.length === 0) return fold().result();
    return call(
      'spreadsheets.values.batchGet',
      async () => {
        const f = fold();
        const res = await api.spreadsheets.values
          .batchGet(
            {
              spreadsheetId,
              ranges: areas.map(a1),
              majorDimension: 'ROWS',
              valueRenderOption: 'UNFORMATTED_VALUE',
              dateTimeRenderOption: 'SERIAL_NUMBER',
            },
            { responseType: 'stream' },
          )
          .catch(parsedErrorBody);
        const rows = new ValueRowsParser((area, index, cells) => f.row(area, index, cells));
        for await (const chunk of res.data as unknown as AsyncIterable<Uint8Array>) rows.write(chunk);
        rows.end();
        return f.result();
      },
      o,
    );
  }

  return {
    info,

    read: (areas, o) => foldRows(areas, collectRows(areas.length), o),

    foldRows,

    async write(writes, o) {
      const data = writes
        .filter((w) => w.values.length > 0)
        .map((w) => ({
          range: a1({
            tab: w.tab,
            fromRow: w.row,
            fromColumn: w.column,
            toColumn: w.column + Math.max(1, ...w.values.map((r) => r.length)) - 1,
            toRow: w.row + w.values.length - 1,
          }),
          majorDimension: 'ROWS',
          // Google's "" clears a cell; null would leave it as it is.
          values: w.values.map((r) => r.map((v) => (v === null ? '' : v))),
        }));
      if (data.length === 0) return;
      await call(
        'spreadsheets.values.batchUpdate',
        () =>
          api.spreadsheets.values.batchUpdate({
            spreadsheetId,
            requestBody: { valueInputOption: 'RAW', data },
          }),
        o,
      );
    },

    async layout(tabs: TabLayout[], o) {
      if (tabs.length === 0) return;
      const restyled = tabs.flatMap((t) => (t.restyle && t.existing ? [t.existing.sheetId] : []));
      const rules = await existingRules(restyled, o);
      const requests = tabs.flatMap((t) => {
        const sheetId = t.existing?.sheetId ?? randomInt(1, 2 ** 31 - 1);
        return layoutRequests(t, sheetId, rules.get(sheetId));
      });
      const took = async () => {
        const now = await info(o);
        return tabs.every((t) =>
          now.tabs.some(
            (x) => x.title === t.title && x.layoutVersion === t.version && x.rowCount >= t.minRows,
          ),
        );
      };
      // A layout is not idempotent (it adds rules): after a failed attempt, retry only if it did not take.
      await call(
        'spreadsheets.batchUpdate',
        async () => {
          try {
            await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
          } catch (e) {
            if (await took()) return;
            throw e;
          }
        },
        o,
      );
    },

    requests: () => ({ ...counts }),
  };
}
