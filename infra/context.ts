/**
 * The deployment's settings, from CDK context (`-c key=value` on the command line, or "context" in
 * cdk.json), checked before anything is built. Every problem is reported at once, by the key the person
 * typed; the stack then checks the values with the functions' own loaders (`explain` names those by key too).
 */
import type { BusinessCalendarProps, ComplaintStackProps, EscalationProps } from './stack.js';

/** Every setting, by context key: the environment variable it becomes, and what it is. */
export const SETTINGS = {
  mailFrom: { env: 'MAIL_FROM', required: true, help: 'sender address, an SES-verified identity' },
  execManagers: { env: 'EXEC_MANAGER_EMAILS', required: true, help: 'comma list; critical cases' },
  spreadsheetId: { env: 'SPREADSHEET_ID', required: true, help: "the managers' Google spreadsheet id" },
  supervisors: { env: 'SUPERVISOR_EMAILS', help: 'comma list; store supervisors' },
  alarmEmails: { env: undefined, help: 'comma list; who gets the alarms (default: execManagers)' },
  googleWorkloadIdentity: {
    env: 'GOOGLE_WORKLOAD_IDENTITY',
    help: 'path of the credential configuration file (or its JSON) for Google workload identity',
  },
  formOrigin: { env: 'FORM_ORIGIN', help: 'origin of a page elsewhere that hosts the staff form' },
  customDomain: { env: undefined, help: 'domain name to serve the API on (with certificateArn)' },
  certificateArn: { env: undefined, help: 'ACM certificate of customDomain, same region' },
  timeZone: { env: 'BUSINESS_TZ', help: 'IANA time zone (default Asia/Shanghai)' },
  workingWeekdays: { env: 'WORKING_WEEKDAYS', help: '0 = Sunday … 6 = Saturday' },
  openingHours: { env: 'OPENING_HOURS', help: 'e.g. 09:00-18:00' },
  closures: { env: 'CLOSURES', help: 'comma list of YYYY-MM-DD' },
  extraWorkingDays: { env: 'EXTRA_WORKING_DAYS', help: 'comma list of YYYY-MM-DD' },
  usePrcHolidays: { env: 'USE_PRC_HOLIDAYS', help: 'true or false' },
  maskContacts: {
    env: 'SHEET_MASK_CONTACTS',
    help: "true or false: customers' contacts masked in the sheet's Cases tab (default false)",
  },
  reportLanguages: { env: 'REPORT_LANGUAGES', help: 'zh-CN, en or zh-CN,en (default both)' },
  reportRecipients: { env: 'REPORT_RECIPIENTS', help: "comma list; default: the roster's managers" },
  dailySummaryAt: { env: 'DAILY_SUMMARY_AT', help: 'HH:MM business time (default 18:00)' },
  reportCsvContacts: {
    env: 'REPORT_CSV_CONTACTS',
    help: 'true or false: contacts in the monthly CSV (default false)',
  },
  slaPolicy: { env: 'SLA_POLICY', help: 'JSON' },
  warnShare: {
    env: 'ESCALATION_WARN_SHARE',
    help: 'share of a deadline after which its owner is warned (default 0.75)',
  },
  executiveDelay: {
    env: 'ESCALATION_EXECUTIVE_DELAY',
    help: 'time after a breach the executive manager is told: 1wd (working day, default) or hours, e.g. 4h',
  },
  escalationHours: {
    env: 'ESCALATION_HOURS',
    help: 'open (default): non-critical escalations wait for opening hours; any: at any hour',
  },
  customerApology: {
    env: 'CUSTOMER_APOLOGY',
    help: 'true or false: apology email to a customer whose promised reply is late',
  },
  chatRobots: {
    env: undefined,
    help: 'true or false: create the CHAT_ROBOTS secret for group-chat robots (default false)',
  },
  valueLists: { env: 'VALUE_LISTS', help: 'JSON' },
  logLevel: { env: 'LOG_LEVEL', help: 'debug, info, warn or error' },
  stackName: { env: undefined, help: 'default ComplaintCases' },
  existingTableName: {
    env: undefined,
    help: 'the table a deleted deployment kept (with existingAppSecretArn)',
  },
  existingAppSecretArn: {
    env: undefined,
    help: 'the APP_SECRET a deleted deployment kept (with existingTableName)',
  },
} as const satisfies Record<string, { env: string | undefined; required?: boolean; help: string }>;

export type SettingKey = keyof typeof SETTINGS;

export type Settings =
  | { ok: true; stackName: string; props: ComplaintStackProps }
  | { ok: false; problems: string[] };

/**
 * Reads the settings. `get` gives a context value; `readFile` reads a file named by a setting (the
 * workload identity configuration), so this stays free of the file system in tests.
 */
export function readSettings(
  get: (key: SettingKey) => unknown,
  readFile: (path: string) => string,
): Settings {
  const problems: string[] = [];
  /** A context value as a string: `-c` gives strings, cdk.json may give numbers, booleans, arrays or objects. */
  const text = (key: SettingKey): string | undefined => {
    const v = get(key);
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v.trim();
    if (Array.isArray(v)) return v.map(String).join(',');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  const list = (key: SettingKey) =>
    (text(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const oneOf = <T extends string>(key: SettingKey, allowed: readonly T[]): T | undefined => {
    const v = text(key);
    if (v !== undefined && !allowed.includes(v as T)) {
      problems.push(`${key} must be ${allowed.join(' or ')}, got "${v}"`);
    }
    return v as T | undefined;
  };

  for (const [key, setting] of Object.entries(SETTINGS)) {
    if ('required' in setting && !text(key as SettingKey))
      problems.push(`${key} is missing (${setting.help})`);
  }
  const domain = text('customDomain');
  const certificateArn = text('certificateArn');
  if (domain && !certificateArn) problems.push('certificateArn is missing (required with customDomain)');
  const stackName = text('stackName') ?? 'ComplaintCases';
  if (!/^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(stackName)) {
    problems.push(
      `stackName must be a letter then letters, digits or -, at most 40 characters, got "${stackName}"`,
    );
  }
  const existingTableName = text('existingTableName');
  const existingAppSecretArn = text('existingAppSecretArn');
  if ((existingTableName === undefined) !== (existingAppSecretArn === undefined)) {
    problems.push(
      'existingTableName and existingAppSecretArn go together: the kept table needs the APP_SECRET that keyed its contact hashes',
    );
  }
  if (
    existingAppSecretArn &&
    !/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$/.test(existingAppSecretArn)
  ) {
    problems.push(
      'existingAppSecretArn must be the complete ARN (the AppSecretSecretArn output of the earlier deployment)',
    );
  }
  const usePrcHolidays = oneOf('usePrcHolidays', ['true', 'false'] as const);
  const maskContacts = oneOf('maskContacts', ['true', 'false'] as const);
  const logLevel = oneOf('logLevel', ['debug', 'info', 'warn', 'error'] as const);
  const escalationHours = oneOf('escalationHours', ['open', 'any'] as const);
  const customerApology = oneOf('customerApology', ['true', 'false'] as const);
  const chatRobots = oneOf('chatRobots', ['true', 'false'] as const);
  const csvContacts = oneOf('reportCsvContacts', ['true', 'false'] as const);
  const wif = text('googleWorkloadIdentity');
  let googleWorkloadIdentity: string | undefined;
  if (wif) {
    try {
      googleWorkloadIdentity = wif.startsWith('{') ? wif : readFile(wif);
    } catch {
      problems.push(`googleWorkloadIdentity: cannot read the file "${wif}"`);
    }
  }
  if (problems.length) return { ok: false, problems };

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
  set('logLevel', logLevel);

  const escalation: EscalationProps = {};
  const warnShare = text('warnShare');
  const executiveDelay = text('executiveDelay');
  if (warnShare) escalation.warnShare = warnShare;
  if (executiveDelay) escalation.executiveDelay = executiveDelay;
  if (escalationHours) escalation.hours = escalationHours;
  if (customerApology) escalation.customerApology = customerApology === 'true';

  const reports: NonNullable<ComplaintStackProps['reports']> = {};
  const reportLanguages = text('reportLanguages');
  const dailySummaryAt = text('dailySummaryAt');
  if (reportLanguages) reports.languages = reportLanguages;
  if (list('reportRecipients').length) reports.recipients = list('reportRecipients');
  if (dailySummaryAt) reports.dailySummaryAt = dailySummaryAt;
  if (csvContacts) reports.csvContacts = csvContacts === 'true';
  const formOrigin = text('formOrigin');
  const timeZone = text('timeZone');
  const props: ComplaintStackProps = {
    // Checked non-empty above.
    mailFrom: text('mailFrom') as string,
    spreadsheetId: text('spreadsheetId') as string,
    execManagerEmails: list('execManagers'),
    supervisorEmails: list('supervisors'),
    alarmEmails: list('alarmEmails'),
    calendar,
    ...(Object.keys(reports).length ? { reports } : {}),
    ...(formOrigin ? { formOrigin } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(googleWorkloadIdentity ? { googleWorkloadIdentity } : {}),
    ...(maskContacts ? { maskContacts: maskContacts === 'true' } : {}),
    ...(Object.keys(escalation).length ? { escalation } : {}),
    ...(chatRobots ? { chatRobots: chatRobots === 'true' } : {}),
    ...(domain && certificateArn ? { customDomain: { domainName: domain, certificateArn } } : {}),
    ...(existingTableName && existingAppSecretArn
      ? { existing: { tableName: existingTableName, appSecretArn: existingAppSecretArn } }
      : {}),
  };
  return { ok: true, stackName, props };
}

/** A stack error with each environment variable it names followed by the context key that sets it. */
export function explain(message: string): string {
  let out = message;
  for (const [key, setting] of Object.entries(SETTINGS)) {
    if (setting.env)
      out = out.replaceAll(new RegExp(`\\b${setting.env}\\b`, 'g'), `${setting.env} (-c ${key})`);
  }
  return out;
}
