/**
 * Building and reading the synthesised stack in tests. Every app runs cdk-nag's AwsSolutions rules like
 * `cdk synth` does, so each stack a test builds must pass them; bundling is skipped
 * ('aws:cdk:bundling-stacks': []), so NodejsFunction never runs esbuild here.
 */
import { readFileSync } from 'node:fs';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { FunctionName } from '../../functions/catalog.js';
import { addChecks } from '../../infra/nag.js';
import { ComplaintStack, type ComplaintStackProps } from '../../infra/stack.js';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
};

/** The feature flags of cdk.json and the checks of infra/app.ts, so tests synthesise what `cdk synth` would. */
export function newApp(): App {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  addChecks(app);
  return app;
}

export const PROPS: ComplaintStackProps = {
  mailFrom: 'cases@studio.example',
  execManagerEmails: ['boss@studio.example', 'ops@studio.example'],
  supervisorEmails: ['lead@studio.example'],
  spreadsheetId: 'sheet-123',
  formOrigin: 'https://complaints.studio.example',
};

export type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
export type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

export const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** The logical ids a value refers to (Ref and Fn::GetAtt). */
export const refsIn = (value: unknown): string[] => {
  const json = JSON.stringify(value);
  return [...json.matchAll(/"(?:Ref|Fn::GetAtt)":(?:"|\[")([A-Za-z0-9]+)"/g)].map((m) => m[1] as string);
};

/** A synthesised stack and readers over its template. */
export function synth(id: string, props: ComplaintStackProps = PROPS) {
  const stack = new ComplaintStack(newApp(), id, props);
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const logicalId = (c: { node: { defaultChild?: unknown } }) =>
    Stack.of(stack).getLogicalId(c.node.defaultChild as CfnElement);
  const fnId = (name: FunctionName) => {
    const fn = stack.functions.get(name);
    if (!fn) throw new Error(`no function ${name}`);
    return logicalId(fn);
  };
  const fnResource = (name: FunctionName) => resources[fnId(name)] as Resource;
  const envOf = (name: FunctionName) =>
    (fnResource(name).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
  const roleIdOf = (name: FunctionName) =>
    (fnResource(name).Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  const statementsOfRole = (roleId: string): Statement[] =>
    Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }))
      .flatMap((p) => (p as Resource).Properties.PolicyDocument as { Statement: Statement[] })
      .flatMap((d) => d.Statement);
  const statementsOf = (name: FunctionName) => statementsOfRole(roleIdOf(name));
  return {
    stack,
    template,
    resources,
    logicalId,
    fnId,
    fnResource,
    envOf,
    roleIdOf,
    statementsOf,
    statementsOfRole,
  };
}
export type Synth = ReturnType<typeof synth>;
