/**
 * Secrets never in clear: no value in the template or in any function's environment, only ARNs, and each
 * function may read only the secrets of the sections it needs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionSpec } from '../../functions/catalog.js';
import { sectionSecrets } from '../../shared/config.js';
import { arnVariable, SECRET_NAMES, SECRETS, type SecretName } from '../../shared/secrets.js';
import { actionsOf, PROPS, type Resource, refsIn, type Synth, synth } from '../support/stack.js';

const WORKLOAD_IDENTITY = JSON.stringify({
  type: 'external_account',
  audience:
    '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/studio/providers/aws',
  subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
  service_account_impersonation_url:
    'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/sheets@studio.iam.gserviceaccount.com:generateAccessToken',
  token_url: 'https://sts.googleapis.com/v1/token',
});

let key: Synth;
let wif: Synth;
beforeAll(() => {
  key = synth('KeyFallback');
  // With the group-chat robots' secret too (chatRobots=true): one variant for both options.
  wif = synth('WorkloadIdentity', { ...PROPS, googleWorkloadIdentity: WORKLOAD_IDENTITY, chatRobots: true });
}, 120_000);

const secretIds = (s: Synth) =>
  new Map([...s.stack.secrets].map(([name, secret]) => [name, s.logicalId(secret)] as const));
/** The secrets of a function's sections that this deployment has (CHAT_ROBOTS only with chatRobots=true). */
const secretsOf = (spec: FunctionSpec, s: Synth = key): SecretName[] =>
  spec.needs.flatMap((n) => sectionSecrets(n)).filter((name) => s.stack.secrets.has(name));

describe('no secret in clear', () => {
  it('the template resolves no secret at deploy time and carries no value but the placeholders', () => {
    for (const s of [key, wif]) {
      const json = JSON.stringify(s.template.toJSON());
      expect(json).not.toContain('resolve:secretsmanager');
      expect(json).not.toMatch(/private_key|BEGIN PRIVATE KEY/);
      const values = Object.values(s.template.findResources('AWS::SecretsManager::Secret')).map(
        (r) => (r as Resource).Properties.SecretString,
      );
      // The Google key's placeholder (key), the robots' (wif, made with chatRobots=true).
      expect(values.filter((v) => v !== undefined)).toEqual(['{}']);
    }
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    '%s: no secret variable, only the ARNs of its own sections’ secrets',
    (_, spec) => {
      const env = key.envOf(spec.name);
      for (const name of SECRET_NAMES) expect(env).not.toHaveProperty(name);
      const ids = secretIds(key);
      const expected = Object.fromEntries(
        secretsOf(spec).map((name) => [arnVariable(name), { Ref: ids.get(name) }]),
      );
      const arns = Object.fromEntries(Object.entries(env).filter(([k]) => k.endsWith('_SECRET_ARN')));
      expect(arns).toEqual(expected);
    },
  );

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    '%s: may only GetSecretValue, and only on its own sections’ secrets',
    (_, spec) => {
      const statements = key
        .statementsOf(spec.name)
        .filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')));
      expect(statements.flatMap(actionsOf).every((a) => a === 'secretsmanager:GetSecretValue')).toBe(true);
      const ids = secretIds(key);
      expect(new Set(statements.flatMap((s) => refsIn(s.Resource)))).toEqual(
        new Set(secretsOf(spec).map((name) => ids.get(name))),
      );
    },
  );

  it('keeps the staff code from the scheduled functions and the Google key from the HTTP ones', () => {
    expect(key.envOf('escalate')).not.toHaveProperty('STAFF_ACCESS_CODE_SECRET_ARN');
    expect(key.envOf('lookup-status')).not.toHaveProperty('GOOGLE_CREDENTIALS_JSON_SECRET_ARN');
    expect(key.envOf('sync-sheet')).toHaveProperty('GOOGLE_CREDENTIALS_JSON_SECRET_ARN');
    expect(key.envOf('pages')).toHaveProperty('STAFF_ACCESS_CODE_SECRET_ARN');
  });
});

describe('the secrets themselves', () => {
  it('are made as declared: APP_SECRET generated and retained, the staff code generated, the Google key a placeholder', () => {
    const resource = (name: SecretName) => {
      const secret = key.stack.secrets.get(name);
      if (!secret) throw new Error(`no ${name}`);
      return key.resources[key.logicalId(secret)] as Resource;
    };
    // Never change these two: CloudFormation would replace the secret with a new value.
    expect(resource('APP_SECRET').Properties.GenerateSecretString).toEqual({
      PasswordLength: 48,
      ExcludePunctuation: true,
    });
    expect(resource('APP_SECRET')).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(resource('STAFF_ACCESS_CODE').Properties.GenerateSecretString).toEqual({
      PasswordLength: 16,
      ExcludePunctuation: true,
      ExcludeCharacters: 'Il1O0o',
    });
    expect(resource('GOOGLE_CREDENTIALS_JSON').Properties.GenerateSecretString).toBeUndefined();
    expect(resource('SHEET_HOOK_SECRET').Properties.GenerateSecretString).toEqual({
      PasswordLength: 48,
      ExcludePunctuation: true,
    });
    // The logical ids stay those of the first deploys: a new id would be a new secret with a new value.
    expect(SECRET_NAMES.map((name) => SECRETS[name].id)).toEqual([
      'AppSecret',
      'StaffAccessCode',
      'GoogleCredentials',
      'SheetHookSecret',
      'ChatRobots',
    ]);
    for (const name of SECRET_NAMES) {
      const secret = key.stack.secrets.get(name);
      if (secret) expect(key.logicalId(secret)).toMatch(new RegExp(`^${SECRETS[name].id}[0-9A-F]{8}$`));
    }
  });

  it('makes the robots’ secret only when asked, a placeholder read by escalate alone', () => {
    expect(key.stack.secrets.has('CHAT_ROBOTS')).toBe(false);
    expect(key.envOf('escalate')).not.toHaveProperty('CHAT_ROBOTS_SECRET_ARN');
    const robots = wif.stack.secrets.get('CHAT_ROBOTS');
    if (!robots) throw new Error('no CHAT_ROBOTS with chatRobots=true');
    expect((wif.resources[wif.logicalId(robots)] as Resource).Properties.SecretString).toBe('{}');
    for (const spec of FUNCTIONS) {
      const env = wif.envOf(spec.name);
      if (spec.name === 'escalate')
        expect(env.CHAT_ROBOTS_SECRET_ARN).toEqual({ Ref: wif.logicalId(robots) });
      else expect(env).not.toHaveProperty('CHAT_ROBOTS_SECRET_ARN');
    }
  });

  it('with workload identity: no Google key secret; the sheet functions get the (non-secret) configuration', () => {
    expect(wif.stack.secrets.has('GOOGLE_CREDENTIALS_JSON')).toBe(false);
    wif.template.resourceCountIs('AWS::SecretsManager::Secret', SECRET_NAMES.length - 1);
    for (const spec of FUNCTIONS) {
      const env = wif.envOf(spec.name);
      expect(env).not.toHaveProperty('GOOGLE_CREDENTIALS_JSON_SECRET_ARN');
      if (spec.needs.includes('sheets')) expect(env.GOOGLE_WORKLOAD_IDENTITY).toBe(WORKLOAD_IDENTITY);
      else expect(env).not.toHaveProperty('GOOGLE_WORKLOAD_IDENTITY');
    }
    wif.template.hasOutput('GoogleWorkloadIdentityRoles', {
      Value: FUNCTIONS.filter((f) => f.needs.includes('sheets'))
        .map((f) => `WorkloadIdentity-${f.name}`)
        .join(' '),
    });
  });
});
