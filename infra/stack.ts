/**
 * The whole product in one stack, built from the catalog (functions, routes, schedules) and the table
 * definition. Nothing here repeats a route, a schedule, a key or an index: add one in its source file and
 * the stack follows.
 */
import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  TimeZone,
} from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  HTTP_ROUTES,
  SCHEDULES,
  toScheduleExpression,
} from '../functions/catalog.js';
import { KEYS, tableDefinition } from '../shared/adapters/dynamodb/table.js';
import { loadCoreConfig, loadHttpConfig, loadMailConfig } from '../shared/config.js';
import { AppFunction } from './app-function.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Business settings the config module reads; unset optional ones fall back to its defaults. */
export interface BusinessCalendarProps {
  /** WORKING_WEEKDAYS, e.g. '1,2,3,4,5,6' (0 = Sunday). */
  workingWeekdays?: string;
  /** OPENING_HOURS, e.g. '09:00-18:00'. */
  openingHours?: string;
  /** CLOSURES: comma-separated YYYY-MM-DD. */
  closures?: string;
  /** EXTRA_WORKING_DAYS: comma-separated YYYY-MM-DD. */
  extraWorkingDays?: string;
  usePrcHolidays?: boolean;
  /** SLA_POLICY as JSON. */
  slaPolicy?: string;
  /** VALUE_LISTS as JSON. */
  valueLists?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface ComplaintStackProps extends StackProps {
  /** Sender address; its domain (or the address itself) must be a verified SES identity. */
  mailFrom: string;
  execManagerEmails: readonly string[];
  supervisorEmails?: readonly string[];
  /** The Google spreadsheet the managers work in. */
  spreadsheetId: string;
  /**
   * Origin of the page that hosts the staff form, when it is not this API (e.g. the studio's website).
   * Default: the custom domain if given, else the API's own URL (same origin, so no CORS).
   */
  formOrigin?: string;
  /** Serve the API on this name with this (regional, same-region) ACM certificate. */
  customDomain?: { domainName: string; certificateArn: string };
  /** IANA time zone of the business: BUSINESS_TZ and the schedules' time zone. Default Asia/Shanghai. */
  timeZone?: string;
  calendar?: BusinessCalendarProps;
  /**
   * Bump after changing a secret's value: CloudFormation resolves the secrets' dynamic references only
   * when a function's configuration changes, and this value is part of it.
   */
  secretsRevision?: string;
  /** Repository root holding the handlers and package-lock.json. Default: the parent of infra/. */
  repoRoot?: string;
}

type Need = FunctionSpec['needs'][number];

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const ATTRIBUTE_TYPES: Record<string, dynamodb.AttributeType> = {
  S: dynamodb.AttributeType.STRING,
  N: dynamodb.AttributeType.NUMBER,
  B: dynamodb.AttributeType.BINARY,
};

/** Translates the SDK-shaped `tableDefinition()` (the one source of the table's shape) into CDK props. */
function tableShape() {
  const def = tableDefinition('shape-only');
  const types = new Map((def.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const attribute = (name: string | undefined): dynamodb.Attribute => {
    const type = ATTRIBUTE_TYPES[types.get(name) ?? ''];
    if (!name || !type) throw new Error(`tableDefinition: attribute ${name} has no usable type`);
    return { name, type };
  };
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) => {
    const sortKey = schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
    return {
      partitionKey: attribute(schema?.find((k) => k.KeyType === 'HASH')?.AttributeName),
      ...(sortKey ? { sortKey: attribute(sortKey) } : {}),
    };
  };
  return {
    keys: keys(def.KeySchema),
    indexes: (def.GlobalSecondaryIndexes ?? []).map((gsi): dynamodb.GlobalSecondaryIndexProps => {
      if (!gsi.IndexName) throw new Error('tableDefinition: an index has no name');
      const projection = gsi.Projection?.ProjectionType ?? 'ALL';
      return {
        indexName: gsi.IndexName,
        ...keys(gsi.KeySchema),
        projectionType: dynamodb.ProjectionType[projection],
        ...(gsi.Projection?.NonKeyAttributes ? { nonKeyAttributes: gsi.Projection.NonKeyAttributes } : {}),
      };
    }),
  };
}

export class ComplaintStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: apigw.HttpApi;
  readonly functions: ReadonlyMap<FunctionName, AppFunction>;
  readonly schedulerRole: iam.Role;
  readonly scheduleDeadLetters: sqs.Queue;
  readonly secrets: Readonly<Record<'appSecret' | 'staffAccessCode' | 'googleCredentials', secrets.Secret>>;

  constructor(scope: Construct, id: string, props: ComplaintStackProps) {
    super(scope, id, props);
    const timeZone = props.timeZone ?? 'Asia/Shanghai';
    const repoRoot = props.repoRoot ?? REPO_ROOT;

    // Plain (non-secret, non-token) settings, checked now by the same loaders the functions run at cold
    // start, so a typo fails `cdk synth` rather than the first invocation after a deploy.
    const coreSettings = {
      BUSINESS_TZ: timeZone,
      WORKING_WEEKDAYS: props.calendar?.workingWeekdays,
      OPENING_HOURS: props.calendar?.openingHours,
      CLOSURES: props.calendar?.closures,
      EXTRA_WORKING_DAYS: props.calendar?.extraWorkingDays,
      USE_PRC_HOLIDAYS:
        props.calendar?.usePrcHolidays === undefined ? undefined : String(props.calendar.usePrcHolidays),
      SLA_POLICY: props.calendar?.slaPolicy,
      VALUE_LISTS: props.calendar?.valueLists,
      LOG_LEVEL: props.calendar?.logLevel,
    };
    const mailSettings = {
      MAIL_FROM: props.mailFrom,
      EXEC_MANAGER_EMAILS: props.execManagerEmails.join(','),
      SUPERVISOR_EMAILS: props.supervisorEmails?.length ? props.supervisorEmails.join(',') : undefined,
    };
    validateSettings(coreSettings, mailSettings, props.formOrigin);

    // ── Data ────────────────────────────────────────────────────────────────────────────────────────
    const shape = tableShape();
    this.table = new dynamodb.Table(this, 'Cases', {
      ...shape.keys,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: KEYS.ttl,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of shape.indexes) this.table.addGlobalSecondaryIndex(index);

    // ── Secrets ─────────────────────────────────────────────────────────────────────────────────────
    // APP_SECRET keys the contact hashes stored in the table, so it lives as long as the table does: retained,
    // never rotated, and its generation settings never changed (that would replace it with a new value).
    const appSecret = new secrets.Secret(this, 'AppSecret', {
      description: 'APP_SECRET: keys contact hashes, rate limits and staff sessions. Do not rotate.',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const staffAccessCode = new secrets.Secret(this, 'StaffAccessCode', {
      description: 'STAFF_ACCESS_CODE: the code staff enter on the complaint form. Read or rotate it here.',
      generateSecretString: { passwordLength: 16, excludePunctuation: true, excludeCharacters: 'Il1O0o' },
    });
    const googleCredentials = new secrets.Secret(this, 'GoogleCredentials', {
      description: 'GOOGLE_CREDENTIALS_JSON: paste the Google service-account key JSON here, then redeploy.',
      secretStringValue: SecretValue.unsafePlainText('{}'),
    });
    // The values reach the functions as CloudFormation dynamic references resolved at deploy time: the
    // config module only reads env, and env keeps the functions free of a Secrets Manager call per cold
    // start (and of any secretsmanager:GetSecretValue permission). A function gets a secret only when its
    // `needs` call for it.
    this.secrets = { appSecret, staffAccessCode, googleCredentials };
    const secretEnv = (secret: secrets.ISecret) => secret.secretValue.unsafeUnwrap();

    // ── HTTP API ────────────────────────────────────────────────────────────────────────────────────
    const corsOrigin =
      props.formOrigin ?? (props.customDomain ? `https://${props.customDomain.domainName}` : undefined);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Complaint form, submissions and status lookups',
      createDefaultStage: false,
      // The form posts from this origin; when it is the API's own origin no preflight ever happens.
      ...(corsOrigin
        ? {
            corsPreflight: {
              allowOrigins: [new URL(corsOrigin).origin],
              allowMethods: [
                apigw.CorsHttpMethod.GET,
                apigw.CorsHttpMethod.POST,
                apigw.CorsHttpMethod.OPTIONS,
              ],
              allowHeaders: ['content-type', 'idempotency-key', 'x-staff-code'],
              allowCredentials: true,
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    const domainName = props.customDomain
      ? new apigw.DomainName(this, 'Domain', {
          domainName: props.customDomain.domainName,
          certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        })
      : undefined;
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 20, rateLimit: 10 },
      ...(domainName ? { domainMapping: { domainName } } : {}),
    });
    const formOrigin = corsOrigin ?? stage.url;

    // ── Functions ───────────────────────────────────────────────────────────────────────────────────
    const defined = <T extends Record<string, string | undefined>>(env: T) =>
      Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
    const envByNeed = {
      table: defined({
        TABLE_NAME: this.table.tableName,
        APP_SECRET: secretEnv(appSecret),
        ...coreSettings,
        SECRETS_REVISION: props.secretsRevision,
      }),
      mail: defined(mailSettings),
      http: { STAFF_ACCESS_CODE: secretEnv(staffAccessCode), FORM_ORIGIN: formOrigin },
      sheets: { SPREADSHEET_ID: props.spreadsheetId, GOOGLE_CREDENTIALS_JSON: secretEnv(googleCredentials) },
    } satisfies Record<Need, Record<string, string>>;

    const mailDomain = props.mailFrom.slice(props.mailFrom.lastIndexOf('@') + 1);
    const sendMail = new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      // The domain identity, or the address itself if that is what the owner verified.
      resources: [mailDomain, props.mailFrom].map((identity) =>
        this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
      ),
      conditions: { StringEquals: { 'ses:FromAddress': props.mailFrom } },
    });

    const functions = new Map<FunctionName, AppFunction>();
    for (const spec of FUNCTIONS) {
      const func = new AppFunction(this, pascal(spec.name), {
        spec,
        repoRoot,
        environment: Object.assign({}, ...spec.needs.map((need) => envByNeed[need])),
      });
      if (spec.needs.includes('table')) this.table.grantReadWriteData(func);
      if (spec.needs.includes('mail')) func.addToRolePolicy(sendMail);
      functions.set(spec.name, func);
    }
    this.functions = functions;
    const fn = (name: FunctionName) => {
      const f = functions.get(name);
      if (!f) throw new Error(`catalog: ${name} is routed or scheduled but not in FUNCTIONS`);
      return f;
    };

    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of HTTP_ROUTES) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascal(route.function)}Integration`, fn(route.function), {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        });
        integrations.set(route.function, integration);
      }
      this.api.addRoutes({ path: route.path, methods: [apigw.HttpMethod[route.method]], integration });
    }

    // ── Schedules ───────────────────────────────────────────────────────────────────────────────────
    const deadLetters = new sqs.Queue(this, 'ScheduleDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    // One role for every schedule; each LambdaInvoke target adds lambda:InvokeFunction for its own function.
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to run the scheduled functions',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.scheduleDeadLetters = deadLetters;
    this.schedulerRole = schedulerRole;
    for (const schedule of SCHEDULES) {
      new scheduler.Schedule(this, `${pascal(schedule.function)}Schedule`, {
        description: `Runs ${schedule.function}`,
        schedule: scheduler.ScheduleExpression.expression(
          toScheduleExpression(schedule),
          TimeZone.of(timeZone),
        ),
        timeWindow: scheduler.TimeWindow.off(),
        target: new LambdaInvoke(fn(schedule.function), {
          role: schedulerRole,
          input: scheduler.ScheduleTargetInput.fromObject({
            schedule: schedule.function,
            scheduledTime: scheduler.ContextAttribute.scheduledTime,
          }),
          retryAttempts: 2,
          deadLetterQueue: deadLetters,
        }),
      });
    }

    // ── Outputs ─────────────────────────────────────────────────────────────────────────────────────
    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    if (domainName) {
      new CfnOutput(this, 'CustomDomainTarget', {
        description: `CNAME ${domainName.name} to this`,
        value: domainName.regionalDomainName,
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AppSecretArn', { value: appSecret.secretArn });
    new CfnOutput(this, 'StaffAccessCodeSecretArn', { value: staffAccessCode.secretArn });
    new CfnOutput(this, 'GoogleCredentialsSecretArn', { value: googleCredentials.secretArn });
    new CfnOutput(this, 'ScheduleDeadLetterQueueUrl', { value: deadLetters.queueUrl });
  }
}

function validateSettings(
  core: Record<string, string | undefined>,
  mail: Record<string, string | undefined>,
  formOrigin: string | undefined,
) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: core.BUSINESS_TZ });
  } catch {
    throw new Error(`ComplaintStack: timeZone "${core.BUSINESS_TZ}" is not an IANA time zone`);
  }
  try {
    // Stand-ins for the two values only known at deploy time.
    loadCoreConfig({ ...core, TABLE_NAME: 'synth-check', APP_SECRET: 'x'.repeat(48) });
    loadMailConfig(mail);
    if (formOrigin) loadHttpConfig({ STAFF_ACCESS_CODE: 'x'.repeat(16), FORM_ORIGIN: formOrigin });
  } catch (e) {
    throw new Error(`ComplaintStack: ${(e as Error).message}`);
  }
}
