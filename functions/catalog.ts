/**
 * The one route table and the one schedule table. The CDK stack and the local runtime both read them,
 * so a route or a schedule cannot exist in the cloud and not on a laptop, or the other way round.
 * Descriptions are deployed with the functions: they say what each one does today.
 */
import { type BundledFile, CHART_BUNDLE_FILES } from '../shared/adapters/chart/files.js';
import type { ConfigSection } from '../shared/config.js';

export type FunctionName =
  | 'pages'
  | 'submit-complaint'
  | 'lookup-status'
  | 'sync-sheet'
  | 'sheet-hook'
  | 'escalate'
  | 'daily-summary'
  | 'monthly-report'
  | 'case-file';

/**
 * What each function may touch: the configuration sections it loads (shared/config.ts). The stack turns
 * them into environment and IAM grants: `core` the table, `mail` sending from the sender address.
 */
export interface FunctionSpec {
  name: FunctionName;
  /** Path of the handler module, relative to the repository root. */
  entry: string;
  description: string;
  needs: readonly ConfigSection[];
  timeoutSeconds: number;
  memoryMb: number;
  /** Files the function reads at run time, copied next to its bundle (the chart renderer's). */
  files?: readonly BundledFile[];
}

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  function: FunctionName;
}

/** A schedule in the business time zone; `toScheduleExpression` gives EventBridge Scheduler's form. */
export type Schedule =
  | { function: FunctionName; every: { minutes: number } }
  | { function: FunctionName; daily: { hour: number; minute: number } }
  /** Every day from `days[0]` to `days[1]` of the month (the function decides which of them to act on). */
  | { function: FunctionName; monthly: { days: readonly [number, number]; hour: number; minute: number } };

const fn = (
  name: FunctionName,
  description: string,
  needs: FunctionSpec['needs'],
  timeoutSeconds = 10,
  memoryMb = 512,
  files?: readonly BundledFile[],
): FunctionSpec => ({
  name,
  entry: `functions/${name}/handler.ts`,
  description,
  needs,
  timeoutSeconds,
  memoryMb,
  ...(files ? { files } : {}),
});

export const FUNCTIONS: readonly FunctionSpec[] = [
  fn('pages', 'Serves the staff form and the customer status page', ['http', 'core']),
  fn('submit-complaint', 'Records a complaint from the form or the API', ['http', 'core', 'mail']),
  fn('lookup-status', "Answers a customer's status lookup", ['http', 'core']),
  fn(
    'sync-sheet',
    'Two-way sync of the managers’ sheet: cases to rows, edits and typed rows to cases, Staff to the roster, events to History',
    ['core', 'sheets', 'mail'],
    60,
  ),
  fn(
    'sheet-hook',
    'Applies a manager’s edit in the sheet within seconds (the signed on-edit ping)',
    ['core', 'sheets', 'mail', 'sheetHook'],
    30,
  ),
  fn(
    'escalate',
    'Warns owners before deadlines and escalates late cases to the store supervisor and the executive manager (email, group-chat robots)',
    ['core', 'mail', 'escalation'],
    60,
  ),
  fn(
    'daily-summary',
    "The evening daily review: the day's figures into the sheet (Daily Summary, Daily Review) and by email to the managers, chart inline",
    ['core', 'mail', 'sheets', 'reports'],
    120,
    1024,
    CHART_BUNDLE_FILES,
  ),
  fn(
    'monthly-report',
    "Last month's statistics on the first working day: the Monthly tab, and an email with the trend chart and the cases as CSV",
    ['core', 'mail', 'sheets', 'reports'],
    180,
    1024,
    CHART_BUNDLE_FILES,
  ),
  fn(
    'case-file',
    "A case's printable file with every event and deadline: returned when invoked, or emailed to the roster manager who asks from the sheet",
    ['core', 'mail', 'sheetHook', 'reports'],
    30,
  ),
];

export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/', function: 'pages' },
  { method: 'GET', path: '/status', function: 'pages' },
  { method: 'POST', path: '/complaints', function: 'submit-complaint' },
  { method: 'POST', path: '/status', function: 'lookup-status' },
  { method: 'POST', path: '/sheet-hook', function: 'sheet-hook' },
  { method: 'POST', path: '/case-file', function: 'case-file' },
];

export const SCHEDULES: readonly Schedule[] = [
  { function: 'sync-sheet', every: { minutes: 5 } },
  { function: 'escalate', every: { minutes: 15 } },
  // 18:00 unless DAILY_SUMMARY_AT says otherwise (schedulesFor).
  { function: 'daily-summary', daily: { hour: 18, minute: 0 } },
  // The first working day is the calendar's to say (holidays, 调休): fire on days 1–10, act on that one
  // (or later, once, when its run was missed).
  { function: 'monthly-report', monthly: { days: [1, 10], hour: 9, minute: 0 } },
];

/** The schedules with the business's own settings: the daily summary at DAILY_SUMMARY_AT. */
export function schedulesFor(settings: { dailySummaryAt: { hour: number; minute: number } }): Schedule[] {
  return SCHEDULES.map((s) =>
    s.function === 'daily-summary' && 'daily' in s ? { ...s, daily: { ...settings.dailySummaryAt } } : s,
  );
}

export function toScheduleExpression(s: Schedule): string {
  if ('every' in s) return `rate(${s.every.minutes} minute${s.every.minutes === 1 ? '' : 's'})`;
  if ('daily' in s) return `cron(${s.daily.minute} ${s.daily.hour} * * ? *)`;
  return `cron(${s.monthly.minute} ${s.monthly.hour} ${s.monthly.days[0]}-${s.monthly.days[1]} * ? *)`;
}

export const functionSpec = (name: FunctionName): FunctionSpec => {
  const spec = FUNCTIONS.find((f) => f.name === name);
  if (!spec) throw new Error(`unknown function ${name}`);
  return spec;
};
