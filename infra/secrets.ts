/**
 * One Secrets Manager secret per declaration in shared/secrets.ts. The functions get only each secret's
 * ARN (`<NAME>_SECRET_ARN`) and read access to the secrets of the sections they need; the value never
 * passes through CloudFormation, so it is in no template, no function configuration and no deploy log.
 */
import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { SECRET_NAMES, SECRETS, type SecretDeclaration, type SecretName } from '../shared/secrets.js';
import { acknowledge } from './nag.js';

export type AppSecrets = ReadonlyMap<SecretName, secrets.ISecret>;

function initialValue(initial: SecretDeclaration['initial']): Partial<secrets.SecretProps> {
  if ('placeholder' in initial)
    return { secretStringValue: SecretValue.unsafePlainText(initial.placeholder) };
  const { length, exclude } = initial.generate;
  // Never change these for an existing secret: CloudFormation would replace it with a new value.
  return {
    generateSecretString: {
      passwordLength: length,
      excludePunctuation: true,
      ...(exclude ? { excludeCharacters: exclude } : {}),
    },
  };
}

/**
 * Every declared secret, except those this deployment does without (`omit`); a secret kept from an
 * earlier deployment (`existing`, by its complete ARN) is used as it is.
 */
export function appSecrets(
  scope: Construct,
  opts: { omit?: readonly SecretName[]; existing?: Partial<Record<SecretName, string>> } = {},
): AppSecrets {
  const made = new Map<SecretName, secrets.ISecret>();
  for (const name of SECRET_NAMES) {
    if (opts.omit?.includes(name)) continue;
    const declaration: SecretDeclaration = SECRETS[name];
    const existing = opts.existing?.[name];
    if (existing) {
      made.set(name, secrets.Secret.fromSecretCompleteArn(scope, declaration.id, existing));
      continue;
    }
    const secret = new secrets.Secret(scope, declaration.id, {
      description: declaration.description,
      ...initialValue(declaration.initial),
      ...(declaration.retain ? { removalPolicy: RemovalPolicy.RETAIN } : {}),
    });
    acknowledge(secret, 'AwsSolutions-SMG4', declaration.rotation);
    made.set(name, secret);
  }
  return made;
}
