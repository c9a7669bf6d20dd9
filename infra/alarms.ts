/**
 * Alarms a studio can act on, mailed through one SNS topic to the addresses given (by default the
 * executive managers). Each alarm's description says what it means and what to do; the README's deploy
 * guide lists them too. A missing data point (nothing ran) never alarms.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionName } from '../functions/catalog.js';
import { METRICS_SERVICE } from '../shared/adapters/metrics.js';
import { METRICS, type MetricName } from '../shared/ports/metrics.js';
import { acknowledge } from './nag.js';
import { pascal } from './names.js';

const FIVE_MINUTES = Duration.minutes(5);

export interface AlarmsProps {
  /** Who is mailed (each address confirms its subscription once, from AWS's email). */
  emails: readonly string[];
  functions: ReadonlyMap<FunctionName, IFunction>;
  scheduleDeadLetters: IQueue;
  /** Where the functions put the business metrics (METRICS_NAMESPACE). */
  metricsNamespace: string;
  /** Prefix of the alarm names, which are the subjects of the emails. */
  prefix: string;
}

export function alarms(scope: Construct, props: AlarmsProps) {
  const topic = new sns.Topic(scope, 'Alarms', {
    displayName: `${props.prefix} alarms`,
    enforceSSL: true,
  });
  acknowledge(
    topic,
    'AwsSolutions-SNS2',
    'alarm messages carry alarm names and counts, never personal data; CloudWatch alarms cannot publish to a topic under the AWS-managed SNS key, and a customer-managed key would cost more than all the alarms',
  );
  for (const email of props.emails) topic.addSubscription(new EmailSubscription(email));
  const notify = new SnsAction(topic);

  const made: cloudwatch.Alarm[] = [];
  const alarm = (
    id: string,
    name: string,
    metric: cloudwatch.IMetric,
    description: string,
    when: { periods?: number; of?: number } = {},
  ) => {
    const a = new cloudwatch.Alarm(scope, id, {
      alarmName: `${props.prefix}-${name}`,
      alarmDescription: description,
      metric,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: when.of ?? 1,
      datapointsToAlarm: when.periods ?? 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    a.addAlarmAction(notify);
    a.addOkAction(notify);
    made.push(a);
  };
  const business = (metric: MetricName) =>
    new cloudwatch.Metric({
      namespace: props.metricsNamespace,
      metricName: metric,
      dimensionsMap: { service: METRICS_SERVICE },
      statistic: cloudwatch.Stats.SUM,
      period: FIVE_MINUTES,
    });

  for (const [name, fn] of props.functions) {
    alarm(
      `${pascal(name)}Errors`,
      `${name}-errors`,
      fn.metricErrors({ period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM }),
      `${name} failed. Its logs say why (Lambda console, the function, Monitor, View CloudWatch logs); a failed scheduled run is retried twice, then kept in the schedules' dead-letter queue.`,
    );
    alarm(
      `${pascal(name)}Throttles`,
      `${name}-throttles`,
      fn.metricThrottles({ period: FIVE_MINUTES, statistic: cloudwatch.Stats.SUM }),
      `${name} was refused by Lambda for lack of concurrency. If it repeats, ask AWS Support to raise the account's Lambda concurrency.`,
    );
  }
  alarm(
    'ScheduleDeadLettersAlarm',
    'schedule-dead-letters',
    props.scheduleDeadLetters.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    "A scheduled run failed three times, or could not be started, and was given up. Each message holds the run's event (the schedule and the time it was for): run the function again with it (Lambda console, Test), then delete the message.",
  );
  alarm(
    'SyncFailuresAlarm',
    'sheet-sync-failing',
    business(METRICS.syncFailures),
    "The managers' sheet has not synced for 10 minutes (2 runs of 3 failed). Check that the sheet is still shared with the service account and that Google credentials are valid.",
    { periods: 2, of: 3 },
  );
  alarm(
    'SendFailuresAlarm',
    'email-send-failures',
    business(METRICS.sendFailures),
    'SES refused an email. Check the SES console: sending paused, the account still in the SES sandbox, or the sender (or, in the sandbox, the recipient) not verified.',
  );
  return { topic, alarms: made };
}
