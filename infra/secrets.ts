/**
 * The four secrets. Their values reach the functions as CloudFormation dynamic references resolved at
 * deploy time: the config module only reads env, and env keeps the functions free of a Secrets Manager
 * call per cold start (and of any secretsmanager:GetSecretValue permission).
 */
import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export type AppSecrets = Readonly<
  Record<'appSecret' | 'staffAccessCode' | 'googleCredentials' | 'sheetHookSecret', secrets.Secret>
>;

export function appSecrets(scope: Construct): AppSecrets {
  // APP_SECRET keys the contact hashes stored in the table, so it lives as long as the table does: retained,
  // never rotated, and its generation settings never changed (that would replace it with a new value).
  const appSecret = new secrets.Secret(scope, 'AppSecret', {
    description: 'APP_SECRET: keys contact hashes, rate limits and staff sessions. Do not rotate.',
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const staffAccessCode = new secrets.Secret(scope, 'StaffAccessCode', {
    description: 'STAFF_ACCESS_CODE: the code staff enter on the complaint form. Read or rotate it here.',
    generateSecretString: { passwordLength: 16, excludePunctuation: true, excludeCharacters: 'Il1O0o' },
  });
  const googleCredentials = new secrets.Secret(scope, 'GoogleCredentials', {
    description: 'GOOGLE_CREDENTIALS_JSON: paste the Google service-account key JSON here, then redeploy.',
    secretStringValue: SecretValue.unsafePlainText('{}'),
  });
  const sheetHookSecret = new secrets.Secret(scope, 'SheetHookSecret', {
    description:
      'SHEET_HOOK_SECRET: signs the sheet’s on-edit pings. Copy it into the Apps Script’s Script Properties.',
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });
  return { appSecret, staffAccessCode, googleCredentials, sheetHookSecret };
}

/** A secret's value as a deploy-time dynamic reference, for a function's environment. */
export const secretEnv = (secret: secrets.ISecret): string => secret.secretValue.unsafeUnwrap();
