/**
 * The only module that reads the environment. Configuration comes in sections, one per kind of need a
 * function has (functions/catalog.ts): each section is a schema over its environment variables and a
 * reader that turns the validated variables into settings. Each function loads the sections it needs at
 * cold start; a missing or malformed variable fails fast with its name in the message.
 *
 * The schemas are the one list of variable names: the CDK stack, the local runtime and the tests build
 * environments typed by `SectionEnv`, and read the names with `envNames`.
 *
 * To add a section: a schema, a reader, one entry in SECTIONS; the stack then must say where its
 * variables come from (the compiler asks). Secrets are not in the schemas: they are declared in
 * shared/secrets.ts, and this module only says where each one's value comes from (`secretSources`).
 */
import * as z from 'zod';
import { invalid } from './config-error.js';
import type { CalendarSettings } from './domain/calendar.js';
import type { SlaPolicy } from './domain/deadlines.js';
import type { EscalationPolicy } from './domain/escalation.js';
import { LANGS, type Lang, parseValueLists, type ValueLists } from './domain/values.js';
import {
  arnVariable,
  SECRET_NAMES,
  SECRETS,
  type SecretName,
  type SecretSource,
  sourcesIn,
} from './secrets.js';
import { parseSlaPolicy } from './sla-policy.js';
import { parseWorkloadIdentity, type WorkloadIdentity } from './workload-identity.js';

export type { WorkloadIdentity } from './workload-identity.js';

type Env = Record<string, string | undefined>;

/** Where the SDK clients go when AWS_REGION is not set (Lambda always sets it; laptops may not). */
export const DEFAULT_REGION = 'ap-southeast-1';

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const date = /^\d{4}-\d{2}-\d{2}$/;

const coreSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().default(DEFAULT_REGION),
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** A Secrets Manager stand-in's URL (tests of the AWS path); AWS's own endpoint otherwise. */
  SECRETS_MANAGER_ENDPOINT: z.url().optional(),
  BUSINESS_TZ: z.string().default('Asia/Shanghai'),
  WORKING_WEEKDAYS: z.string().default('1,2,3,4,5'),
  OPENING_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
      message: 'OPENING_HOURS must look like 09:00-18:00',
      abort: true,
    })
    .refine((s) => s.slice(6) > s.slice(0, 5), 'OPENING_HOURS must close after it opens')
    .default('09:00-18:00'),
  CLOSURES: z.string().optional(),
  EXTRA_WORKING_DAYS: z.string().optional(),
  USE_PRC_HOLIDAYS: z.enum(['true', 'false']).default('true'),
  SLA_POLICY: z.string().optional(),
  VALUE_LISTS: z.string().optional(),
  CLOCK_NOW: z.iso.datetime({ offset: true }).optional(),
  CLOCK_SPEED: z.coerce.number().positive().max(100_000).optional(),
  CLOCK_ANCHOR: z.iso.datetime({ offset: true }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** CloudWatch namespace of the business metrics (the stack sets its own name). */
  METRICS_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9._/#:-]{1,255}$/, 'METRICS_NAMESPACE: letters, digits and . _ / # : - only')
    .default('ComplaintCases'),
});

const mailSchema = z.object({
  SES_ENDPOINT: z.url().optional(),
  MAIL_FROM: z.email(),
  EXEC_MANAGER_EMAILS: z.string().min(3, 'EXEC_MANAGER_EMAILS needs at least one address'),
  SUPERVISOR_EMAILS: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
});

const httpSchema = z.object({
  FORM_ORIGIN: z.url(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_000_000).default(32_768),
  MAX_STATUS_BODY_BYTES: z.coerce.number().int().min(256).max(65_536).default(4096),
  RATE_LIMIT_SUBMIT_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_STATUS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_SIGNIN_FAILURES_PER_HOUR: z.coerce.number().int().min(1).default(10),
  STAFF_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

const sheetsSchema = z.object({
  SPREADSHEET_ID: z.string().min(1),
  SHEETS_ROOT_URL: z.url().optional(),
  /** Google workload identity federation: the credential configuration JSON (no secret in it). */
  GOOGLE_WORKLOAD_IDENTITY: z.string().optional(),
  SHEET_MASK_CONTACTS: z.enum(['true', 'false']).default('false'),
  SHEET_BACKFILL_DAYS: z.coerce.number().int().min(0).max(3660).default(366),
});

/** The escalation sweep's rules; its robots are a secret (CHAT_ROBOTS, shared/secrets.ts). */
const escalationSchema = z.object({
  ESCALATION_WARN_SHARE: z.coerce
    .number()
    .gt(0, 'ESCALATION_WARN_SHARE must be between 0 and 1 (exclusive), e.g. 0.75')
    .lt(1, 'ESCALATION_WARN_SHARE must be between 0 and 1 (exclusive), e.g. 0.75')
    .default(0.75),
  ESCALATION_EXECUTIVE_DELAY: z
    .string()
    .regex(/^\d+(\.\d+)?(wd|h)$/, 'ESCALATION_EXECUTIVE_DELAY must be working days or hours, e.g. 1wd or 4h')
    .default('1wd'),
  ESCALATION_HOURS: z.enum(['open', 'any']).default('open'),
  CUSTOMER_APOLOGY: z.enum(['true', 'false']).default('false'),
  /** Where people open the spreadsheet: Google, or the local stand-in. */
  SHEETS_WEB_URL: z.url().default('https://docs.google.com'),
});

const reportsSchema = z.object({
  /** The reports' languages, the first one first: `zh-CN`, `en` or both. */
  REPORT_LANGUAGES: z.string().default('zh-CN,en'),
  /** Comma list; empty: the roster's managers, else EXEC_MANAGER_EMAILS and SUPERVISOR_EMAILS. */
  REPORT_RECIPIENTS: z.string().optional(),
  /** When the daily summary runs, business time (the schedule's one setting). */
  DAILY_SUMMARY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'DAILY_SUMMARY_AT must look like 18:00')
    .default('18:00'),
  /** Put the customers' names and contacts in the monthly CSV (default: left out). */
  REPORT_CSV_CONTACTS: z.enum(['true', 'false']).default('false'),
});

/** The on-edit endpoint's own section: its only setting is a secret (SHEET_HOOK_SECRET, shared/secrets.ts). */
const sheetHookSchema = z.object({});

export interface CoreConfig {
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  secretsManagerEndpoint?: string;
  calendar: CalendarSettings;
  usePrcHolidays: boolean;
  policy: SlaPolicy;
  lists: ValueLists;
  /** Local runs only: virtual time `startAt` at real time `anchor`, running `speed` times faster. */
  clock: { startAt?: string; speed?: number; anchor?: string };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  metricsNamespace: string;
}

function readCore(c: z.output<typeof coreSchema>): CoreConfig {
  const [opensAt = '', closesAt = ''] = c.OPENING_HOURS.split('-');
  const weekdays = list(c.WORKING_WEEKDAYS).map(Number);
  if (weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw invalid('core', 'WORKING_WEEKDAYS must list 0 (Sunday) … 6 (Saturday)');
  }
  const closures = list(c.CLOSURES);
  const extra = list(c.EXTRA_WORKING_DAYS);
  for (const [name, days] of [
    ['CLOSURES', closures],
    ['EXTRA_WORKING_DAYS', extra],
  ] as const) {
    if (days.some((d) => !date.test(d))) throw invalid('core', `${name} takes YYYY-MM-DD dates`);
  }
  let policy: SlaPolicy;
  let lists: ValueLists;
  try {
    policy = parseSlaPolicy(c.SLA_POLICY);
  } catch (e) {
    throw invalid('core', `SLA_POLICY: ${(e as Error).message}`);
  }
  try {
    lists = parseValueLists(c.VALUE_LISTS);
  } catch (e) {
    const message = (e as Error).message;
    throw invalid('core', message.startsWith('VALUE_LISTS') ? message : `VALUE_LISTS: ${message}`);
  }
  return {
    tableName: c.TABLE_NAME,
    region: c.AWS_REGION,
    ...(c.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: c.DYNAMODB_ENDPOINT } : {}),
    ...(c.SECRETS_MANAGER_ENDPOINT ? { secretsManagerEndpoint: c.SECRETS_MANAGER_ENDPOINT } : {}),
    calendar: {
      timeZone: c.BUSINESS_TZ,
      workingWeekdays: weekdays,
      opensAt,
      closesAt,
      closures,
      extraWorkingDays: extra,
    },
    usePrcHolidays: c.USE_PRC_HOLIDAYS === 'true',
    policy,
    lists,
    clock: {
      ...(c.CLOCK_NOW ? { startAt: c.CLOCK_NOW } : {}),
      ...(c.CLOCK_SPEED ? { speed: c.CLOCK_SPEED } : {}),
      ...(c.CLOCK_ANCHOR ? { anchor: c.CLOCK_ANCHOR } : {}),
    },
    logLevel: c.LOG_LEVEL,
    metricsNamespace: c.METRICS_NAMESPACE,
  };
}

export interface MailConfig {
  sesEndpoint?: string;
  from: string;
  execManagers: string[];
  supervisors: string[];
  /** Where the app's pages are served (no trailing slash): links in customer emails start here. */
  publicUrl?: string;
}

function readMail(m: z.output<typeof mailSchema>): MailConfig {
  return {
    ...(m.SES_ENDPOINT ? { sesEndpoint: m.SES_ENDPOINT } : {}),
    from: m.MAIL_FROM,
    execManagers: list(m.EXEC_MANAGER_EMAILS),
    supervisors: list(m.SUPERVISOR_EMAILS),
    ...(m.PUBLIC_URL ? { publicUrl: new URL(m.PUBLIC_URL).href.replace(/\/+$/, '') } : {}),
  };
}

export interface HttpConfig {
  formOrigin: string;
  maxBodyBytes: number;
  maxStatusBodyBytes: number;
  submitPerHour: number;
  statusPerHour: number;
  signinFailuresPerHour: number;
  staffSessionDays: number;
}

function readHttp(h: z.output<typeof httpSchema>): HttpConfig {
  return {
    formOrigin: new URL(h.FORM_ORIGIN).origin,
    maxBodyBytes: h.MAX_BODY_BYTES,
    maxStatusBodyBytes: h.MAX_STATUS_BODY_BYTES,
    submitPerHour: h.RATE_LIMIT_SUBMIT_PER_HOUR,
    statusPerHour: h.RATE_LIMIT_STATUS_PER_HOUR,
    signinFailuresPerHour: h.RATE_LIMIT_SIGNIN_FAILURES_PER_HOUR,
    staffSessionDays: h.STAFF_SESSION_DAYS,
  };
}

export interface SheetsConfig {
  spreadsheetId: string;
  rootUrl?: string;
  workloadIdentity?: WorkloadIdentity;
  /** Show contacts masked (138****8000) in the Cases tab; they are then read-only there. */
  maskContacts: boolean;
  /** How many days back the first sync fills the sheet with the cases already stored. */
  backfillDays: number;
}

function readSheets(s: z.output<typeof sheetsSchema>): SheetsConfig {
  return {
    spreadsheetId: s.SPREADSHEET_ID,
    ...(s.SHEETS_ROOT_URL ? { rootUrl: s.SHEETS_ROOT_URL } : {}),
    ...(s.GOOGLE_WORKLOAD_IDENTITY
      ? { workloadIdentity: parseWorkloadIdentity(s.GOOGLE_WORKLOAD_IDENTITY) }
      : {}),
    maskContacts: s.SHEET_MASK_CONTACTS === 'true',
    backfillDays: s.SHEET_BACKFILL_DAYS,
  };
}

export interface EscalationConfig {
  policy: EscalationPolicy;
  /** Apologise by email to a customer whose promised reply is late (off by default). */
  customerApology: boolean;
  sheetsWebUrl: string;
}

function readEscalation(e: z.output<typeof escalationSchema>): EscalationConfig {
  const amount = Number.parseFloat(e.ESCALATION_EXECUTIVE_DELAY);
  return {
    policy: {
      warnShare: e.ESCALATION_WARN_SHARE,
      executiveDelay: e.ESCALATION_EXECUTIVE_DELAY.endsWith('wd')
        ? { workingDays: amount }
        : { hours: amount },
      hours: e.ESCALATION_HOURS,
    },
    customerApology: e.CUSTOMER_APOLOGY === 'true',
    sheetsWebUrl: new URL(e.SHEETS_WEB_URL).href.replace(/\/+$/, ''),
  };
}

export interface ReportsConfig {
  langs: Lang[];
  recipients: string[];
  dailySummaryAt: { hour: number; minute: number };
  csvContacts: boolean;
}

function readReports(r: z.output<typeof reportsSchema>): ReportsConfig {
  const langs = list(r.REPORT_LANGUAGES);
  if (
    !langs.length ||
    langs.some((l) => !LANGS.includes(l as Lang)) ||
    new Set(langs).size !== langs.length
  ) {
    throw invalid('reports', `REPORT_LANGUAGES lists ${LANGS.join(' and/or ')}, got "${r.REPORT_LANGUAGES}"`);
  }
  const recipients = list(r.REPORT_RECIPIENTS);
  const bad = recipients.find((e) => !z.email().safeParse(e).success);
  if (bad !== undefined) throw invalid('reports', `REPORT_RECIPIENTS: "${bad}" is not an email address`);
  const [hour = 18, minute = 0] = r.DAILY_SUMMARY_AT.split(':').map(Number);
  return {
    langs: langs as Lang[],
    recipients,
    dailySummaryAt: { hour, minute },
    csvContacts: r.REPORT_CSV_CONTACTS === 'true',
  };
}

const section = <S extends z.ZodObject, C>(schema: S, read: (vars: z.output<S>) => C) => ({ schema, read });

/** Every section: what a function's `needs` (functions/catalog.ts) may name. */
const SECTIONS = {
  core: section(coreSchema, readCore),
  mail: section(mailSchema, readMail),
  http: section(httpSchema, readHttp),
  sheets: section(sheetsSchema, readSheets),
  sheetHook: section(sheetHookSchema, () => ({})),
  escalation: section(escalationSchema, readEscalation),
  reports: section(reportsSchema, readReports),
};

export type ConfigSection = keyof typeof SECTIONS;
type SchemaOf<S extends ConfigSection> = (typeof SECTIONS)[S]['schema'];

// Every secret names a real section: a typo in shared/secrets.ts fails to compile here.
const _everySecretHasASection: [(typeof SECRETS)[SecretName]['section']] extends [ConfigSection]
  ? true
  : never = true;

/** The secrets a section's functions read. */
type SecretsOf<S extends ConfigSection> = {
  [N in SecretName]: (typeof SECRETS)[N]['section'] extends S ? N : never;
}[SecretName];
/** A section's secrets in an environment: the value (local runs, tests) or its ARN (AWS). */
type SecretEnv<S extends ConfigSection> = { [N in SecretsOf<S>]?: string } & {
  [N in SecretsOf<S> as `${N}_SECRET_ARN`]?: string;
};

/** The environment of a section as strings, by variable name; the variables without a default are required. */
export type SectionEnv<S extends ConfigSection> = {
  [K in keyof z.input<SchemaOf<S>>]: string;
} & SecretEnv<S>;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** An environment for any functions: variables of every section, each optional. */
export type AppEnv = Partial<Intersect<{ [S in ConfigSection]: SectionEnv<S> }[ConfigSection]>>;
/** The name of an environment variable of a section. */
export type EnvName<S extends ConfigSection = ConfigSection> = (
  | keyof z.input<SchemaOf<S>>
  | keyof SecretEnv<S>
) &
  string;

export const CONFIG_SECTIONS = Object.keys(SECTIONS) as ConfigSection[];

/** The secrets of a section. */
export const sectionSecrets = (s: ConfigSection): SecretName[] =>
  SECRET_NAMES.filter((name) => SECRETS[name].section === s);

/** Every variable a section reads, its secrets' (value or ARN) included. */
export const envNames = <S extends ConfigSection>(s: S): EnvName<S>[] => [
  ...(Object.keys(SECTIONS[s].schema.shape) as EnvName<S>[]),
  ...sectionSecrets(s).flatMap((name) => [name, arnVariable(name)] as EnvName<S>[]),
];

/** The variables a section cannot do without (no default, not optional); secrets are not variables here. */
export const requiredEnvNames = <S extends ConfigSection>(s: S): EnvName<S>[] =>
  Object.entries(SECTIONS[s].schema.shape)
    .filter(([, schema]) => !(schema as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name as EnvName<S>);

/** Where each secret is in this process's environment (see shared/secrets.ts). */
export const secretSources = (env: Env = process.env): Partial<Record<SecretName, SecretSource>> =>
  sourcesIn(env);

export function loadConfig<S extends ConfigSection>(
  s: S,
  env: Env = process.env,
): ReturnType<(typeof SECTIONS)[S]['read']> {
  const { schema, read } = SECTIONS[s] as unknown as {
    schema: z.ZodObject;
    read: (vars: unknown) => ReturnType<(typeof SECTIONS)[S]['read']>;
  };
  const r = schema.safeParse(env);
  if (!r.success) {
    const problems = r.error.issues.map((i) => {
      const name = String(i.path[0]);
      if (env[name] === undefined) return `${name} is missing`;
      // Some messages already start with the variable's name.
      return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
    });
    throw invalid(s, problems.join('; '));
  }
  return read(r.data);
}

export const loadCoreConfig = (env: Env = process.env): CoreConfig => loadConfig('core', env);
export const loadMailConfig = (env: Env = process.env): MailConfig => loadConfig('mail', env);
export const loadHttpConfig = (env: Env = process.env): HttpConfig => loadConfig('http', env);
export const loadSheetsConfig = (env: Env = process.env): SheetsConfig => loadConfig('sheets', env);
export const loadEscalationConfig = (env: Env = process.env): EscalationConfig =>
  loadConfig('escalation', env);
export const loadReportsConfig = (env: Env = process.env): ReportsConfig => loadConfig('reports', env);
