/** The deployment's settings: read from CDK context, every problem named by the key the person typed. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explain, readSettings, type SettingKey } from '../../infra/context.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINIMAL = {
  mailFrom: 'cases@studio.example',
  execManagers: 'boss@studio.example',
  spreadsheetId: 'sheet-1',
};

const read = (context: Record<string, unknown>, files: Record<string, string> = {}) =>
  readSettings(
    (key: SettingKey) => context[key],
    (path) => {
      const text = files[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
  );

describe('readSettings', () => {
  it('turns context into stack props, lists split and the stack named ComplaintCases by default', () => {
    const r = read({
      ...MINIMAL,
      execManagers: 'a@studio.example, b@studio.example',
      alarmEmails: ['it@studio.example'],
      usePrcHolidays: false,
      workingWeekdays: [0, 1, 2, 3, 4, 5, 6],
      slaPolicy: { replyHours: 12 },
    });
    expect(r).toMatchObject({
      ok: true,
      stackName: 'ComplaintCases',
      props: {
        execManagerEmails: ['a@studio.example', 'b@studio.example'],
        alarmEmails: ['it@studio.example'],
        calendar: { usePrcHolidays: false, workingWeekdays: '0,1,2,3,4,5,6', slaPolicy: '{"replyHours":12}' },
      },
    });
  });

  it('reads the reports settings', () => {
    const r = read({
      ...MINIMAL,
      dailySummaryAt: '21:30',
      reportLanguages: 'en',
      reportRecipients: 'a@studio.example,b@studio.example',
      reportCsvContacts: 'true',
    });
    expect(r).toMatchObject({
      ok: true,
      props: {
        reports: {
          dailySummaryAt: '21:30',
          languages: 'en',
          recipients: ['a@studio.example', 'b@studio.example'],
          csvContacts: true,
        },
      },
    });
    expect(read({ ...MINIMAL, reportCsvContacts: 'maybe' })).toMatchObject({
      ok: false,
      problems: ['reportCsvContacts must be true or false, got "maybe"'],
    });
  });

  it('reports every problem at once, by key', () => {
    const r = read({ usePrcHolidays: 'yes', customDomain: 'cases.studio.example', stackName: '1st stack' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.stringMatching(/^mailFrom is missing/),
      expect.stringMatching(/^execManagers is missing/),
      expect.stringMatching(/^spreadsheetId is missing/),
      'certificateArn is missing (required with customDomain)',
      expect.stringMatching(/^stackName must be .*"1st stack"/),
      'usePrcHolidays must be true or false, got "yes"',
    ]);
  });

  it('reads the workload identity configuration from its file, or as JSON', () => {
    const config = '{"audience":"//iam.googleapis.com/x"}';
    const fromFile = read({ ...MINIMAL, googleWorkloadIdentity: 'cred.json' }, { 'cred.json': config });
    expect(fromFile.ok && fromFile.props.googleWorkloadIdentity).toBe(config);
    const inline = read({ ...MINIMAL, googleWorkloadIdentity: config });
    expect(inline.ok && inline.props.googleWorkloadIdentity).toBe(config);
    const missing = read({ ...MINIMAL, googleWorkloadIdentity: 'nope.json' });
    expect(missing.ok ? [] : missing.problems).toEqual([
      'googleWorkloadIdentity: cannot read the file "nope.json"',
    ]);
  });

  it('takes a kept table only with the APP_SECRET that keyed it', () => {
    const arn = 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:AppSecretFAB5164C-AbCdEf';
    const both = read({ ...MINIMAL, existingTableName: 'Old-Cases-1', existingAppSecretArn: arn });
    expect(both.ok && both.props.existing).toEqual({ tableName: 'Old-Cases-1', appSecretArn: arn });
    const alone = read({ ...MINIMAL, existingTableName: 'Old-Cases-1' });
    expect(alone.ok ? [] : alone.problems).toEqual([
      expect.stringMatching(/^existingTableName and existingAppSecretArn go together/),
    ]);
    const partial = read({ ...MINIMAL, existingTableName: 'T', existingAppSecretArn: arn.slice(0, -7) });
    expect(partial.ok ? [] : partial.problems).toEqual([
      expect.stringMatching(/^existingAppSecretArn must be the complete ARN/),
    ]);
  });

  it('reads the escalation settings and whether to make the robots’ secret', () => {
    const r = read({
      ...MINIMAL,
      warnShare: 0.8,
      executiveDelay: '4h',
      escalationHours: 'any',
      customerApology: true,
      chatRobots: 'true',
    });
    expect(r.ok && r.props).toMatchObject({
      escalation: { warnShare: '0.8', executiveDelay: '4h', hours: 'any', customerApology: true },
      chatRobots: true,
    });
    const bad = read({ ...MINIMAL, escalationHours: 'night' });
    expect(bad.ok ? [] : bad.problems).toEqual(['escalationHours must be open or any, got "night"']);
    expect(
      explain('Configuration (escalation) is invalid: ESCALATION_WARN_SHARE must be between 0 and 1'),
    ).toBe(
      'Configuration (escalation) is invalid: ESCALATION_WARN_SHARE (-c warnShare) must be between 0 and 1',
    );
  });

  it('explains a stack error by the context key that sets the variable it names', () => {
    expect(explain('Configuration (core) is invalid: OPENING_HOURS must look like 09:00-18:00')).toBe(
      'Configuration (core) is invalid: OPENING_HOURS (-c openingHours) must look like 09:00-18:00',
    );
  });
});

describe('the CDK app (what `npm run synth` runs)', () => {
  it('stops on a bad setting with a message naming it, before building anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ ...MINIMAL, openingHours: '9-18' }),
        CDK_OUTDIR: fileURLToPath(new URL('../../test-artifacts/cdk.out', import.meta.url)),
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('OPENING_HOURS (-c openingHours) must look like 09:00-18:00');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
