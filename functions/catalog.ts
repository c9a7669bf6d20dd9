/**
 * The one route table and the one schedule table. The CDK stack and the local runtime both read them,
 * so a route or a schedule cannot exist in the cloud and not on a laptop, or the other way round.
 * Descriptions are deployed with the functions: they say what each one does today.
 */
import type { ConfigSection } from '../shared/config.js';

export type FunctionName =
  | 'pages'
  | 'submit-complaint'
  | 'lookup-status'
  | 'sync-sheet'
  | 'sheet-hook'
  | 'escalate'
  | 'send-owed-emails'
  | 'daily-summary'
  | 'monthly-report';

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
  | { function: FunctionName; monthly: { day: number; hour: number; minute: number } };

const fn = (
  name: FunctionName,
  description: string,
  needs: FunctionSpec['needs'],
  timeoutSeconds = 10,
  memoryMb = 512,
): FunctionSpec => ({
  name,
  entry: `functions/${name}/handler.ts`,
  description,
  needs,
  timeoutSeconds,
  memoryMb,
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
    'send-owed-emails',
    'Sends the acknowledgments and critical alerts new cases still owe (after an SES outage), each once',
    ['core', 'mail'],
    60,
  ),
  fn('daily-summary', "Counts the day's complaints for the daily review", ['core', 'mail', 'sheets'], 60),
  fn('monthly-report', "Counts the last month's complaints", ['core', 'mail', 'sheets'], 120),
];

export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/', function: 'pages' },
  { method: 'GET', path: '/status', function: 'pages' },
  { method: 'POST', path: '/complaints', function: 'submit-complaint' },
  { method: 'POST', path: '/status', function: 'lookup-status' },
  { method: 'POST', path: '/sheet-hook', function: 'sheet-hook' },
];

export const SCHEDULES: readonly Schedule[] = [
  { function: 'sync-sheet', every: { minutes: 5 } },
  { function: 'escalate', every: { minutes: 15 } },
  { function: 'send-owed-emails', every: { minutes: 5 } },
  { function: 'daily-summary', daily: { hour: 20, minute: 0 } },
  { function: 'monthly-report', monthly: { day: 1, hour: 9, minute: 0 } },
];

export function toScheduleExpression(s: Schedule): string {
  if ('every' in s) return `rate(${s.every.minutes} minute${s.every.minutes === 1 ? '' : 's'})`;
  if ('daily' in s) return `cron(${s.daily.minute} ${s.daily.hour} * * ? *)`;
  return `cron(${s.monthly.minute} ${s.monthly.hour} ${s.monthly.day} * ? *)`;
}

export const functionSpec = (name: FunctionName): FunctionSpec => {
  const spec = FUNCTIONS.find((f) => f.name === name);
  if (!spec) throw new Error(`unknown function ${name}`);
  return spec;
};
