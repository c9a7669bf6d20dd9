/**
 * cdk-nag's AwsSolutions rules: every stack the tests build runs them (test/support/stack.ts), like
 * `cdk synth` does. This file shows the checks are really on, and lists every acknowledged finding with
 * its reason, so a new acknowledgement is a visible change to this list.
 */
import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplaintStack } from '../../infra/stack.js';
import { newApp, PROPS } from '../support/stack.js';

let stack: ComplaintStack;
beforeAll(() => {
  stack = new ComplaintStack(newApp(), 'Nagged', PROPS);
  Template.fromStack(stack);
}, 120_000);

/** Every acknowledgement in the stack: construct path (without the stack), rule, reason. */
function acknowledgements() {
  const found: { path: string; rule: string; reason: string }[] = [];
  for (const construct of stack.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [rule, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({
          path: construct.node.path.replace(/^Nagged\//, ''),
          rule: rule.replace(/^Annotation::/i, ''),
          reason,
        });
      }
    }
  }
  return found;
}

describe('cdk-nag AwsSolutions', () => {
  it('passes over the whole stack with no unacknowledged finding', () => {
    // beforeAll synthesised it with the checks on; a finding would have thrown there.
    expect(stack.node.findAll().length).toBeGreaterThan(50);
  });

  it('is really on: a resource that breaks a rule fails the synth', () => {
    const bad = new ComplaintStack(newApp(), 'Bad', PROPS);
    new sqs.Queue(bad, 'Unencrypted', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => Template.fromStack(bad)).toThrow(/SQS Queue does not have server-side encryption/);
  });

  it('acknowledges only these findings, each with its reason beside the resource', () => {
    const found = acknowledgements();
    for (const a of found) expect(a.reason.length, `${a.path} ${a.rule}`).toBeGreaterThan(40);
    const byRule = [
      ...new Set(found.map((a) => `${a.rule.replace(/<[A-Za-z0-9]+\.Arn>/, '<fn>')} @ ${a.path}`)),
    ];
    expect(byRule.sort()).toEqual(
      [
        'AwsSolutions-APIG4 @ Api',
        'AwsSolutions-IAM5[Resource::*] @ CaseFileRole',
        'AwsSolutions-IAM5[Resource::*] @ DailySummaryRole',
        'AwsSolutions-IAM5[Resource::*] @ EscalateRole',
        'AwsSolutions-IAM5[Resource::*] @ LookupStatusRole',
        'AwsSolutions-IAM5[Resource::*] @ MonthlyReportRole',
        'AwsSolutions-IAM5[Resource::*] @ PagesRole',
        'AwsSolutions-IAM5[Resource::*] @ SheetHookRole',
        'AwsSolutions-IAM5[Resource::*] @ SubmitComplaintRole',
        'AwsSolutions-IAM5[Resource::*] @ SyncSheetRole',
        'AwsSolutions-IAM5[Resource::<fn>:*] @ SchedulerRole',
        'AwsSolutions-SMG4 @ AppSecret',
        'AwsSolutions-SMG4 @ GoogleCredentials',
        'AwsSolutions-SMG4 @ SheetHookSecret',
        'AwsSolutions-SMG4 @ StaffAccessCode',
        'AwsSolutions-SNS2 @ Alarms',
        'AwsSolutions-SQS3 @ ScheduleDeadLetters',
      ].sort(),
    );
  });
});
