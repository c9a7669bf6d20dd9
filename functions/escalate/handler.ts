/**
 * Scheduled every 15 minutes: the escalation sweep. Warns owners before their deadlines, tells the store
 * supervisor at a breach and the executive manager after it (critical cases: at once), by email and the
 * configured group-chat robots, each step once, non-critical ones in opening hours only.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { wireCore } from '../../shared/wiring/core.js';
import { wireEscalation } from '../../shared/wiring/escalation.js';
import { budgetOf } from '../budget.js';
import { functionSpec } from '../catalog.js';
import { runTime, type ScheduledEvent } from '../scheduled.js';

const spec = functionSpec('escalate');
const core = await wireCore(spec.name);
const { escalate } = wireEscalation(core, spec);

export async function lambdaHandler(event: ScheduledEvent, context: Context) {
  return escalate(runTime(event, core.clock.now()), budgetOf(context));
}

export const handler = middy(lambdaHandler).use(core.logger.lambdaContext);
