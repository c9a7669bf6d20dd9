/**
 * What the report functions add: their settings, the sheet, the mail, the roster, their state and the
 * chart renderer (its WebAssembly compiled on the first chart, not at cold start).
 */
import { makeResvgRenderer } from '../adapters/chart/resvg.js';
import { makeDynamoReportState } from '../adapters/dynamodb/report-state.js';
import type { ReportDeps } from '../usecases/daily-review.js';
import { makeReportSheet } from '../usecases/report-sheet.js';
import type { Core } from './core.js';
import { wireReportSettings } from './report-settings.js';
import { wireSheets } from './sheets.js';

export async function wireReports(core: Core, run: { timeoutSeconds: number }) {
  const { reports, mail, report, roster } = wireReportSettings(core, run);
  const { sheet } = await wireSheets(core);
  const deps: ReportDeps = {
    cases: core.cases,
    sheet: makeReportSheet({ sheet, lists: core.rules.lists }),
    sendOnce: mail.sendOnce,
    roster,
    state: makeDynamoReportState(core.db, core.config.tableName),
    charts: makeResvgRenderer(),
    clock: core.clock,
    logger: core.logger,
    rules: core.rules,
    settings: {
      report,
      recipients: reports.recipients,
      execManagers: mail.mail.execManagers,
      supervisors: mail.mail.supervisors,
    },
  };
  return { reports, deps, sheet };
}
