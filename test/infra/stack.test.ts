/**
 * The stack's contract, asserted property by property (test/support/stack.ts synthesises it with the
 * cdk-nag checks on, as `cdk synth` does). Secrets, alarms and cdk-nag have their own files.
 */
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  type FunctionSpec,
  functionSpec,
  HTTP_ROUTES,
  SCHEDULES,
  toScheduleExpression,
} from '../../functions/catalog.js';
import { AppFunction } from '../../infra/app-function.js';
import { ComplaintStack } from '../../infra/stack.js';
import { TABLE_ACTIONS } from '../../infra/table.js';
import { type ConfigSection, type EnvName, envNames, requiredEnvNames } from '../../shared/config.js';
import {
  actionsOf,
  newApp,
  PROPS,
  type Resource,
  refsIn,
  type Statement,
  type Synth,
  synth,
} from '../support/stack.js';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

/**
 * What config.ts reads per `needs` section that the stack sets for PROPS (plus NODE_OPTIONS, an
 * AppFunction default): every variable a section requires, the optional ones these props give, and the
 * ARN of each of the section's secrets. The names come from the config schema; a renamed variable fails
 * to compile here.
 */
const VARS_BY_NEED: { [S in ConfigSection]: EnvName<S>[] } = {
  core: [...requiredEnvNames('core'), 'BUSINESS_TZ', 'METRICS_NAMESPACE', 'APP_SECRET_SECRET_ARN'],
  mail: [...requiredEnvNames('mail'), 'SUPERVISOR_EMAILS', 'PUBLIC_URL'],
  http: [...requiredEnvNames('http'), 'STAFF_ACCESS_CODE_SECRET_ARN'],
  sheets: [...requiredEnvNames('sheets'), 'GOOGLE_CREDENTIALS_JSON_SECRET_ARN'],
  sheetHook: ['SHEET_HOOK_SECRET_SECRET_ARN'],
  // CHAT_ROBOTS is made only with chatRobots=true.
  escalation: [],
  reports: [],
};

let sy: Synth;
let stack: ComplaintStack;
let template: Template;

beforeAll(() => {
  sy = synth('Complaints');
  ({ stack, template } = sy);
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
      const logGroup = (sy.fnResource(spec.name).Properties.LoggingConfig as { LogGroup: { Ref: string } })
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
      expect(Object.keys(sy.envOf(spec.name)).sort()).toEqual(expected);
    },
  );

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: only variables of the sections it needs',
    (_, spec) => {
      const allowed = new Set<string>([...spec.needs.flatMap((n) => envNames(n)), 'NODE_OPTIONS']);
      for (const name of Object.keys(sy.envOf(spec.name))) expect(allowed).toContain(name);
    },
  );

  it('passes the business settings through unchanged', () => {
    expect(sy.envOf('daily-summary')).toMatchObject({
      MAIL_FROM: 'cases@studio.example',
      EXEC_MANAGER_EMAILS: 'boss@studio.example,ops@studio.example',
      SUPERVISOR_EMAILS: 'lead@studio.example',
      SPREADSHEET_ID: 'sheet-123',
      BUSINESS_TZ: 'Asia/Shanghai',
      TABLE_NAME: { Ref: sy.logicalId(stack.table) },
      // The stack's own name, which its alarms read the business metrics under.
      METRICS_NAMESPACE: 'Complaints',
    });
    expect(sy.envOf('submit-complaint').FORM_ORIGIN).toBe('https://complaints.studio.example');
  });
});

describe('least privilege', () => {
  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: ses:SendEmail only with mail, from the sender only',
    (_, spec) => {
      const ses = sy.statementsOf(spec.name).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));
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
    expect(sy.statementsOf('lookup-status').flatMap(actionsOf)).not.toContain('ses:SendEmail');
    expect(sy.statementsOf('escalate').flatMap(actionsOf)).toContain('ses:SendEmail');
  });

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: item reads, writes and queries on this table and its named indexes only; wildcards only for X-Ray',
    (_, spec) => {
      const statements = sy.statementsOf(spec.name);
      const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo.length > 0).toBe(spec.needs.includes('core'));
      const tableId = sy.logicalId(stack.table);
      for (const statement of dynamo) {
        expect(new Set(actionsOf(statement))).toEqual(new Set(TABLE_ACTIONS));
        expect(actionsOf(statement)).not.toContain('dynamodb:Scan');
        expect(new Set(refsIn(statement.Resource))).toEqual(new Set([tableId]));
        const resources = JSON.stringify(statement.Resource);
        for (const index of ['openByDue', 'receivedByDay', 'eventsByDay'])
          expect(resources).toContain(`/index/${index}`);
        expect(resources).not.toContain('*');
      }
      for (const statement of statements.filter((s) => s.Resource === '*')) {
        expect(actionsOf(statement).every((a) => a.startsWith('xray:'))).toBe(true);
      }
    },
  );

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))(
    '%s: its own role, no managed policy, logs only to its own log group',
    (_, spec) => {
      const role = sy.resources[sy.roleIdOf(spec.name)] as Resource;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = sy.statementsOf(spec.name).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect(logs.flatMap(actionsOf).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      const logGroup = (sy.fnResource(spec.name).Properties.LoggingConfig as { LogGroup: { Ref: string } })
        .LogGroup.Ref;
      expect(new Set(logs.flatMap((s) => refsIn(s.Resource)))).toEqual(new Set([logGroup]));
      const others = FUNCTIONS.filter((f) => f.name !== spec.name).map((f) => sy.roleIdOf(f.name));
      expect(others).not.toContain(sy.roleIdOf(spec.name));
    },
  );

  it('names the roles Google trusts (the sheet functions) after the stack, and no others', () => {
    for (const spec of FUNCTIONS) {
      const name = (sy.resources[sy.roleIdOf(spec.name)] as Resource).Properties.RoleName;
      expect(name).toBe(spec.needs.includes('sheets') ? `Complaints-${spec.name}` : undefined);
    }
  });

  it('the scheduler role may invoke exactly the scheduled functions and write to the dead-letter queue', () => {
    const roleId = sy.logicalId(stack.schedulerRole);
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
    const scheduled = new Set(SCHEDULES.map((s) => sy.fnId(s.function)));
    expect(new Set(invoke.flatMap((s) => refsIn(s.Resource)))).toEqual(scheduled);
    expect(scheduled.has(sy.fnId('lookup-status'))).toBe(false);
    expect(new Set(statements.flatMap(actionsOf))).toEqual(
      new Set(['lambda:InvokeFunction', 'sqs:SendMessage']),
    );
    const sqs = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(new Set(sqs.flatMap((s) => refsIn(s.Resource)))).toEqual(
      new Set([sy.logicalId(stack.scheduleDeadLetters)]),
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
      expect(refsIn(integration.Properties.IntegrationUri)).toEqual([sy.fnId(route.function)]);
    }
  });

  it('logs each request without the client address', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const settings = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(refsIn(settings.DestinationArn)).toHaveLength(1);
    expect(JSON.parse(settings.Format)).toMatchObject({
      requestId: '$context.requestId',
      route: '$context.routeKey',
      status: '$context.status',
    });
    expect(settings.Format).not.toMatch(/sourceIp|userAgent|identity/);
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
          Arn: { 'Fn::GetAtt': [sy.fnId(schedule.function), 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [sy.logicalId(stack.schedulerRole), 'Arn'] },
          Input: JSON.stringify({
            schedule: schedule.function,
            scheduledTime: '<aws.scheduler.scheduled-time>',
          }),
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [sy.logicalId(stack.scheduleDeadLetters), 'Arn'] } },
        },
      });
    }
    // A run that still fails after Lambda's retries lands in the same dead-letter queue.
    for (const schedule of SCHEDULES) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: sy.fnId(schedule.function) },
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [sy.logicalId(stack.scheduleDeadLetters), 'Arn'] } },
        },
      });
    }
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', SCHEDULES.length);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: Match.objectLike({ Input: Match.stringLikeRegexp('<aws\\.scheduler\\.scheduled-time>') }),
    });
  });
});

describe('outputs', () => {
  it('exports the API URL, the table name, the secret ARNs, the alarm topic and the roles Google trusts', () => {
    for (const name of [
      'ApiUrl',
      'TableName',
      'AppSecretSecretArn',
      'StaffAccessCodeSecretArn',
      'GoogleCredentialsSecretArn',
      'ScheduleDeadLetterQueueUrl',
      'AlarmTopicArn',
    ]) {
      template.hasOutput(name, {});
    }
    template.hasOutput('TableName', { Value: { Ref: sy.logicalId(stack.table) } });
    const appSecret = stack.secrets.get('APP_SECRET');
    if (!appSecret) throw new Error('no APP_SECRET');
    template.hasOutput('AppSecretSecretArn', { Value: { Ref: sy.logicalId(appSecret) } });
    template.hasOutput('GoogleWorkloadIdentityRoles', {
      Value: FUNCTIONS.filter((f) => f.needs.includes('sheets'))
        .map((f) => `Complaints-${f.name}`)
        .join(' '),
    });
  });
});

describe('variants', () => {
  it('without a form origin serves the form same-origin: no CORS, FORM_ORIGIN is the API URL; the time zone flows', () => {
    const { formOrigin: _, ...rest } = PROPS;
    const s = new ComplaintStack(newApp(), 'SameOrigin', { ...rest, timeZone: 'Asia/Hong_Kong' });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
    const fn =
      t.toJSON().Resources[s.getLogicalId(s.functions.get('pages')?.node.defaultChild as CfnElement)];
    expect(refsIn(fn.Properties.Environment.Variables.FORM_ORIGIN)).toContain(
      s.getLogicalId(s.api.node.defaultChild as CfnElement),
    );
    t.allResourcesProperties('AWS::Scheduler::Schedule', { ScheduleExpressionTimezone: 'Asia/Hong_Kong' });
    t.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ BUSINESS_TZ: 'Asia/Hong_Kong' }) },
    });
  });

  it('runs the daily summary at the reports setting, and gives the report functions their settings', () => {
    const s = new ComplaintStack(newApp(), 'LateSummary', {
      ...PROPS,
      reports: { dailySummaryAt: '21:30', languages: 'zh-CN', csvContacts: true },
    });
    const t = Template.fromStack(s);
    const daily = s.functions.get('daily-summary')?.node.defaultChild as CfnElement;
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 21 * * ? *)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [s.getLogicalId(daily), 'Arn'] } }),
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          DAILY_SUMMARY_AT: '21:30',
          REPORT_LANGUAGES: 'zh-CN',
          REPORT_CSV_CONTACTS: 'true',
        }),
      },
    });
    expect(
      () => new ComplaintStack(newApp(), 'BadSummary', { ...PROPS, reports: { dailySummaryAt: '25:00' } }),
    ).toThrow('DAILY_SUMMARY_AT must look like 18:00');
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

  it('deploys onto the table and APP_SECRET a deleted deployment kept, creating neither again', () => {
    const appSecretArn = 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:AppSecretFAB5164C-AbCdEf';
    const kept = synth('Kept', {
      ...PROPS,
      existing: { tableName: 'Complaints-Cases80582F3E-XYZ', appSecretArn },
    });
    kept.template.resourceCountIs('AWS::DynamoDB::Table', 0);
    expect(Object.keys(kept.template.findResources('AWS::SecretsManager::Secret'))).not.toContainEqual(
      expect.stringMatching(/^AppSecret/),
    );
    expect(kept.envOf('submit-complaint')).toMatchObject({
      TABLE_NAME: 'Complaints-Cases80582F3E-XYZ',
      APP_SECRET_SECRET_ARN: appSecretArn,
    });
    const dynamo = kept.statementsOf('escalate').filter((s) => actionsOf(s).includes('dynamodb:Query'));
    expect(JSON.stringify(dynamo)).toContain(':table/Complaints-Cases80582F3E-XYZ/index/openByDue');
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
    expect(
      () => new ComplaintStack(newApp(), 'BadWif', { ...PROPS, googleWorkloadIdentity: '{"audience":"x"}' }),
    ).toThrow(/GOOGLE_WORKLOAD_IDENTITY: audience/);
    expect(() => new ComplaintStack(newApp(), 'BadAlarm', { ...PROPS, alarmEmails: ['it-team'] })).toThrow(
      /alarm email "it-team"/,
    );
    expect(() => new ComplaintStack(newApp(), `Long${'x'.repeat(50)}`, PROPS)).toThrow(
      /stack name .* too long/,
    );
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
