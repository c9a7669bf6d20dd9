/**
 * Secrets read at run time: from the environment locally, from Secrets Manager in AWS (here a stand-in
 * reached by the real SDK client and Powertools), cached for the secret's max age so a rotated value
 * reaches the function without a redeploy.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeSecrets, makeSecretsManagerClient } from '../../../shared/adapters/secrets.js';
import { SECRETS } from '../../../shared/secrets.js';
import {
  type SecretsManagerStandIn,
  secretArn,
  startSecretsManagerStandIn,
} from '../../support/secrets-manager.js';

let standIn: SecretsManagerStandIn;
beforeAll(async () => {
  standIn = await startSecretsManagerStandIn();
});
afterAll(() => standIn.close());
afterEach(() => {
  vi.useRealTimers();
});

const fromSecretsManager = (arns: Record<string, string>) =>
  makeSecrets({
    sources: Object.fromEntries(
      Object.entries(arns).map(([name, arn]) => [name, { from: 'secrets-manager', arn }]),
    ),
    client: () => makeSecretsManagerClient({ region: 'ap-southeast-1', endpoint: standIn.url }),
  });

describe('secrets from the environment', () => {
  it('are the values given, checked', async () => {
    const secrets = makeSecrets({
      sources: { STAFF_ACCESS_CODE: { from: 'environment', value: 'studio-2026' } },
      client: () => {
        throw new Error('no AWS client for environment secrets');
      },
    });
    expect(await secrets.get('STAFF_ACCESS_CODE')).toBe('studio-2026');
    expect(secrets.has('APP_SECRET')).toBe(false);
    await expect(secrets.get('APP_SECRET')).rejects.toThrow(/APP_SECRET is missing.*APP_SECRET_SECRET_ARN/);
  });
});

describe('secrets from Secrets Manager', () => {
  it('are read once, then served from the cache until their max age, then read again (rotation)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T02:00:00Z'));
    const arn = secretArn('StaffAccessCode-rotation');
    standIn.put(arn, 'first-code-1');
    const secrets = fromSecretsManager({ STAFF_ACCESS_CODE: arn });

    expect(await secrets.get('STAFF_ACCESS_CODE')).toBe('first-code-1');
    expect(await secrets.get('STAFF_ACCESS_CODE')).toBe('first-code-1');
    expect(standIn.reads(arn)).toBe(1);

    standIn.put(arn, 'second-code-2');
    const maxAge = SECRETS.STAFF_ACCESS_CODE.maxAgeSeconds * 1000;
    vi.setSystemTime(new Date(Date.now() + maxAge - 1000));
    expect(await secrets.get('STAFF_ACCESS_CODE')).toBe('first-code-1');
    vi.setSystemTime(new Date(Date.now() + 2000));
    expect(await secrets.get('STAFF_ACCESS_CODE')).toBe('second-code-2');
    expect(standIn.reads(arn)).toBe(2);
  });

  it('refuse a malformed value, naming the secret and never showing the value', async () => {
    const arn = secretArn('StaffAccessCode-short');
    standIn.put(arn, 'short');
    const read = fromSecretsManager({ STAFF_ACCESS_CODE: arn }).get('STAFF_ACCESS_CODE');
    await expect(read).rejects.toThrow(
      'Configuration (http) is invalid: STAFF_ACCESS_CODE must be at least 8 characters (read from Secrets Manager, STAFF_ACCESS_CODE_SECRET_ARN)',
    );
  });

  it('say which secret could not be read when Secrets Manager fails', async () => {
    const read = fromSecretsManager({ APP_SECRET: secretArn('AppSecret-none') }).get('APP_SECRET');
    await expect(read).rejects.toThrow(
      'APP_SECRET could not be read from Secrets Manager (APP_SECRET_SECRET_ARN)',
    );
  });

  it('say when the Google key is still the placeholder the stack created', async () => {
    const arn = secretArn('GoogleCredentials-new');
    standIn.put(arn, '{}');
    await expect(
      fromSecretsManager({ GOOGLE_CREDENTIALS_JSON: arn }).get('GOOGLE_CREDENTIALS_JSON'),
    ).rejects.toThrow(/GOOGLE_CREDENTIALS_JSON is still the placeholder/);
  });
});
