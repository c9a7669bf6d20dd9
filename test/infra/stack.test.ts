/**
 * The stack's contract, asserted property by property. Synthesised with bundling skipped
 * ('aws:cdk:bundling-stacks': []), so NodejsFunction never runs esbuild here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  functionSpec,
  HTTP_ROUTES,
  SCHEDULES,
  toScheduleExpression,
} from '../../functions/catalog.js';
import { AppFunction } from '../../infra/app-function.js';
import { ComplaintStack, type ComplaintStackProps } from '../../infra/stack.js';
import { type ConfigSection, type EnvName, envNames, requiredEnvNames } from '../../shared/config.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
};
/** The feature flags of cdk.json, so the test synthesises what `cdk synth` would. */
const newApp = () => new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });

const PROPS: ComplaintStackProps = {
  mailFrom: 'cases@studio.example',
  execManagerEmails: ['boss@studio.example', 'ops@studio.example'],
  supervisorEmails: ['lead@studio.example'],
  spreadsheetId: 'sheet-123',
  formOrigin: 'https://complaints.studio.example',
};

/**
 * What config.ts reads per `needs` section that the stack sets for PROPS (plus NODE_OPTIONS, an
 * AppFunction default): every variable a section requires, and the optional ones these props give.
 * The names come from the config schema; a renamed variable fails to compile here.
 */
const VARS_BY_NEED: { [S in ConfigSection]: EnvName<S>[] } = {
  core: [...requiredEnvNames('core'), 'BUSINESS_TZ'],
  mail: [...requiredEnvNames('mail'), 'SUPERVISOR_EMAILS', 'PUBLIC_URL'],
  http: requiredEnvNames('http'),
  sheets: [...requiredEnvNames('sheets'), 'GOOGLE_CREDENTIALS_JSON'],
  sheetHook: requiredEnvNames('sheetHook'),
};

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const refsIn = (value: unknown): string[] => {
  const json = JSON.stringify(value);
  return [...json.matchAll(/"(?:Ref|Fn::GetAtt)":(?:"|\[")([A-Za-z0-9]+)"/g)].map((m) => m[1] as string);
};

let stack: ComplaintStack;
let template: Template;
const logicalId = (c: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(c.node.defaultChild as CfnElement);
const fnId = (name: FunctionName) => {
  const fn = stack.functions.get(name);
  if (!fn) throw new Error(`no function ${name}`);
  return logicalId(fn);
};
const fnResource = (name: FunctionName) => template.toJSON().Resources[fnId(name)] as Resource;
const envOf = (name: FunctionName) =>
  (fnResource(name).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
const statementsOf = (name: FunctionName): Statement[] => {
  const roleId = (fnResource(name).Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies)
    .flatMap((p) => (p as Resource).Properties.PolicyDocument as { Statement: Statement[] })
    .flatMap((d) => d.Statement);
};
const dynamicReference = (secretId: string) => ({
  'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
});

beforeAll(() => {
  stack = new ComplaintStack(newApp(), 'Complaints', PROPS);
  template = Template.fromStack(stack);
}, 120_000);

describe('table', () => {
  // Literal names on purpose: changing a key or an index of the live (retained) table is a migration.
  it('has the keys, the three access-pattern indexes, TTL, PITR, deletion protection and AWS-managed SSE', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'openByDue',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'receivedByDay',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'eventsByDay',
          KeySchema: [
            { AttributeName: 'gsi3pk', KeyType: 'HASH' },
            { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
      ]),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('secrets', () => {
  it('generates APP_SECRET (48, no punctuation), the staff code and the sheet hook secret, and creates the Google one for the owner', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
    const { appSecret, staffAccessCode, googleCredentials } = stack.secrets;
    expect(template.toJSON().Resources[logicalId(appSecret)].Properties.GenerateSecretString).toEqual({
      PasswordLength: 48,
      ExcludePunctuation: true,
    });
    // It keys the contact hashes in the retained table.
    expect(template.toJSON().Resources[logicalId(appSecret)]).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(
      template.toJSON().Resources[logicalId(staffAccessCode)].Properties.GenerateSecretString,
    ).toMatchObject({ ExcludePunctuation: true });
    expect(
      template.toJSON().Resources[logicalId(googleCredentials)].Properties.GenerateSecretString,
    ).toBeUndefined();
  });

  it('reaches the functions as deploy-time dynamic references, never through an IAM read grant', () => {
    expect(envOf('submit-complaint').APP_SECRET).toEqual(
      dynamicReference(logicalId(stack.secrets.appSecret)),
    );
    expect(envOf('submit-complaint').STAFF_ACCESS_CODE).toEqual(
      dynamicReference(logicalId(stack.secrets.staffAccessCode)),
    );
    expect(envOf('sync-sheet').GOOGLE_CREDENTIALS_JSON).toEqual(
      dynamicReference(logicalId(stack.secrets.googleCredentials)),
    );
    for (const spec of FUNCTIONS) {
      expect(
        statementsOf(spec.name)
          .flatMap(actionsOf)
          .filter((a) => a.startsWith('secretsmanager:')),
      ).toEqual([]);
    }
  });
});

describe('functions', () => {
  it('creates one function per catalog entry', () => {
    template.resourceCountIs('AWS::Lambda::Function', FUNCTIONS.length);
  });

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: arm64, nodejs24.x, X-Ray, JSON logs, catalog sizing',
    (_, spec) => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: spec.description,
        Architectures: ['arm64'],
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        MemorySize: spec.memoryMb,
        Timeout: spec.timeoutSeconds,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
        Environment: { Variables: Match.objectLike({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
      const logGroup = (fnResource(spec.name).Properties.LoggingConfig as { LogGroup: { Ref: string } })
        .LogGroup.Ref;
      expect(template.toJSON().Resources[logGroup]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    },
  );

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: exactly the environment its needs call for',
    (_, spec) => {
      const expected = [...new Set(spec.needs.flatMap((n) => VARS_BY_NEED[n])), 'NODE_OPTIONS'].sort();
      expect(Object.keys(envOf(spec.name)).sort()).toEqual(expected);
    },
  );

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: only variables of the sections it needs',
    (_, spec) => {
      const allowed = new Set<string>([...spec.needs.flatMap((n) => envNames(n)), 'NODE_OPTIONS']);
      for (const name of Object.keys(envOf(spec.name))) expect(allowed).toContain(name);
    },
  );

  it('keeps secrets away from functions that do not need them', () => {
    expect(envOf('escalate')).not.toHaveProperty('STAFF_ACCESS_CODE');
    expect(envOf('escalate')).not.toHaveProperty('GOOGLE_CREDENTIALS_JSON');
    expect(envOf('lookup-status')).not.toHaveProperty('GOOGLE_CREDENTIALS_JSON');
    expect(envOf('sync-sheet')).not.toHaveProperty('STAFF_ACCESS_CODE');
    expect(envOf('pages')).toHaveProperty('STAFF_ACCESS_CODE');
  });

  it('passes the business settings through unchanged', () => {
    expect(envOf('daily-summary')).toMatchObject({
      MAIL_FROM: 'cases@studio.example',
      EXEC_MANAGER_EMAILS: 'boss@studio.example,ops@studio.example',
      SUPERVISOR_EMAILS: 'lead@studio.example',
      SPREADSHEET_ID: 'sheet-123',
      BUSINESS_TZ: 'Asia/Shanghai',
      TABLE_NAME: { Ref: logicalId(stack.table) },
    });
    expect(envOf('submit-complaint').FORM_ORIGIN).toBe('https://complaints.studio.example');
  });
});

describe('least privilege', () => {
  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: ses:SendEmail only with mail, from the sender only',
    (_, spec) => {
      const ses = statementsOf(spec.name).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
      if (!spec.needs.includes('mail')) {
        expect(ses).toEqual([]);
        return;
      }
      expect(ses).toHaveLength(1);
      const [statement] = ses as [Statement];
      expect(statement.Action).toBe('ses:SendEmail');
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'cases@studio.example' } });
      const identities = JSON.stringify(statement.Resource);
      expect(identities).toContain(':identity/studio.example"');
      expect(identities).not.toContain('*');
    },
  );

  it('lookup-status may not send mail; escalate may', () => {
    expect(statementsOf('lookup-status').flatMap(actionsOf)).not.toContain('ses:SendEmail');
    expect(statementsOf('escalate').flatMap(actionsOf)).toContain('ses:SendEmail');
  });

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: table access only on this table, wildcards only for X-Ray',
    (_, spec) => {
      const statements = statementsOf(spec.name);
      const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.length > 0).toBe(spec.needs.includes('core'));
      for (const s of dynamo) expect(new Set(refsIn(s.Resource))).toEqual(new Set([logicalId(stack.table)]));
      for (const s of statements.filter((s) => s.Resource === '*')) {
        expect(actionsOf(s).every((a) => a.startsWith('xray:'))).toBe(true);
      }
    },
  );

  it('the scheduler role may invoke exactly the scheduled functions and write to the dead-letter queue', () => {
    const roleId = logicalId(stack.schedulerRole);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
    ) as Resource[];
    const statements = policies.flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const invoke = statements.filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    const scheduled = new Set(SCHEDULES.map((s) => fnId(s.function)));
    expect(new Set(invoke.flatMap((s) => refsIn(s.Resource)))).toEqual(scheduled);
    expect(scheduled.has(fnId('lookup-status'))).toBe(false);
    expect(new Set(statements.flatMap(actionsOf))).toEqual(
      new Set(['lambda:InvokeFunction', 'sqs:SendMessage']),
    );
    const sqs = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(new Set(sqs.flatMap((s) => refsIn(s.Resource)))).toEqual(
      new Set([logicalId(stack.scheduleDeadLetters)]),
    );
  });
});

describe('http api', () => {
  it('has one route per HTTP_ROUTES entry, each to its function over payload format 2.0', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', HTTP_ROUTES.length);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /complaints' });
    const resources = template.toJSON().Resources as Record<string, Resource>;
    for (const route of HTTP_ROUTES) {
      const routes = template.findResources('AWS::ApiGatewayV2::Route', {
        Properties: { RouteKey: `${route.method} ${route.path}` },
      });
      expect(Object.keys(routes)).toHaveLength(1);
      const [integrationId] = refsIn((Object.values(routes)[0] as Resource).Properties.Target);
      const integration = resources[integrationId as string] as Resource;
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
      });
      expect(refsIn(integration.Properties.IntegrationUri)).toEqual([fnId(route.function)]);
    }
  });

  it('limits CORS to the form origin and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://complaints.studio.example'],
        AllowCredentials: true,
      }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 20, ThrottlingRateLimit: 10 },
    });
  });
});

describe('schedules', () => {
  it('has one schedule per SCHEDULES entry, in the business time zone, with the scheduled time as input', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', SCHEDULES.length);
    for (const schedule of SCHEDULES) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: toScheduleExpression(schedule),
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [fnId(schedule.function), 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [logicalId(stack.schedulerRole), 'Arn'] },
          Input: JSON.stringify({
            schedule: schedule.function,
            scheduledTime: '<aws.scheduler.scheduled-time>',
          }),
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.scheduleDeadLetters), 'Arn'] } },
        },
      });
    }
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: Match.objectLike({ Input: Match.stringLikeRegexp('<aws\\.scheduler\\.scheduled-time>') }),
    });
  });
});

describe('outputs', () => {
  it('exports the API URL, the table name and the secret ARNs', () => {
    for (const name of [
      'ApiUrl',
      'TableName',
      'AppSecretArn',
      'StaffAccessCodeSecretArn',
      'GoogleCredentialsSecretArn',
    ]) {
      template.hasOutput(name, {});
    }
    template.hasOutput('TableName', { Value: { Ref: logicalId(stack.table) } });
    template.hasOutput('AppSecretArn', { Value: { Ref: logicalId(stack.secrets.appSecret) } });
  });
});

describe('variants', () => {
  it('without a form origin serves the form same-origin: no CORS, FORM_ORIGIN is the API URL; time zone and secrets revision flow', () => {
    const { formOrigin: _, ...rest } = PROPS;
    const s = new ComplaintStack(newApp(), 'SameOrigin', {
      ...rest,
      timeZone: 'Asia/Hong_Kong',
      secretsRevision: '2',
    });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    const fn =
      t.toJSON().Resources[s.getLogicalId(s.functions.get('pages')?.node.defaultChild as CfnElement)];
    expect(refsIn(fn.Properties.Environment.Variables.FORM_ORIGIN)).toContain(
      s.getLogicalId(s.api.node.defaultChild as CfnElement),
    );
    t.allResourcesProperties('AWS::Scheduler::Schedule', { ScheduleExpressionTimezone: 'Asia/Hong_Kong' });
    // Every function reads APP_SECRET, so every one changes (and re-resolves its secrets) with the revision.
    t.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ BUSINESS_TZ: 'Asia/Hong_Kong', SECRETS_REVISION: '2' }) },
    });
  });

  it('with a custom domain maps it to the default stage and uses it as the form origin', () => {
    const { formOrigin: _, ...rest } = PROPS;
    const s = new ComplaintStack(newApp(), 'Custom', {
      ...rest,
      customDomain: {
        domainName: 'complaints.studio.example',
        certificateArn: 'arn:aws:acm:ap-southeast-1:111111111111:certificate/abc',
      },
    });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'complaints.studio.example' });
    t.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: functionSpec('submit-complaint').description,
      Environment: { Variables: Match.objectLike({ FORM_ORIGIN: 'https://complaints.studio.example' }) },
    });
    t.hasOutput('CustomDomainTarget', {});
  });

  it('rejects settings the functions would reject at cold start, naming them', () => {
    expect(() => new ComplaintStack(newApp(), 'BadMail', { ...PROPS, mailFrom: 'not-an-address' })).toThrow(
      /MAIL_FROM/,
    );
    expect(() => new ComplaintStack(newApp(), 'BadTz', { ...PROPS, timeZone: 'Mars/Olympus' })).toThrow(
      /timeZone/,
    );
    expect(
      () => new ComplaintStack(newApp(), 'BadHours', { ...PROPS, calendar: { openingHours: '9-18' } }),
    ).toThrow(/OPENING_HOURS/);
  });
});

describe('AppFunction', () => {
  it('holds the defaults (small snapshot)', () => {
    const s = new Stack(newApp(), 'One');
    // A fixed spec (a real entry), so catalog edits do not churn the snapshot.
    const spec: FunctionSpec = {
      ...functionSpec('escalate'),
      description: 'snapshot',
      needs: [],
      timeoutSeconds: 30,
      memoryMb: 256,
    };
    const fn = new AppFunction(s, 'Fn', { spec, repoRoot: REPO_ROOT, environment: { EXTRA: 'kept' } });
    const t = Template.fromStack(s).toJSON();
    const {
      Code: _code,
      Role: _role,
      LoggingConfig,
      ...props
    } = t.Resources[s.getLogicalId(fn.node.defaultChild as CfnElement)].Properties as Record<string, unknown>;
    expect({
      ...props,
      LogFormat: (LoggingConfig as { LogFormat: string }).LogFormat,
    }).toMatchInlineSnapshot(`
      {
        "Architectures": [
          "arm64",
        ],
        "Description": "snapshot",
        "Environment": {
          "Variables": {
            "EXTRA": "kept",
            "NODE_OPTIONS": "--enable-source-maps",
          },
        },
        "Handler": "index.handler",
        "LogFormat": "JSON",
        "MemorySize": 256,
        "Runtime": "nodejs24.x",
        "Timeout": 30,
        "TracingConfig": {
          "Mode": "Active",
        },
      }
    `);
    expect(Object.values(t.Resources).filter((r) => (r as Resource).Type === 'AWS::Logs::LogGroup')).toEqual([
      expect.objectContaining({ Properties: { RetentionInDays: 30 }, DeletionPolicy: 'Delete' }),
    ]);
  });
});
