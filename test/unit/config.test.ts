import { describe, expect, it } from 'vitest';
import {
  CONFIG_SECTIONS,
  envNames,
  loadConfig,
  loadCoreConfig,
  loadEscalationConfig,
  loadHttpConfig,
  loadMailConfig,
  loadSheetsConfig,
  requiredEnvNames,
  secretSources,
} from '../../shared/config.js';
import { DEFAULT_SLA_POLICY } from '../../shared/domain/deadlines.js';
import { DEFAULT_VALUE_LISTS } from '../../shared/domain/values.js';
import { checkSecret, missingSecret } from '../../shared/secrets.js';

const CORE = { TABLE_NAME: 'complaint-cases' };
const HTTP = { FORM_ORIGIN: 'https://complaints.studio.example' };
const MAIL = { MAIL_FROM: 'noreply@studio.example', EXEC_MANAGER_EMAILS: 'exec@studio.example' };

describe('loadCoreConfig', () => {
  it('reads a minimal environment with the defaults', () => {
    const c = loadCoreConfig(CORE);
    expect(c).toMatchObject({
      tableName: 'complaint-cases',
      region: 'ap-southeast-1',
      usePrcHolidays: true,
      logLevel: 'info',
      metricsNamespace: 'ComplaintCases',
      clock: {},
      calendar: {
        timeZone: 'Asia/Shanghai',
        workingWeekdays: [1, 2, 3, 4, 5],
        opensAt: '09:00',
        closesAt: '18:00',
        closures: [],
        extraWorkingDays: [],
      },
    });
    expect(c.policy).toEqual(DEFAULT_SLA_POLICY);
    expect(c.lists).toEqual(DEFAULT_VALUE_LISTS);
    expect(c.dynamodbEndpoint).toBeUndefined();
  });

  it('never reads process.env when given an environment', () => {
    expect(() => loadCoreConfig({})).toThrow();
  });

  it('names the missing variables', () => {
    expect(() => loadCoreConfig({})).toThrow(/TABLE_NAME is missing/);
  });

  it('names invalid variables', () => {
    expect(() => loadCoreConfig({ ...CORE, METRICS_NAMESPACE: 'two words' })).toThrow(/METRICS_NAMESPACE/);
    expect(() => loadCoreConfig({ ...CORE, LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    expect(() => loadCoreConfig({ ...CORE, USE_PRC_HOLIDAYS: 'yes' })).toThrow(/USE_PRC_HOLIDAYS/);
    expect(() => loadCoreConfig({ ...CORE, DYNAMODB_ENDPOINT: 'not a url' })).toThrow(/DYNAMODB_ENDPOINT/);
    expect(() => loadCoreConfig({ ...CORE, CLOSURES: '2026-10-01,1 Oct' })).toThrow(/CLOSURES/);
    expect(() => loadCoreConfig({ ...CORE, EXTRA_WORKING_DAYS: '20261010' })).toThrow(/EXTRA_WORKING_DAYS/);
  });

  it('reads the business calendar', () => {
    const c = loadCoreConfig({
      ...CORE,
      BUSINESS_TZ: 'Asia/Hong_Kong',
      WORKING_WEEKDAYS: '0, 1,3,4,5,6',
      OPENING_HOURS: '10:00-21:00',
      CLOSURES: '2026-11-17, 2026-12-25',
      EXTRA_WORKING_DAYS: '2026-10-10',
      USE_PRC_HOLIDAYS: 'false',
    });
    expect(c.calendar).toEqual({
      timeZone: 'Asia/Hong_Kong',
      workingWeekdays: [0, 1, 3, 4, 5, 6],
      opensAt: '10:00',
      closesAt: '21:00',
      closures: ['2026-11-17', '2026-12-25'],
      extraWorkingDays: ['2026-10-10'],
    });
    expect(c.usePrcHolidays).toBe(false);
  });

  it.each(['1,2,7', 'mon,tue', '1,2.5', '-1'])('refuses WORKING_WEEKDAYS=%j', (v) => {
    expect(() => loadCoreConfig({ ...CORE, WORKING_WEEKDAYS: v })).toThrow(/WORKING_WEEKDAYS/);
  });

  it.each([
    '9-18',
    '09:00',
    '9:00-18:00',
    '09:00–18:00',
    '25:00-26:00',
    '09:60-18:00',
    '18:00-09:00',
    '09:00-09:00',
  ])('refuses OPENING_HOURS=%j', (v) => {
    expect(() => loadCoreConfig({ ...CORE, OPENING_HOURS: v })).toThrow(/OPENING_HOURS/);
  });

  it('merges VALUE_LISTS overrides list by list', () => {
    const c = loadCoreConfig({
      ...CORE,
      VALUE_LISTS: JSON.stringify({ channel: [{ code: 'wechat_group', zh: '微信群', en: 'WeChat group' }] }),
    });
    expect(c.lists.channel).toEqual([
      { code: 'wechat_group', label: { 'zh-CN': '微信群', en: 'WeChat group' } },
    ]);
    expect(c.lists.category).toEqual(DEFAULT_VALUE_LISTS.category);
    expect(c.lists.severity).toEqual(DEFAULT_VALUE_LISTS.severity);
  });

  it.each([
    ['not JSON', '{channel:'],
    ['an unknown list', JSON.stringify({ colour: [{ code: 'red', zh: '红', en: 'Red' }] })],
    ['a bad code', JSON.stringify({ channel: [{ code: 'Bad Code', zh: '坏', en: 'Bad' }] })],
    ['a missing label', JSON.stringify({ channel: [{ code: 'x', zh: '坏' }] })],
    [
      'severity without critical',
      JSON.stringify({ severity: [{ code: 'normal', zh: '一般', en: 'Normal' }] }),
    ],
  ])('refuses VALUE_LISTS with %s, naming it', (_, v) => {
    expect(() => loadCoreConfig({ ...CORE, VALUE_LISTS: v })).toThrow(
      /Configuration \(core\) is invalid: VALUE_LISTS/,
    );
  });

  it('merges SLA_POLICY over the defaults, rules by key', () => {
    const c = loadCoreConfig({
      ...CORE,
      SLA_POLICY: JSON.stringify({
        investigateHours: 12,
        bySeverity: { high: { investigateHours: 8 } },
        byCategory: { privacy: { investigateHours: 2 } },
      }),
    });
    expect(c.policy).toEqual({
      ...DEFAULT_SLA_POLICY,
      investigateHours: 12,
      bySeverity: { critical: { investigateHours: 4 }, high: { investigateHours: 8 } },
      byCategory: { privacy: { investigateHours: 2 } },
    });
    const replaced = loadCoreConfig({
      ...CORE,
      SLA_POLICY: JSON.stringify({ bySeverity: { critical: { investigateHours: 1 } } }),
    });
    expect(replaced.policy.bySeverity).toEqual({ critical: { investigateHours: 1 } });
    expect(replaced.policy.notifyWorkingDays).toBe(5);
    expect(replaced.policy.resolveWorkingDays).toBe(3);
  });

  it('reads the resolve working days, overall and per severity or category', () => {
    expect(loadCoreConfig(CORE).policy.resolveWorkingDays).toBe(3);
    const c = loadCoreConfig({
      ...CORE,
      SLA_POLICY: JSON.stringify({
        resolveWorkingDays: 4,
        bySeverity: { critical: { investigateHours: 4, resolveWorkingDays: 1 } },
        byCategory: { charges: { resolveWorkingDays: 7 } },
      }),
    });
    expect(c.policy).toEqual({
      ...DEFAULT_SLA_POLICY,
      resolveWorkingDays: 4,
      bySeverity: { critical: { investigateHours: 4, resolveWorkingDays: 1 } },
      byCategory: { charges: { resolveWorkingDays: 7 } },
    });
  });

  it.each([
    ['not JSON', '{investigateHours:'],
    ['a string number', JSON.stringify({ investigateHours: '24' })],
    ['fractional working days', JSON.stringify({ notifyWorkingDays: 2.5 })],
    ['fractional resolve working days', JSON.stringify({ resolveWorkingDays: 1.5 })],
    ['zero resolve working days', JSON.stringify({ resolveWorkingDays: 0 })],
    ['a string resolve rule', JSON.stringify({ bySeverity: { high: { resolveWorkingDays: '2' } } })],
    ['a misspelt resolve rule', JSON.stringify({ byCategory: { privacy: { resolveWorkingDay: 2 } } })],
    ['a negative value', JSON.stringify({ warnBeforeHours: -1 })],
    ['a misspelt field', JSON.stringify({ investigateHour: 24 })],
    ['a bad rule', JSON.stringify({ byCategory: { privacy: { investigateHours: 0 } } })],
  ])('refuses SLA_POLICY with %s, naming it', (_, v) => {
    expect(() => loadCoreConfig({ ...CORE, SLA_POLICY: v })).toThrow(
      /Configuration \(core\) is invalid: SLA_POLICY/,
    );
  });

  it('reads the local clock settings', () => {
    const c = loadCoreConfig({
      ...CORE,
      CLOCK_NOW: '2026-11-20T10:00:00+08:00',
      CLOCK_SPEED: '60',
      CLOCK_ANCHOR: '2026-01-01T00:00:00Z',
    });
    expect(c.clock).toEqual({
      startAt: '2026-11-20T10:00:00+08:00',
      speed: 60,
      anchor: '2026-01-01T00:00:00Z',
    });
    expect(() => loadCoreConfig({ ...CORE, CLOCK_NOW: 'now' })).toThrow(/CLOCK_NOW/);
  });
});

describe('loadHttpConfig', () => {
  it('normalises the form origin and applies defaults', () => {
    expect(
      loadHttpConfig({ ...HTTP, FORM_ORIGIN: 'HTTPS://Complaints.Studio.Example:443/form/?x=1' }),
    ).toEqual({
      formOrigin: 'https://complaints.studio.example',
      maxBodyBytes: 32_768,
      maxStatusBodyBytes: 4096,
      submitPerHour: 20,
      statusPerHour: 30,
      signinFailuresPerHour: 10,
      staffSessionDays: 30,
    });
    expect(loadHttpConfig({ ...HTTP, FORM_ORIGIN: 'http://localhost:3000/' }).formOrigin).toBe(
      'http://localhost:3000',
    );
  });

  it('names missing and invalid variables', () => {
    expect(() => loadHttpConfig({})).toThrow(/FORM_ORIGIN is missing/);
    expect(() => loadHttpConfig({ ...HTTP, FORM_ORIGIN: 'complaints.studio.example' })).toThrow(
      /FORM_ORIGIN/,
    );
    expect(() => loadHttpConfig({ ...HTTP, MAX_BODY_BYTES: '10' })).toThrow(/MAX_BODY_BYTES/);
  });

  it('coerces numbers', () => {
    expect(loadHttpConfig({ ...HTTP, RATE_LIMIT_SUBMIT_PER_HOUR: '5' }).submitPerHour).toBe(5);
    expect(loadHttpConfig({ ...HTTP, MAX_STATUS_BODY_BYTES: '2048' }).maxStatusBodyBytes).toBe(2048);
    expect(() => loadHttpConfig({ ...HTTP, MAX_STATUS_BODY_BYTES: '10' })).toThrow(/MAX_STATUS_BODY_BYTES/);
  });
});

describe('loadMailConfig', () => {
  it('splits the recipient lists', () => {
    expect(
      loadMailConfig({
        ...MAIL,
        EXEC_MANAGER_EMAILS: 'a@studio.example, b@studio.example',
        SUPERVISOR_EMAILS: '',
      }),
    ).toEqual({
      from: 'noreply@studio.example',
      execManagers: ['a@studio.example', 'b@studio.example'],
      supervisors: [],
    });
  });

  it('names missing and invalid variables', () => {
    expect(() => loadMailConfig({})).toThrow(/MAIL_FROM is missing.*EXEC_MANAGER_EMAILS is missing/);
    expect(() => loadMailConfig({ ...MAIL, MAIL_FROM: 'not-an-address' })).toThrow(/MAIL_FROM/);
    expect(() => loadMailConfig({ ...MAIL, PUBLIC_URL: 'complaints.studio.example' })).toThrow(/PUBLIC_URL/);
  });

  it('reads where the pages are served, without a trailing slash', () => {
    expect(loadMailConfig({ ...MAIL, PUBLIC_URL: 'https://abc.execute-api.example.com/' }).publicUrl).toBe(
      'https://abc.execute-api.example.com',
    );
    expect(loadMailConfig(MAIL)).not.toHaveProperty('publicUrl');
  });
});

describe('the sections and their variables', () => {
  it("lists each section's variables from its schema, and the ones without a default", () => {
    expect(envNames('core')).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'BUSINESS_TZ', 'APP_SECRET', 'APP_SECRET_SECRET_ARN']),
    );
    expect(envNames('http')).toEqual(
      expect.arrayContaining(['STAFF_ACCESS_CODE', 'STAFF_ACCESS_CODE_SECRET_ARN']),
    );
    expect(envNames('mail')).not.toContain('APP_SECRET');
    expect(requiredEnvNames('core')).toEqual(['TABLE_NAME']);
    expect(requiredEnvNames('mail')).toEqual(['MAIL_FROM', 'EXEC_MANAGER_EMAILS']);
    expect(requiredEnvNames('http')).toEqual(['FORM_ORIGIN']);
    expect(requiredEnvNames('sheets')).toEqual(['SPREADSHEET_ID']);
    expect(requiredEnvNames('sheetHook')).toEqual([]);
  });

  it('reads the sheet settings: contacts shown unless masked, a year of backfill; the hook secret is long', () => {
    expect(loadConfig('sheets', { SPREADSHEET_ID: 'abc' })).toEqual({
      spreadsheetId: 'abc',
      maskContacts: false,
      backfillDays: 366,
    });
    expect(
      loadConfig('sheets', { SPREADSHEET_ID: 'abc', SHEET_MASK_CONTACTS: 'true', SHEET_BACKFILL_DAYS: '30' }),
    ).toMatchObject({
      maskContacts: true,
      backfillDays: 30,
    });
    expect(() => loadConfig('sheets', { SPREADSHEET_ID: 'abc', SHEET_MASK_CONTACTS: 'yes' })).toThrow(
      'SHEET_MASK_CONTACTS',
    );
    expect(() => checkSecret('SHEET_HOOK_SECRET', 'short', 'environment')).toThrow(
      'SHEET_HOOK_SECRET must be at least 32 characters',
    );
  });

  it('loads a section by name like its loader', () => {
    expect(loadConfig('mail', MAIL)).toEqual(loadMailConfig(MAIL));
    expect(CONFIG_SECTIONS).toEqual(['core', 'mail', 'http', 'sheets', 'sheetHook', 'escalation', 'reports']);
  });

  it("names a section's missing variables in its error", () => {
    expect(() => loadConfig('sheets', {})).toThrow(
      'Configuration (sheets) is invalid: SPREADSHEET_ID is missing',
    );
  });
});

describe('loadEscalationConfig', () => {
  it('defaults to warning at 75%, the executive a working day after the breach, opening hours, no apology', () => {
    expect(loadEscalationConfig({})).toEqual({
      policy: { warnShare: 0.75, executiveDelay: { workingDays: 1 }, hours: 'open' },
      customerApology: false,
      sheetsWebUrl: 'https://docs.google.com',
    });
    expect(
      loadEscalationConfig({
        ESCALATION_WARN_SHARE: '0.5',
        ESCALATION_EXECUTIVE_DELAY: '4h',
        ESCALATION_HOURS: 'any',
        CUSTOMER_APOLOGY: 'true',
        SHEETS_WEB_URL: 'http://127.0.0.1:8085/',
      }),
    ).toEqual({
      policy: { warnShare: 0.5, executiveDelay: { hours: 4 }, hours: 'any' },
      customerApology: true,
      sheetsWebUrl: 'http://127.0.0.1:8085',
    });
  });

  it('names a bad setting', () => {
    expect(() => loadEscalationConfig({ ESCALATION_WARN_SHARE: '1' })).toThrow(
      'Configuration (escalation) is invalid: ESCALATION_WARN_SHARE must be between 0 and 1 (exclusive), e.g. 0.75',
    );
    expect(() => loadEscalationConfig({ ESCALATION_EXECUTIVE_DELAY: 'tomorrow' })).toThrow(
      'ESCALATION_EXECUTIVE_DELAY must be working days or hours, e.g. 1wd or 4h',
    );
    expect(() => checkSecret('CHAT_ROBOTS', '{"handler":{"kind":"wecom"}}', 'environment')).toThrow(
      'Configuration (escalation) is invalid: CHAT_ROBOTS: handler.url: invalid type',
    );
  });
});

const ARN = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:StaffAccessCode-AbCdEf';

describe('secrets', () => {
  it('come from the environment locally, and only as an ARN in AWS', () => {
    expect(secretSources({ STAFF_ACCESS_CODE: 'studio-2026', APP_SECRET_SECRET_ARN: ARN })).toEqual({
      STAFF_ACCESS_CODE: { from: 'environment', value: 'studio-2026' },
      APP_SECRET: { from: 'secrets-manager', arn: ARN },
    });
    expect(secretSources({})).toEqual({});
  });

  it('refuse a value and an ARN for the same secret, and an ARN that is not one', () => {
    expect(() => secretSources({ APP_SECRET: 'x'.repeat(40), APP_SECRET_SECRET_ARN: ARN })).toThrow(
      'Configuration (core) is invalid: set APP_SECRET or APP_SECRET_SECRET_ARN, not both',
    );
    expect(() => secretSources({ STAFF_ACCESS_CODE_SECRET_ARN: 'StaffAccessCode' })).toThrow(
      /\(http\).*STAFF_ACCESS_CODE_SECRET_ARN is not a Secrets Manager ARN/,
    );
  });

  it('are checked with messages that name the secret and never show the value', () => {
    expect(checkSecret('STAFF_ACCESS_CODE', 'studio-2026', 'environment')).toBe('studio-2026');
    const short = () => checkSecret('STAFF_ACCESS_CODE', 'abc123', 'secrets-manager');
    expect(short).toThrow(/STAFF_ACCESS_CODE must be at least 8 characters.*STAFF_ACCESS_CODE_SECRET_ARN/);
    expect(short).not.toThrow(/abc123/);
    expect(() => checkSecret('APP_SECRET', 'short', 'environment')).toThrow(
      'Configuration (core) is invalid: APP_SECRET must be at least 32 characters',
    );
    expect(missingSecret('APP_SECRET').message).toMatch(/APP_SECRET is missing.*APP_SECRET_SECRET_ARN/);
  });

  it('take a Google key only when it is a service account key, and say when it is still the placeholder', () => {
    const key = JSON.stringify({ type: 'service_account', client_email: 'a@b.iam', private_key: 'k' });
    expect(checkSecret('GOOGLE_CREDENTIALS_JSON', key, 'secrets-manager')).toBe(key);
    expect(() => checkSecret('GOOGLE_CREDENTIALS_JSON', '{}', 'secrets-manager')).toThrow(
      /still the placeholder/,
    );
    expect(() => checkSecret('GOOGLE_CREDENTIALS_JSON', '{"type":"user"}', 'environment')).toThrow(
      /must be a service account JSON key/,
    );
  });
});

describe('loadSheetsConfig: workload identity federation', () => {
  const audience =
    '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/studio/providers/aws';
  const impersonation =
    'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/sheets@studio.iam.gserviceaccount.com:generateAccessToken';

  it("reads gcloud's credential configuration, ignoring its credential source", () => {
    const file = {
      type: 'external_account',
      audience,
      subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
      service_account_impersonation_url: impersonation,
      token_url: 'https://sts.googleapis.com/v1/token',
      credential_source: { environment_id: 'aws1', region_url: 'http://169.254.169.254/latest/meta-data' },
    };
    expect(
      loadSheetsConfig({ SPREADSHEET_ID: 's', GOOGLE_WORKLOAD_IDENTITY: JSON.stringify(file) })
        .workloadIdentity,
    ).toEqual({
      audience,
      serviceAccountImpersonationUrl: impersonation,
      tokenUrl: 'https://sts.googleapis.com/v1/token',
    });
  });

  it('names what is wrong with it', () => {
    const load = (v: string) => () => loadSheetsConfig({ SPREADSHEET_ID: 's', GOOGLE_WORKLOAD_IDENTITY: v });
    expect(load('not json')).toThrow(/GOOGLE_WORKLOAD_IDENTITY is not JSON/);
    expect(load(JSON.stringify({ audience }))).toThrow(
      /GOOGLE_WORKLOAD_IDENTITY: service_account_impersonation_url/,
    );
    expect(
      load(
        JSON.stringify({ audience: 'projects/1/pools/x', service_account_impersonation_url: impersonation }),
      ),
    ).toThrow(/GOOGLE_WORKLOAD_IDENTITY: audience: must be/);
  });
});

describe('the reports section', () => {
  it('has defaults: both languages, the roster, 18:00, no contacts in the CSV', () => {
    expect(loadConfig('reports', {})).toEqual({
      langs: ['zh-CN', 'en'],
      recipients: [],
      dailySummaryAt: { hour: 18, minute: 0 },
      csvContacts: false,
    });
  });

  it('names a bad language, address or time', () => {
    expect(() => loadConfig('reports', { REPORT_LANGUAGES: 'fr' })).toThrow('REPORT_LANGUAGES');
    expect(() => loadConfig('reports', { REPORT_RECIPIENTS: 'a@studio.example,nope' })).toThrow(
      'REPORT_RECIPIENTS: "nope" is not an email address',
    );
    expect(() => loadConfig('reports', { DAILY_SUMMARY_AT: '6pm' })).toThrow(
      'DAILY_SUMMARY_AT must look like 18:00',
    );
    expect(loadConfig('reports', { REPORT_LANGUAGES: 'en', DAILY_SUMMARY_AT: '21:30' })).toMatchObject({
      langs: ['en'],
      dailySummaryAt: { hour: 21, minute: 30 },
    });
  });
});
