/**
 * The one route table and the one schedule table. The CDK stack and the local runtime both read them,
 * so a route or a schedule cannot exist in the cloud and not on a laptop, or the other way round.
 */

export type FunctionName =
  | 'pages'
  | 'submit-complaint'
  | 'lookup-status'
  | 'sync-sheet'
  | 'escalate'
  | 'daily-summary'
  | 'monthly-report';

/** What each function may touch; the stack turns this into IAM grants and environment. */
export interface FunctionSpec {
  name: FunctionName;
  /** Path of the handler module, relative to the repository root. */
  entry: string;
  description: string;
  needs: readonly ('table' | 'mail' | 'sheets' | 'http')[];
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
  fn('pages', 'Serves the staff form and the customer status page', ['http', 'table']),
  fn('submit-complaint', 'Records a complaint from the form or the API', ['http', 'table', 'mail']),
  fn('lookup-status', "Answers a customer's status lookup", ['http', 'table']),
  fn('sync-sheet', 'Two-way sync between the cases and the managers’ sheet', ['table', 'sheets'], 60),
  fn('escalate', 'Warns before and escalates after missed deadlines', ['table', 'mail'], 60),
  fn(
    'daily-summary',
    'The daily review: summary into the sheet and by email',
    ['table', 'mail', 'sheets'],
    60,
  ),
  fn('monthly-report', 'Monthly statistics of complaints', ['table', 'mail', 'sheets'], 120),
];

export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/', function: 'pages' },
  { method: 'GET', path: '/status', function: 'pages' },
  { method: 'POST', path: '/complaints', function: 'submit-complaint' },
  { method: 'POST', path: '/status', function: 'lookup-status' },
];

export const SCHEDULES: readonly Schedule[] = [
  { function: 'sync-sheet', every: { minutes: 5 } },
  { function: 'escalate', every: { minutes: 15 } },
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
