/**
 * cdk-nag's AwsSolutions rules over the whole app, run at every synth (`npm run synth`, `cdk deploy`, and
 * the stack tests in `npm test`): a finding nobody acknowledged fails the synth. Each acknowledgement sits
 * next to the resource it is about, with the reason it is right for this app.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export function addChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/** Accepts one cdk-nag finding (e.g. 'AwsSolutions-IAM5[Resource::*]') on a construct and everything in it. */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: rule, reason });
}
