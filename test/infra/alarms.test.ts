/** What is watched: every function's errors and throttles, the schedules' dead letters, failed syncs and sends. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/catalog.js';
import { METRICS_SERVICE } from '../../shared/adapters/metrics.js';
import { METRICS } from '../../shared/ports/metrics.js';
import { PROPS, type Resource, refsIn, type Synth, synth } from '../support/stack.js';

let sy: Synth;
beforeAll(() => {
  sy = synth('Studio');
}, 120_000);

const alarms = () => Object.values(sy.template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
const alarmNamed = (name: string) => {
  const found = alarms().find((a) => a.Properties.AlarmName === `Studio-${name}`);
  if (!found) throw new Error(`no alarm Studio-${name}`);
  return found.Properties;
};

describe('alarms', () => {
  it('mail every alarm and its recovery to one topic, which only accepts TLS', () => {
    const topicId = sy.logicalId(sy.stack.alarmTopic);
    expect(alarms().length).toBe(FUNCTIONS.length * 2 + 3);
    for (const alarm of alarms()) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
      expect(String(alarm.Properties.AlarmDescription).length).toBeGreaterThan(40);
    }
    sy.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('subscribe the executive managers by default', () => {
    const subscriptions = Object.values(sy.template.findResources('AWS::SNS::Subscription')) as Resource[];
    expect(subscriptions.map((s) => s.Properties.Endpoint).sort()).toEqual(
      [...PROPS.execManagerEmails].sort(),
    );
    for (const s of subscriptions) expect(s.Properties.Protocol).toBe('email');
  });

  it('subscribe the alarm emails instead when given', () => {
    const other = synth('Other', { ...PROPS, alarmEmails: ['it@studio.example'] });
    other.template.resourceCountIs('AWS::SNS::Subscription', 1);
    other.template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'it@studio.example' });
  });

  it.each(FUNCTIONS.map((f) => [f.name] as const))(
    '%s: an error or a throttle in 5 minutes alarms',
    (name) => {
      for (const [kind, metric] of [
        ['errors', 'Errors'],
        ['throttles', 'Throttles'],
      ] as const) {
        const alarm = alarmNamed(`${name}-${kind}`);
        expect(alarm).toMatchObject({
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Statistic: 'Sum',
          Period: 300,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          EvaluationPeriods: 1,
        });
        expect(refsIn(alarm.Dimensions)).toEqual([sy.fnId(name)]);
      }
    },
  );

  it('a message in the schedules’ dead-letter queue alarms', () => {
    const alarm = alarmNamed('schedule-dead-letters');
    expect(alarm).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Threshold: 1,
    });
    expect(refsIn(alarm.Dimensions)).toEqual([sy.logicalId(sy.stack.scheduleDeadLetters)]);
  });

  it('failed syncs (2 of 3 runs) and failed sends alarm on the business metrics the functions emit', () => {
    const metric = { Namespace: 'Studio', Dimensions: [{ Name: 'service', Value: METRICS_SERVICE }] };
    expect(alarmNamed('sheet-sync-failing')).toMatchObject({
      ...metric,
      MetricName: METRICS.syncFailures,
      Statistic: 'Sum',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    });
    expect(alarmNamed('email-send-failures')).toMatchObject({
      ...metric,
      MetricName: METRICS.sendFailures,
      EvaluationPeriods: 1,
    });
    // The functions put their metrics under the namespace the alarms read.
    for (const spec of FUNCTIONS) expect(sy.envOf(spec.name).METRICS_NAMESPACE).toBe('Studio');
  });
});
