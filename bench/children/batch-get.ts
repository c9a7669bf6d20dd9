/**
 * The sync's baseline, in a process of its own: Google's client reading the Cases tab in one raw
 * `values.batchGet` (unformatted values, serial dates, as the sync reads it) and nothing else. Bundled
 * and run like sync-once.ts; argv: the stand-in's URL and the spreadsheet id. Reports on fd 3.
 */
import { writeSync } from 'node:fs';
import { sheets } from '@googleapis/sheets';

const [rootUrl, spreadsheetId] = process.argv.slice(2);
const api = sheets({ version: 'v4', retry: false, ...(rootUrl ? { rootUrl } : {}) });
const t0 = performance.now();
const res = await api.spreadsheets.values.batchGet({
  ...(spreadsheetId ? { spreadsheetId } : {}),
  ranges: ["'Cases'"],
  majorDimension: 'ROWS',
  valueRenderOption: 'UNFORMATTED_VALUE',
  dateTimeRenderOption: 'SERIAL_NUMBER',
});
const ms = performance.now() - t0;
const rows = res.data.valueRanges?.[0]?.values?.length ?? 0;
writeSync(3, JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, rows }));
