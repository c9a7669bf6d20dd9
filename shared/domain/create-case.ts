/** Registering a complaint (接收与登记): a case exists from the first contact. */

import { diffForAudit } from './audit.js';
import type { Actor, AuditEvent, Case } from './case.js';
import {
  computeDeadlines,
  defaultPromisedReply,
  nextDue,
  recomputeEscalation,
  unmetDeadlines,
} from './deadlines.js';
import { validationError } from './errors.js';
import type { CaseRules } from './rules.js';
import type { Submission } from './submission.js';
import { CRITICAL_CATEGORIES } from './values.js';

export interface NewCaseContext {
  caseNo: string;
  actor: Actor;
  now: Date;
  rules: CaseRules;
  /** The latest earlier cases of the same complainant, oldest first (only the last few are kept). */
  earlierCases: string[];
  /** How many earlier cases there are in all; `earlierCases.length` when not given. */
  earlierCount?: number;
  /** The submission's local times ("YYYY-MM-DDTHH:MM") resolved to ISO instants by the caller. */
  receivedAt: string;
  promisedReplyAt?: string;
}

/** Privacy leaks and safety are critical whatever staff picked; a returning complainant is at least high. */
function effectiveSeverity(submitted: string, category: string, repeat: boolean): string {
  if (CRITICAL_CATEGORIES.includes(category)) return 'critical';
  if (repeat && submitted === 'normal') return 'high';
  return submitted;
}

/** A case names this many earlier cases of its complainant, and counts the rest: its size stays bounded. */
export const RELATED_CASES_KEPT = 5;

export function createCase(s: Submission, ctx: NewCaseContext): { case: Case; event: AuditEvent } {
  const now = ctx.now.toISOString();
  if (ctx.receivedAt > now) {
    throw validationError('The received time is in the future', [
      { field: 'receivedAt', code: 'future_date', message: 'future_date' },
    ]);
  }
  const related = ctx.earlierCases.slice(-RELATED_CASES_KEPT);
  const relatedCount = Math.max(ctx.earlierCount ?? 0, ctx.earlierCases.length);
  const repeat = relatedCount > 0;
  const daysBefore = (iso: string, days: number) =>
    new Date(Date.parse(iso) - days * 86_400_000).toISOString();
  if (ctx.receivedAt < daysBefore(now, ctx.rules.policy.maxReceivedAgeDays)) {
    throw validationError('The received time is implausibly long ago', [
      { field: 'receivedAt', code: 'too_old', message: 'too_old' },
    ]);
  }
  const severity = effectiveSeverity(s.severity ?? 'normal', s.category, repeat);
  const promisedReplyAt =
    ctx.promisedReplyAt ?? defaultPromisedReply(s.channel ?? 'web_form', ctx.receivedAt, ctx.rules.policy);
  if (promisedReplyAt && promisedReplyAt < ctx.receivedAt) {
    throw validationError('The promised reply time is before the complaint was received', [
      { field: 'promisedReplyAt', code: 'before_received', message: 'before_received' },
    ]);
  }
  if (promisedReplyAt && promisedReplyAt > daysBefore(ctx.receivedAt, -ctx.rules.policy.maxPromiseDays)) {
    throw validationError('The promised reply time is implausibly far ahead', [
      { field: 'promisedReplyAt', code: 'too_far', message: 'too_far' },
    ]);
  }

  const c: Case = {
    caseNo: ctx.caseNo,
    version: 1,
    status: 'received',
    source: ctx.actor.door,
    language: s.language,
    complainant: {
      name: s.name,
      ...(s.phone ? { phone: s.phone } : {}),
      ...(s.email ? { email: s.email } : {}),
      ...(s.wechat ? { wechat: s.wechat } : {}),
    },
    receivedAt: ctx.receivedAt,
    receivedDay: ctx.rules.calendar.localDate(new Date(ctx.receivedAt)),
    ...(s.receivedBy ? { receivedBy: s.receivedBy } : {}),
    ...(s.location ? { location: s.location } : {}),
    channel: s.channel ?? 'web_form',
    ...(s.stage ? { stage: s.stage } : {}),
    category: s.category,
    severity,
    description: s.description,
    requests: s.requests,
    ...(s.requestDetail ? { requestDetail: s.requestDetail } : {}),
    staffInvolved: s.staffInvolved,
    ...(promisedReplyAt ? { promisedReplyAt } : {}),
    relatedCases: related,
    relatedCount,
    repeat,
    reopenCount: 0,
    deadlines: [],
    escalation: { level: 0 },
    createdAt: now,
    updatedAt: now,
  };
  c.deadlines = computeDeadlines(c, ctx.rules.policy, ctx.rules.calendar);
  const due = nextDue(c.deadlines);
  if (due) c.nextDue = due;
  c.escalation = recomputeEscalation(undefined, unmetDeadlines(c), c.severity);

  const event: AuditEvent = {
    caseNo: c.caseNo,
    at: now,
    seq: 1,
    actor: ctx.actor,
    action: 'created',
    to: 'received',
    changes: diffForAudit({}, c).filter((ch) => ch.field !== 'createdAt'),
    ...(repeat
      ? { note: `repeat complainant: ${relatedCount} earlier case(s), latest ${related.join(', ')}` }
      : {}),
  };
  return { case: c, event };
}
