/**
 * One EventBridge Scheduler schedule per SCHEDULES entry, in the business time zone; each run receives its
 * scheduled time, so a retried run works on the time it was for. Scheduler invokes the function
 * asynchronously: a run it cannot start, and a run that still fails after Lambda's two retries, both
 * end in one dead-letter queue (alarmed), with the event that would run it again.
 */
import { type CfnElement, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type FunctionName, type Schedule, toScheduleExpression } from '../functions/catalog.js';
import { acknowledge } from './nag.js';
import { pascal } from './names.js';

export function schedules(
  scope: Construct,
  props: {
    timeZone: string;
    account: string;
    fn: (name: FunctionName) => IFunction;
    /** The catalog's schedules with the deployment's settings (schedulesFor). */
    schedules: readonly Schedule[];
  },
) {
  const deadLetters = new sqs.Queue(scope, 'ScheduleDeadLetters', {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  acknowledge(
    deadLetters,
    'AwsSolutions-SQS3',
    'this queue is the dead-letter queue of the scheduled runs; its depth is alarmed',
  );
  // One role for every schedule; each LambdaInvoke target adds lambda:InvokeFunction for its own function.
  const role = new iam.Role(scope, 'SchedulerRole', {
    description: 'Assumed by EventBridge Scheduler to run the scheduled functions',
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': props.account } },
    }),
  });
  for (const schedule of props.schedules) {
    const target = props.fn(schedule.function);
    target.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(deadLetters) });
    const targetId = Stack.of(scope).getLogicalId(target.node.defaultChild as CfnElement);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::<${targetId}.Arn>:*]`,
      `lambda:InvokeFunction on ${schedule.function} and its versions (ARN:*), granted by the scheduler target; no other function`,
    );
    new scheduler.Schedule(scope, `${pascal(schedule.function)}Schedule`, {
      description: `Runs ${schedule.function}`,
      schedule: scheduler.ScheduleExpression.expression(
        toScheduleExpression(schedule),
        TimeZone.of(props.timeZone),
      ),
      timeWindow: scheduler.TimeWindow.off(),
      target: new LambdaInvoke(target, {
        role,
        input: scheduler.ScheduleTargetInput.fromObject({
          schedule: schedule.function,
          scheduledTime: scheduler.ContextAttribute.scheduledTime,
        }),
        retryAttempts: 2,
        deadLetterQueue: deadLetters,
      }),
    });
  }
  return { role, deadLetters };
}
