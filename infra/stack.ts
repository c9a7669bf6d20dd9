/**
 * The whole product in one stack, built from the catalog (functions, routes, schedules), the table
 * definition and the config schema. Nothing here repeats a route, a schedule, a key, an index or a
 * variable name: add one in its source file and the stack follows. Each concern has its module; all
 * constructs are created in the stack's own scope, so their logical ids do not depend on the split.
 */
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionName } from '../functions/catalog.js';
import { addRoutes, httpApi } from './api.js';
import type { AppFunction } from './app-function.js';
import { appFunctions } from './functions.js';
import { schedules } from './schedules.js';
import { type AppSecrets, appSecrets, secretEnv } from './secrets.js';
import { type BusinessCalendarProps, businessSettings } from './settings.js';
import { casesTable } from './table.js';

export type { BusinessCalendarProps } from './settings.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ComplaintStackProps extends StackProps {
  /** Sender address; its domain (or the address itself) must be a verified SES identity. */
  mailFrom: string;
  execManagerEmails: readonly string[];
  supervisorEmails?: readonly string[];
  /** The Google spreadsheet the managers work in. */
  spreadsheetId: string;
  /** Show customers' contacts masked (138****8000) in the Cases tab. Default false: managers call back. */
  maskContacts?: boolean;
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

export class ComplaintStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: apigw.HttpApi;
  readonly functions: ReadonlyMap<FunctionName, AppFunction>;
  readonly schedulerRole: iam.Role;
  readonly scheduleDeadLetters: sqs.Queue;
  readonly secrets: AppSecrets;

  constructor(scope: Construct, id: string, props: ComplaintStackProps) {
    super(scope, id, props);
    const timeZone = props.timeZone ?? 'Asia/Shanghai';
    const settings = businessSettings({ ...props, timeZone });

    this.table = casesTable(this);
    this.secrets = appSecrets(this);
    const { api, stage, domainName, publicUrl, formOrigin } = httpApi(this, props);
    this.api = api;

    this.functions = appFunctions(this, {
      repoRoot: props.repoRoot ?? REPO_ROOT,
      table: this.table,
      mailFrom: props.mailFrom,
      ...(props.secretsRevision ? { secretsRevision: props.secretsRevision } : {}),
      env: {
        core: {
          ...settings.core,
          TABLE_NAME: this.table.tableName,
          APP_SECRET: secretEnv(this.secrets.appSecret),
        },
        mail: { ...settings.mail, PUBLIC_URL: publicUrl },
        http: { STAFF_ACCESS_CODE: secretEnv(this.secrets.staffAccessCode), FORM_ORIGIN: formOrigin },
        sheets: {
          SPREADSHEET_ID: props.spreadsheetId,
          GOOGLE_CREDENTIALS_JSON: secretEnv(this.secrets.googleCredentials),
          ...(props.maskContacts === undefined ? {} : { SHEET_MASK_CONTACTS: String(props.maskContacts) }),
        },
        sheetHook: { SHEET_HOOK_SECRET: secretEnv(this.secrets.sheetHookSecret) },
      },
    });
    const fn = (name: FunctionName) => {
      const f = this.functions.get(name);
      if (!f) throw new Error(`catalog: ${name} is routed or scheduled but not in FUNCTIONS`);
      return f;
    };
    addRoutes(api, fn);
    const scheduling = schedules(this, { timeZone, account: this.account, fn });
    this.schedulerRole = scheduling.role;
    this.scheduleDeadLetters = scheduling.deadLetters;

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    if (domainName) {
      new CfnOutput(this, 'CustomDomainTarget', {
        description: `CNAME ${domainName.name} to this`,
        value: domainName.regionalDomainName,
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AppSecretArn', { value: this.secrets.appSecret.secretArn });
    new CfnOutput(this, 'StaffAccessCodeSecretArn', { value: this.secrets.staffAccessCode.secretArn });
    new CfnOutput(this, 'GoogleCredentialsSecretArn', { value: this.secrets.googleCredentials.secretArn });
    new CfnOutput(this, 'SheetHookSecretArn', { value: this.secrets.sheetHookSecret.secretArn });
    new CfnOutput(this, 'ScheduleDeadLetterQueueUrl', { value: scheduling.deadLetters.queueUrl });
  }
}
