/**
 * One function per catalog entry, each with exactly the environment and grants its `needs` call for:
 * a function that does not need a section never sees its variables, and may read only its sections'
 * secrets — by ARN, at run time.
 */
import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { FUNCTIONS, type FunctionName, type FunctionSpec } from '../functions/catalog.js';
import { type ConfigSection, type SectionEnv, sectionSecrets } from '../shared/config.js';
import { arnVariable } from '../shared/secrets.js';
import { AppFunction } from './app-function.js';
import { pascal } from './names.js';
import type { AppSecrets } from './secrets.js';
import { tableAccess } from './table.js';

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
    secrets: AppSecrets;
    /** The only address the functions may send from; its domain is the SES identity. */
    mailFrom: string;
    /** A fixed role name for a function, where another system trusts its role by name. */
    roleName?: (spec: FunctionSpec) => string | undefined;
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
  const secretsOf = (section: ConfigSection) =>
    sectionSecrets(section).flatMap((name) => {
      const secret = props.secrets.get(name);
      return secret ? [{ name, secret }] : [];
    });

  const functions = new Map<FunctionName, AppFunction>();
  for (const spec of FUNCTIONS) {
    const secrets = spec.needs.flatMap(secretsOf);
    const roleName = props.roleName?.(spec);
    const func = new AppFunction(scope, pascal(spec.name), {
      spec,
      repoRoot: props.repoRoot,
      environment: Object.assign(
        {},
        ...spec.needs.map((section) => defined(props.env[section])),
        ...secrets.map(({ name, secret }) => ({ [arnVariable(name)]: secret.secretArn })),
      ),
      ...(roleName ? { roleName } : {}),
    });
    if (spec.needs.includes('core')) func.addToRolePolicy(tableAccess(props.table));
    if (spec.needs.includes('mail')) func.addToRolePolicy(sendMail);
    if (secrets.length) {
      // Only GetSecretValue (what the functions call), only on its own sections' secrets.
      func.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: secrets.map(({ secret }) => secret.secretArn),
        }),
      );
    }
    functions.set(spec.name, func);
  }
  return functions;
}
