/**
 * The business settings a deployment is given, as the functions' environment. Plain (non-secret,
 * non-token) settings are checked at synth by the very loaders the functions run at cold start, so a
 * typo fails `cdk synth` rather than the first invocation after a deploy.
 */
import * as z from 'zod';
import {
  loadCoreConfig,
  loadEscalationConfig,
  loadHttpConfig,
  loadMailConfig,
  loadReportsConfig,
  loadSheetsConfig,
  type SectionEnv,
} from '../shared/config.js';

/** Business settings the config module reads; unset optional ones fall back to its defaults. */
export interface BusinessCalendarProps {
  /** WORKING_WEEKDAYS, e.g. '1,2,3,4,5,6' (0 = Sunday). */
  workingWeekdays?: string;
  /** OPENING_HOURS, e.g. '09:00-18:00'. */
  openingHours?: string;
  /** CLOSURES: comma-separated YYYY-MM-DD. */
  closures?: string;
  /** EXTRA_WORKING_DAYS: comma-separated YYYY-MM-DD. */
  extraWorkingDays?: string;
  usePrcHolidays?: boolean;
  /** SLA_POLICY as JSON. */
  slaPolicy?: string;
  /** VALUE_LISTS as JSON. */
  valueLists?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface BusinessSettingsProps {
  timeZone: string;
  calendar?: BusinessCalendarProps;
  mailFrom: string;
  execManagerEmails: readonly string[];
  supervisorEmails?: readonly string[];
  alarmEmails?: readonly string[];
  formOrigin?: string;
  spreadsheetId: string;
  googleWorkloadIdentity?: string;
  /** Customers' contacts masked in the sheet's Cases tab. */
  maskContacts?: boolean;
  escalation?: EscalationProps;
  reports?: ReportSettingsProps;
}

/** The escalation chain's settings (the sweep's interval is its schedule in functions/catalog.ts). */
export interface EscalationProps {
  /** ESCALATION_WARN_SHARE, e.g. 0.75. */
  warnShare?: string;
  /** ESCALATION_EXECUTIVE_DELAY, e.g. 1wd or 4h. */
  executiveDelay?: string;
  /** ESCALATION_HOURS: open or any. */
  hours?: 'open' | 'any';
  customerApology?: boolean;
}

/** The reports' settings (the `reports` section); unset ones fall back to its defaults. */
export interface ReportSettingsProps {
  /** REPORT_LANGUAGES, e.g. 'zh-CN,en'. */
  languages?: string;
  recipients?: readonly string[];
  /** DAILY_SUMMARY_AT, e.g. '21:30': the daily summary's schedule. */
  dailySummaryAt?: string;
  /** REPORT_CSV_CONTACTS: contacts in the monthly CSV. */
  csvContacts?: boolean;
}

/** The settings part of the core, mail and sheets sections (the table, secrets and URLs are added by the stack). */
export function businessSettings(props: BusinessSettingsProps) {
  const { calendar } = props;
  const core = {
    BUSINESS_TZ: props.timeZone,
    WORKING_WEEKDAYS: calendar?.workingWeekdays,
    OPENING_HOURS: calendar?.openingHours,
    CLOSURES: calendar?.closures,
    EXTRA_WORKING_DAYS: calendar?.extraWorkingDays,
    USE_PRC_HOLIDAYS: calendar?.usePrcHolidays === undefined ? undefined : String(calendar.usePrcHolidays),
    SLA_POLICY: calendar?.slaPolicy,
    VALUE_LISTS: calendar?.valueLists,
    LOG_LEVEL: calendar?.logLevel,
  } satisfies Partial<SectionEnv<'core'>>;
  const mail = {
    MAIL_FROM: props.mailFrom,
    EXEC_MANAGER_EMAILS: props.execManagerEmails.join(','),
    SUPERVISOR_EMAILS: props.supervisorEmails?.length ? props.supervisorEmails.join(',') : undefined,
  } satisfies Partial<SectionEnv<'mail'>>;
  const sheets = {
    SPREADSHEET_ID: props.spreadsheetId,
    GOOGLE_WORKLOAD_IDENTITY: props.googleWorkloadIdentity,
    SHEET_MASK_CONTACTS: props.maskContacts === undefined ? undefined : String(props.maskContacts),
  } satisfies SectionEnv<'sheets'>;
  const e = props.escalation;
  const escalation = {
    ESCALATION_WARN_SHARE: e?.warnShare,
    ESCALATION_EXECUTIVE_DELAY: e?.executiveDelay,
    ESCALATION_HOURS: e?.hours,
    CUSTOMER_APOLOGY: e?.customerApology === undefined ? undefined : String(e.customerApology),
  } satisfies Partial<SectionEnv<'escalation'>>;
  const r = props.reports;
  const reports = {
    REPORT_LANGUAGES: r?.languages,
    REPORT_RECIPIENTS: r?.recipients?.length ? r.recipients.join(',') : undefined,
    DAILY_SUMMARY_AT: r?.dailySummaryAt,
    REPORT_CSV_CONTACTS: r?.csvContacts === undefined ? undefined : String(r.csvContacts),
  } satisfies Partial<SectionEnv<'reports'>>;
  check(core, mail, sheets, props);
  let reportsConfig: ReturnType<typeof loadReportsConfig>;
  try {
    loadEscalationConfig(escalation);
    reportsConfig = loadReportsConfig(reports);
  } catch (err) {
    throw new Error(`ComplaintStack: ${(err as Error).message}`);
  }
  return { core, mail, sheets, escalation, reports, reportsConfig };
}

function check(
  core: Partial<SectionEnv<'core'>>,
  mail: Partial<SectionEnv<'mail'>>,
  sheets: SectionEnv<'sheets'>,
  props: BusinessSettingsProps,
) {
  const badAlarmEmail = props.alarmEmails?.find((e) => !z.email().safeParse(e).success);
  if (badAlarmEmail !== undefined) {
    throw new Error(`ComplaintStack: alarm email "${badAlarmEmail}" is not an email address`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: core.BUSINESS_TZ });
  } catch {
    throw new Error(`ComplaintStack: timeZone "${core.BUSINESS_TZ}" is not an IANA time zone`);
  }
  try {
    // Stand-ins for the values only known at deploy time.
    loadCoreConfig({ ...core, TABLE_NAME: 'synth-check' });
    loadMailConfig(mail);
    loadSheetsConfig(sheets);
    if (props.formOrigin) loadHttpConfig({ FORM_ORIGIN: props.formOrigin });
  } catch (e) {
    throw new Error(`ComplaintStack: ${(e as Error).message}`);
  }
}
