/**
 * Builders for unit tests: rules on a real business calendar (Asia/Shanghai, Mon–Fri 09:00–18:00, with the
 * official PRC holidays), a valid submission, and new cases made through `createCase` at explicit times.
 */
import { loadOfficialHolidays } from '../../shared/adapters/official-holidays.js';
import {
  type BusinessCalendar,
  type CalendarSettings,
  createBusinessCalendar,
  DEFAULT_CALENDAR_SETTINGS,
} from '../../shared/domain/calendar.js';
import type { Actor, AuditEvent, Case } from '../../shared/domain/case.js';
import { createCase } from '../../shared/domain/create-case.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../shared/domain/deadlines.js';
import { DomainError } from '../../shared/domain/errors.js';
import type { CaseRules } from '../../shared/domain/rules.js';
import { parseSubmission, type Submission } from '../../shared/domain/submission.js';
import { DEFAULT_VALUE_LISTS, type ValueLists } from '../../shared/domain/values.js';
import type { Logger } from '../../shared/ports/logger.js';
import type { RowContext } from '../../shared/sheet/case-row.js';
import { zoneOf } from '../../shared/sheet/dates.js';

const HOUR = 3_600_000;

/** A logger for use cases whose logs a test does not read. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Friday 2026-11-20 10:00 in Shanghai. */
export const RECEIVED_AT = '2026-11-20T02:00:00.000Z';

export const staff: Actor = { id: '王店长', door: 'sheet' };
export const manager: Actor = { id: 'exec@studio.example', door: 'api' };

export const hoursAfter = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR).toISOString();
export const at = (iso: string): Date => new Date(iso);

export function calendar(
  overrides: Partial<CalendarSettings> = {},
  { official = true }: { official?: boolean } = {},
): BusinessCalendar {
  return createBusinessCalendar({
    ...DEFAULT_CALENDAR_SETTINGS,
    ...(official ? { official: loadOfficialHolidays() } : {}),
    ...overrides,
  });
}

export function rules(
  overrides: { policy?: Partial<SlaPolicy>; calendar?: BusinessCalendar; lists?: ValueLists } = {},
): CaseRules {
  return {
    lists: overrides.lists ?? DEFAULT_VALUE_LISTS,
    policy: { ...DEFAULT_SLA_POLICY, ...overrides.policy },
    calendar: overrides.calendar ?? calendar(),
  };
}

/** What the web form posts for a minimal valid complaint, before parsing. */
export function submissionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '张三',
    phone: '13800138000',
    description: '婚纱照精修片有三张脸部变形，要求重新修片。',
    category: 'quality',
    ...overrides,
  };
}

export function validSubmission(overrides: Record<string, unknown> = {}): Submission {
  return parseSubmission(DEFAULT_VALUE_LISTS, submissionInput(overrides));
}

export interface NewCaseOptions {
  /** Raw submission fields merged over `submissionInput()`. */
  submission?: Record<string, unknown>;
  caseNo?: string;
  actor?: Actor;
  receivedAt?: string;
  /** Defaults to `receivedAt`. */
  now?: string;
  promisedReplyAt?: string;
  earlierCases?: string[];
  rules?: CaseRules;
}

export function newCaseWithEvent(o: NewCaseOptions = {}): { case: Case; event: AuditEvent } {
  const receivedAt = o.receivedAt ?? RECEIVED_AT;
  return createCase(validSubmission(o.submission), {
    caseNo: o.caseNo ?? '261120-001',
    actor: o.actor ?? { id: 'submit-complaint', door: 'form' },
    now: new Date(o.now ?? receivedAt),
    rules: o.rules ?? rules(),
    earlierCases: o.earlierCases ?? [],
    receivedAt,
    ...(o.promisedReplyAt ? { promisedReplyAt: o.promisedReplyAt } : {}),
  });
}

export const newCase = (o: NewCaseOptions = {}): Case => newCaseWithEvent(o).case;

/** The domain error `fn` throws; fails the test when it throws nothing or something else. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the change to be refused');
}

/** How the sheet sync reads and shows rows: a Shanghai spreadsheet, the default lists, contacts shown. */
export function rowContext(overrides: Partial<RowContext> = {}): RowContext {
  const r = rules();
  return {
    lists: r.lists,
    zones: { sheet: zoneOf('Asia/Shanghai'), business: r.calendar },
    maskContacts: false,
    dateOnlyTime: '18:00',
    ...overrides,
  };
}
