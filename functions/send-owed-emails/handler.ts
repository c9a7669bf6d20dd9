/**
 * Scheduled every 5 minutes: the outbox's drain. Sends the acknowledgments and critical alerts that new
 * cases still owe because SES failed (or the function died) when the case was saved, each email once.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { wireCore } from '../../shared/wiring/core.js';
import { wireMail } from '../../shared/wiring/mail.js';
import { wireSendOwedEmails } from '../../shared/wiring/owed-emails.js';
import { budgetOf } from '../budget.js';
import { functionSpec } from '../catalog.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const spec = functionSpec('send-owed-emails');
const core = await wireCore(spec.name);
const sendOwedEmails = wireSendOwedEmails(core, wireMail(core, spec));

export async function lambdaHandler(event: ScheduledEvent, context: Context) {
  return sendOwedEmails(runTime(event, core.clock.now()), budgetOf(context));
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
