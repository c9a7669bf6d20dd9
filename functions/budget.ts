import type { Context } from 'aws-lambda';
import type { Budget } from '../shared/ports/clock.js';

/** The time this invocation has left, from Lambda (or the local runtime's equivalent context). */
export const budgetOf = (context: Pick<Context, 'getRemainingTimeInMillis'>): Budget => ({
  remainingMs: () => context.getRemainingTimeInMillis(),
});
