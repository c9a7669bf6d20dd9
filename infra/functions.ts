/**
 * One function per catalog entry, each with exactly the environment and grants its `needs` call for:
 * a function that does not need a section never sees its variables, secrets included.
 */
import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { FUNCTIONS, type FunctionName } from '../functions/catalog.js';
import type { ConfigSection, SectionEnv } from '../shared/config.js';
import { AppFunction } from './app-function.js';
import { pascal } from './names.js';

/** Each section's variables as the stack sets them; unset optional ones fall back to the config defaults. */
export type EnvBySection = { [S in ConfigSection]: SectionEnv<S> };

/** A section's variables without the unset ones (CloudFormation takes strings only). */
const defined = (env: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));

export function appFunctions(
  scope: Construct,
  props: {
    repoRoot: string;
    table: ITable;
    env: EnvBySection;
    /** The only address the functions may send from; its domain is the SES identity. */
    mailFrom: string;
    /** Bumped to make every function re-resolve its secrets (see ComplaintStackProps.secretsRevision). */
    secretsRevision?: string;
  },
): ReadonlyMap<FunctionName, AppFunction> {
  const mailDomain = props.mailFrom.slice(props.mailFrom.lastIndexOf('@') + 1);
  const sendMail = new iam.PolicyStatement({
    actions: ['ses:SendEmail'],
    // The domain identity, or the address itself if that is what the owner verified.
    resources: [mailDomain, props.mailFrom].map((identity) =>
      Stack.of(scope).formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
    ),
    conditions: { StringEquals: { 'ses:FromAddress': props.mailFrom } },
  });
  const envOf = (section: ConfigSection) => ({
    ...defined(props.env[section]),
    // Every function needs core, so every one changes (and re-resolves its secrets) with the revision.
    ...(section === 'core' && props.secretsRevision ? { SECRETS_REVISION: props.secretsRevision } : {}),
  });

  const functions = new Map<FunctionName, AppFunction>();
  for (const spec of FUNCTIONS) {
    const func = new AppFunction(scope, pascal(spec.name), {
      spec,
      repoRoot: props.repoRoot,
      environment: Object.assign({}, ...spec.needs.map(envOf)),
    });
    if (spec.needs.includes('core')) props.table.grantReadWriteData(func);
    if (spec.needs.includes('mail')) func.addToRolePolicy(sendMail);
    functions.set(spec.name, func);
  }
  return functions;
}
