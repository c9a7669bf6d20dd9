/**
 * The whole product in one stack, built from the catalog (functions, routes, schedules), the table
 * definition, the config schema and the secret declarations. Nothing here repeats a route, a schedule,
 * a key, an index, a variable or a secret: add one in its source file and the stack follows. Each concern
 * has its module; all constructs are created in the stack's own scope, so their logical ids do not depend
 * on the split.
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { FUNCTIONS, type FunctionName, schedulesFor } from '../functions/catalog.js';
import { SECRETS } from '../shared/secrets.js';
import { alarms } from './alarms.js';
import { addRoutes, httpApi } from './api.js';
import type { AppFunction } from './app-function.js';
import { appFunctions } from './functions.js';
import { schedules } from './schedules.js';
import { type AppSecrets, appSecrets } from './secrets.js';
import {
  type BusinessCalendarProps,
  businessSettings,
  type EscalationProps,
  type ReportSettingsProps,
} from './settings.js';
import { casesTable } from './table.js';

export type { BusinessCalendarProps, EscalationProps, ReportSettingsProps } from './settings.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ComplaintStackProps extends StackProps {
  /** Sender address; its domain (or the address itself) must be a verified SES identity. */
  mailFrom: string;
  execManagerEmails: readonly string[];
  supervisorEmails?: readonly string[];
  /** Who gets the alarm emails. Default: the executive managers. */
  alarmEmails?: readonly string[];
  /** The Google spreadsheet the managers work in. */
  spreadsheetId: string;
  /** Show customers' contacts masked (138****8000) in the Cases tab. Default false: managers call back. */
  maskContacts?: boolean;
  /** Warn share, executive delay, opening hours, customer apology (escalation section). */
  escalation?: EscalationProps;
  /** Create the CHAT_ROBOTS secret, for group-chat robots. Default false: email only, one secret fewer. */
  chatRobots?: boolean;
  /**
   * Google workload identity federation: the credential configuration JSON from
   * `gcloud iam workload-identity-pools create-cred-config … --aws`. With it the sheet functions act as
   * the service account through their own AWS roles, and no Google key secret is created.
   */
  googleWorkloadIdentity?: string;
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
  /** The reports' languages, recipients, the daily summary's time, contacts in the CSV. */
  reports?: ReportSettingsProps;
  /**
   * Deploy onto the data an earlier, deleted deployment kept: its table (retained) and the APP_SECRET
   * that keys the contact hashes in it (retained too). Both, or neither.
   */
  existing?: { tableName: string; appSecretArn: string };
  /** Repository root holding the handlers and package-lock.json. Default: the parent of infra/. */
  repoRoot?: string;
}

export class ComplaintStack extends Stack {
  readonly table: dynamodb.ITable;
  readonly api: apigw.HttpApi;
  readonly functions: ReadonlyMap<FunctionName, AppFunction>;
  readonly schedulerRole: iam.Role;
  readonly scheduleDeadLetters: sqs.Queue;
  readonly secrets: AppSecrets;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ComplaintStackProps) {
    super(scope, id, props);
    const timeZone = props.timeZone ?? 'Asia/Shanghai';
    const settings = businessSettings({ ...props, timeZone });

    this.table = props.existing
      ? dynamodb.Table.fromTableName(this, 'Cases', props.existing.tableName)
      : casesTable(this);
    this.secrets = appSecrets(this, {
      // With workload identity there is no Google key, so no secret for one.
      omit: [
        ...(props.googleWorkloadIdentity ? (['GOOGLE_CREDENTIALS_JSON'] as const) : []),
        ...(props.chatRobots ? [] : (['CHAT_ROBOTS'] as const)),
      ],
      ...(props.existing ? { existing: { APP_SECRET: props.existing.appSecretArn } } : {}),
    });
    const { api, stage, domainName, publicUrl, formOrigin } = httpApi(this, props);
    this.api = api;

    // Google trusts the sheet functions' roles by name (workload identity), so those names are fixed.
    const googleRoleName = (name: FunctionName) => `${this.stackName}-${name}`;
    const longest = FUNCTIONS.map((f) => googleRoleName(f.name)).sort((a, b) => b.length - a.length)[0];
    if (longest && longest.length > 64) {
      throw new Error(
        `ComplaintStack: stack name "${this.stackName}" is too long: it starts IAM role names (at most 64 characters, e.g. "${longest}")`,
      );
    }
    this.functions = appFunctions(this, {
      repoRoot: props.repoRoot ?? REPO_ROOT,
      table: this.table,
      secrets: this.secrets,
      mailFrom: props.mailFrom,
      roleName: (spec) => (spec.needs.includes('sheets') ? googleRoleName(spec.name) : undefined),
      env: {
        core: { ...settings.core, TABLE_NAME: this.table.tableName, METRICS_NAMESPACE: this.stackName },
        mail: { ...settings.mail, PUBLIC_URL: publicUrl },
        http: { FORM_ORIGIN: formOrigin },
        sheets: settings.sheets,
        // Its only setting is its secret (SHEET_HOOK_SECRET), given as an ARN like every secret.
        sheetHook: {},
        escalation: settings.escalation,
        reports: settings.reports,
      },
    });
    const fn = (name: FunctionName) => {
      const f = this.functions.get(name);
      if (!f) throw new Error(`catalog: ${name} is routed or scheduled but not in FUNCTIONS`);
      return f;
    };
    addRoutes(api, fn);
    const scheduling = schedules(this, {
      timeZone,
      account: this.account,
      fn,
      schedules: schedulesFor(settings.reportsConfig),
    });
    this.schedulerRole = scheduling.role;
    this.scheduleDeadLetters = scheduling.deadLetters;
    this.alarmTopic = alarms(this, {
      emails: props.alarmEmails?.length ? props.alarmEmails : props.execManagerEmails,
      functions: this.functions,
      scheduleDeadLetters: scheduling.deadLetters,
      metricsNamespace: this.stackName,
      prefix: this.stackName,
    }).topic;

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    if (domainName) {
      new CfnOutput(this, 'CustomDomainTarget', {
        description: `CNAME ${domainName.name} to this`,
        value: domainName.regionalDomainName,
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    for (const [name, secret] of this.secrets) {
      new CfnOutput(this, `${SECRETS[name].id}SecretArn`, { description: name, value: secret.secretArn });
    }
    const sheetRoles = [...this.functions.values()].filter((f) => f.spec.needs.includes('sheets'));
    new CfnOutput(this, 'GoogleWorkloadIdentityRoles', {
      description: 'The roles Google must trust (workload identity): one principalSet per role',
      value: sheetRoles.map((f) => googleRoleName(f.spec.name)).join(' '),
    });
    new CfnOutput(this, 'ScheduleDeadLetterQueueUrl', { value: scheduling.deadLetters.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }
}
