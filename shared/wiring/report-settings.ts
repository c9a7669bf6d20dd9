// Its own module: the case file needs these and neither the Google client nor the chart renderer.
import { makeDynamoRosterStore } from '../adapters/dynamodb/roster.js';
import { loadReportsConfig } from '../config.js';
import type { ReportContext } from '../report/say.js';
import type { Core } from './core.js';
import { wireMail } from './mail.js';

/** The reports' settings and the context they are written in; no sheet (the case file needs none). */
export function wireReportSettings(core: Core, run: { timeoutSeconds: number }) {
  const reports = loadReportsConfig();
  const mail = wireMail(core, run);
  const report: ReportContext = {
    langs: reports.langs,
    lists: core.rules.lists,
    timeZone: core.calendar.settings.timeZone,
  };
  const roster = makeDynamoRosterStore(core.db, core.config.tableName);
  return { reports, mail, report, roster };
}
