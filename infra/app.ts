/**
 * The CDK app. Settings come from CDK context, on the command line or under "context" in cdk.json:
 *
 *   npm run deploy -- -c mailFrom=cases@studio.example -c execManagers=boss@studio.example,ops@studio.example \
 *     -c spreadsheetId=1AbC… [-c supervisors=a@x,b@y] [-c alarmEmails=it@x] [-c formOrigin=https://studio.example]
 *     [-c googleWorkloadIdentity=clientLibraryConfig-aws.json]
 *     [-c customDomain=complaints.studio.example -c certificateArn=arn:aws:acm:…] [-c timeZone=Asia/Shanghai]
 *     [-c workingWeekdays=1,2,3,4,5,6] [-c openingHours=09:00-18:00] [-c closures=2025-02-03,…]
 *     [-c extraWorkingDays=…] [-c usePrcHolidays=false] [-c slaPolicy='{…}'] [-c valueLists='{…}']
 *     [-c logLevel=debug] [-c stackName=ComplaintCases]
 *
 * Every synth runs cdk-nag's AwsSolutions rules. A bad setting stops the synth with a message naming it,
 * before anything is built.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { explain, readSettings, type SettingKey } from './context.js';
import { addChecks } from './nag.js';
import { ComplaintStack } from './stack.js';

const app = new App();
const fail = (lines: string[]): never => {
  console.error(
    `${lines.join('\n')}\n` +
      'Pass each setting with -c key=value (e.g. -c mailFrom=cases@studio.example -c execManagers=a@x,b@y ' +
      '-c spreadsheetId=…) or set it under "context" in cdk.json. The README lists every setting.',
  );
  process.exit(1);
};

const settings = readSettings(
  (key: SettingKey) => app.node.tryGetContext(key),
  (path) => readFileSync(path, 'utf8'),
);
if (!settings.ok) fail(settings.problems.map((p) => `Setting ${p}.`));
else {
  addChecks(app);
  try {
    new ComplaintStack(app, settings.stackName, {
      ...settings.props,
      description: 'Complaint-case workflow: form, status lookups, escalations, daily and monthly reports',
      env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    });
  } catch (e) {
    fail([explain((e as Error).message)]);
  }
  app.synth();
}
