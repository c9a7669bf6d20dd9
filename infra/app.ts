/**
 * The CDK app. Business settings come from CDK context, on the command line or under "context" in
 * cdk.json:
 *
 *   npx cdk deploy -c mailFrom=cases@studio.example -c execManagers=boss@studio.example,ops@studio.example \
 *     -c spreadsheetId=1AbC… [-c supervisors=a@x,b@y] [-c formOrigin=https://studio.example]
 *     [-c customDomain=complaints.studio.example -c certificateArn=arn:aws:acm:…] [-c timeZone=Asia/Shanghai]
 *     [-c workingWeekdays=1,2,3,4,5,6] [-c openingHours=09:00-18:00] [-c closures=2025-02-03,…]
 *     [-c extraWorkingDays=…] [-c usePrcHolidays=false] [-c slaPolicy='{…}'] [-c valueLists='{…}']
 *     [-c logLevel=debug] [-c maskContacts=true] [-c secretsRevision=2] [-c stackName=ComplaintCases]
 */
import { App } from 'aws-cdk-lib';
import { type BusinessCalendarProps, ComplaintStack } from './stack.js';

const app = new App();

const REQUIRED = ['mailFrom', 'execManagers', 'spreadsheetId'] as const;

/** A context value as a string: `-c` gives strings, cdk.json may give numbers, booleans, arrays or objects. */
function text(key: string): string | undefined {
  const v: unknown = app.node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(String).join(',');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
const list = (key: string) =>
  (text(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const missing: string[] = REQUIRED.filter((key) => !text(key));
const domain = text('customDomain');
const certificateArn = text('certificateArn');
if (domain && !certificateArn) missing.push('certificateArn (required with customDomain)');
if (missing.length) {
  console.error(
    `Missing CDK context: ${missing.join(', ')}.\n` +
      'Pass each with -c key=value (e.g. -c mailFrom=cases@studio.example -c execManagers=a@x,b@y ' +
      '-c spreadsheetId=…) or set it under "context" in cdk.json.',
  );
  process.exit(1);
}

const usePrcHolidays = text('usePrcHolidays');
const maskContacts = text('maskContacts');
const logLevel = text('logLevel');
for (const [key, value] of [
  ['usePrcHolidays', usePrcHolidays],
  ['maskContacts', maskContacts],
] as const) {
  if (value !== undefined && !['true', 'false'].includes(value)) {
    console.error(`CDK context ${key} must be true or false, got "${value}".`);
    process.exit(1);
  }
}
if (logLevel !== undefined && !['debug', 'info', 'warn', 'error'].includes(logLevel)) {
  console.error(`CDK context logLevel must be debug, info, warn or error, got "${logLevel}".`);
  process.exit(1);
}

const calendar: BusinessCalendarProps = {};
const set = <K extends keyof BusinessCalendarProps>(k: K, v: BusinessCalendarProps[K] | undefined) => {
  if (v !== undefined) calendar[k] = v;
};
set('workingWeekdays', text('workingWeekdays'));
set('openingHours', text('openingHours'));
set('closures', text('closures'));
set('extraWorkingDays', text('extraWorkingDays'));
set('usePrcHolidays', usePrcHolidays === undefined ? undefined : usePrcHolidays === 'true');
set('slaPolicy', text('slaPolicy'));
set('valueLists', text('valueLists'));
set('logLevel', logLevel as BusinessCalendarProps['logLevel']);

const formOrigin = text('formOrigin');
const timeZone = text('timeZone');
const secretsRevision = text('secretsRevision');

new ComplaintStack(app, text('stackName') ?? 'ComplaintCases', {
  description: 'Complaint-case workflow: form, status lookups, escalations, daily and monthly reports',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  // Checked non-empty above.
  mailFrom: text('mailFrom') as string,
  spreadsheetId: text('spreadsheetId') as string,
  execManagerEmails: list('execManagers'),
  supervisorEmails: list('supervisors'),
  calendar,
  ...(formOrigin ? { formOrigin } : {}),
  ...(timeZone ? { timeZone } : {}),
  ...(secretsRevision ? { secretsRevision } : {}),
  ...(maskContacts ? { maskContacts: maskContacts === 'true' } : {}),
  ...(domain && certificateArn ? { customDomain: { domainName: domain, certificateArn } } : {}),
});

app.synth();
