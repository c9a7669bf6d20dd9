import { describe, expect, it } from 'vitest';
import {
  CONFIG_SECTIONS,
  envNames,
  loadConfig,
  loadCoreConfig,
  loadHttpConfig,
  loadMailConfig,
  requiredEnvNames,
} from '../../shared/config.js';
import { DEFAULT_SLA_POLICY } from '../../shared/domain/deadlines.js';
import { DEFAULT_VALUE_LISTS } from '../../shared/domain/values.js';

const CORE = { TABLE_NAME: 'complaint-cases', APP_SECRET: 's'.repeat(32) };
const HTTP = { STAFF_ACCESS_CODE: 'studio-2026', FORM_ORIGIN: 'https://complaints.studio.example' };
const MAIL = { MAIL_FROM: 'noreply@studio.example', EXEC_MANAGER_EMAILS: 'exec@studio.example' };

describe('loadCoreConfig', () => {
  it('reads a minimal environment with the defaults', () => {
    const c = loadCoreConfig(CORE);
    expect(c).toMatchObject({
      tableName: 'complaint-cases',
      region: 'ap-southeast-1',
      appSecret: CORE.APP_SECRET,
      usePrcHolidays: true,
      logLevel: 'info',
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
    expect(() => loadCoreConfig({})).toThrow(/TABLE_NAME is missing.*APP_SECRET is missing/);
    expect(() => loadCoreConfig({ APP_SECRET: CORE.APP_SECRET })).toThrow(/TABLE_NAME is missing/);
    expect(() => loadCoreConfig({ TABLE_NAME: 'cases' })).toThrow(/APP_SECRET is missing/);
  });

  it('names invalid variables', () => {
    expect(() => loadCoreConfig({ ...CORE, APP_SECRET: 'short' })).toThrow(/APP_SECRET: .*at least 32/);
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
      staffAccessCode: 'studio-2026',
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
    expect(() => loadHttpConfig({})).toThrow(/STAFF_ACCESS_CODE is missing.*FORM_ORIGIN is missing/);
    expect(() => loadHttpConfig({ ...HTTP, FORM_ORIGIN: 'complaints.studio.example' })).toThrow(
      /FORM_ORIGIN/,
    );
    expect(() => loadHttpConfig({ ...HTTP, STAFF_ACCESS_CODE: '1234' })).toThrow(/STAFF_ACCESS_CODE/);
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
    expect(envNames('core')).toEqual(expect.arrayContaining(['TABLE_NAME', 'APP_SECRET', 'BUSINESS_TZ']));
    expect(requiredEnvNames('core')).toEqual(['TABLE_NAME', 'APP_SECRET']);
    expect(requiredEnvNames('mail')).toEqual(['MAIL_FROM', 'EXEC_MANAGER_EMAILS']);
    expect(requiredEnvNames('http')).toEqual(['STAFF_ACCESS_CODE', 'FORM_ORIGIN']);
    expect(requiredEnvNames('sheets')).toEqual(['SPREADSHEET_ID']);
  });

  it('loads a section by name like its loader', () => {
    expect(loadConfig('mail', MAIL)).toEqual(loadMailConfig(MAIL));
    expect(CONFIG_SECTIONS).toEqual(['core', 'mail', 'http', 'sheets']);
  });

  it("names a section's missing variables in its error", () => {
    expect(() => loadConfig('sheets', {})).toThrow(
      'Configuration (sheets) is invalid: SPREADSHEET_ID is missing',
    );
  });
});
