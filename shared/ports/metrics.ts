/**
 * Business metrics: counts CloudWatch graphs and alarms on. Every distinct metric name and dimension
 * value is a separate CloudWatch metric with its own monthly price, so dimensions are a few fixed codes
 * (the door a case came through), never personal data or free text.
 */
import type { Door } from '../domain/case.js';

/** The metrics and what each counts; the stack's alarms name them from here. */
export const METRICS = {
  /** A new case was registered (by door; a retried submission is not counted again). */
  casesCreated: 'CasesCreated',
  /** A run of the sheet sync finished. */
  syncRuns: 'SyncRuns',
  /** A run of the sheet sync failed (alarmed). */
  syncFailures: 'SyncFailures',
  /** A manager's edit in the sheet was refused (an illegal move, a conflict, a bad value). */
  editsRefused: 'EditsRefused',
  /** An escalation or deadline warning email went out. */
  escalationsSent: 'EscalationsSent',
  /** An email went out through SES. */
  emailsSent: 'EmailsSent',
  /** SES refused or failed an email (alarmed); send-once retries it on the next run. */
  sendFailures: 'SendFailures',
} as const;
export type MetricName = (typeof METRICS)[keyof typeof METRICS];

/** The one dimension besides the service: which door, for cases created. */
export interface MetricDimensions {
  door?: Door;
}

export interface Metrics {
  /** Counts `value` (default 1) occurrences now. */
  count(metric: MetricName, dimensions?: MetricDimensions, value?: number): void;
}
