/**
 * The escalation sweep (scheduled every 15 minutes; `npm run invoke -- escalate --now …` replays any
 * moment). It reads only the open cases the openByDue index says need a look by now, and for each:
 *
 * 1. plans which step of each late deadline is due (shared/domain/escalation.ts) and records the new ones
 *    on the case first — a versioned update with a `warned`/`escalated` event, so the sheet shows them —
 *    with "look again once this run's claims have run out", in case the run dies before it has sent;
 * 2. re-reads the cases just before sending, and drops any step no longer due (resolved a minute ago);
 * 3. sends each reader one digest and each robot one queue (escalation-delivery.ts: at most once per step
 *    and reader, whatever fires twice or overlaps);
 * 4. writes back which steps went out and when to look next: the next step's time, the next sweep after a
 *    failed send, or after the claims of another run still sending.
 */
import { type Case, type EscalationRecord, isOpen } from '../domain/case.js';
import { unmetDeadlines } from '../domain/deadlines.js';
import { isDomainError } from '../domain/errors.js';
import {
  type EscalationPlan,
  type EscalationPolicy,
  planEscalation,
  settleEscalation,
} from '../domain/escalation.js';
import { addresseesOf, type EscalationRole, STEP_ROLE } from '../domain/escalation-recipients.js';
import { applyEscalation } from '../domain/lifecycle.js';
import { type Roster, rosterFromAddresses } from '../domain/roster.js';
import type { CaseRules } from '../domain/rules.js';
import { customerApology } from '../mail/escalation.js';
import type { EscalationTextContext } from '../mail/escalation-text.js';
import type { MailContext } from '../mail/templates.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Budget, Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { METRICS, type Metrics } from '../ports/metrics.js';
import type { Robot } from '../ports/robot.js';
import type { RosterStore } from '../ports/roster-store.js';
import type { SheetLocator } from '../ports/sheet-locator.js';
import { type DeliveryDeps, deliver, emptyOutbox, type Outbox, type Outcome } from './escalation-delivery.js';

export interface EscalateDeps {
  cases: CaseRepository;
  roster: RosterStore;
  sheet: SheetLocator;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  rules: CaseRules;
  delivery: Omit<DeliveryDeps, 'robots'>;
  /** The group-chat robots by role, as configured now (read from their secret). */
  robots: () => Promise<ReadonlyMap<EscalationRole, Robot>>;
  /** The environment's address lists: the roster before the first sheet sync, and the last resort. */
  fallback: { execManagers: readonly string[]; supervisors: readonly string[] };
  settings: {
    policy: EscalationPolicy;
    customerApology: boolean;
    /** Where people open the spreadsheet (https://docs.google.com, or the local stand-in). */
    sheetsWebUrl: string;
  };
  /** How customer emails are written (their case's status link): for the apology. */
  customerMail: MailContext;
}

export interface EscalateReport {
  at: string;
  looked: number;
  warned: number;
  escalated: number;
  skipped: number;
  conflicts: number;
  emails: number;
  robotMessages: number;
  apologies: number;
  failed: number;
  held: number;
  incomplete: boolean;
}

/**
 * The sweep's only read: the open cases the openByDue index says need a look by `now` (a step due, a
 * retry, or a change since the last plan), every page, while there is time.
 */
export async function listDue(
  cases: Pick<CaseRepository, 'listOpenByDue'>,
  now: Date,
  hasTime: () => boolean = () => true,
): Promise<{ due: Case[]; complete: boolean }> {
  const due: Case[] = [];
  let cursor: string | undefined;
  do {
    if (!hasTime()) return { due, complete: false };
    // '~' sorts after the case number that follows the instant in the key: keys at `now` are in.
    const page = await cases.listOpenByDue({
      dueBefore: `${now.toISOString()}#~`,
      ...(cursor ? { cursor } : {}),
    });
    due.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return { due, complete: true };
}

const stepId = (caseNo: string, r: EscalationRecord) => `esc#${caseNo}#${r.deadline}#${r.dueAt}#${r.step}`;
const sameStep = (a: EscalationRecord, b: EscalationRecord) =>
  a.deadline === b.deadline && a.dueAt === b.dueAt && a.step === b.step;

export function makeEscalate(deps: EscalateDeps) {
  const { cases, rules, settings, logger } = deps;
  const calendar = rules.calendar;
  const leaseMs = deps.delivery.leaseSeconds * 1000;

  async function rosterAt(now: Date): Promise<Roster> {
    const env = rosterFromAddresses(deps.fallback, now);
    const stored = await deps.roster.get();
    if (!stored) return env;
    // A Staff tab without an executive manager still leaves someone at the top of the chain.
    if (stored.members.some((m) => m.roles.includes('executive_manager'))) return stored;
    return {
      ...stored,
      members: [...stored.members, ...env.members.filter((m) => m.roles.includes('executive_manager'))],
    };
  }

  /** The steps to deliver for a case as it is now: open, the step still on record and its deadline unmet. */
  function stillDue(c: Case | undefined, records: readonly EscalationRecord[]): EscalationRecord[] {
    if (!c || !isOpen(c)) return [];
    const unmet = unmetDeadlines(c);
    return records.filter(
      (r) =>
        unmet.some((d) => d.kind === r.deadline && d.dueAt === r.dueAt) &&
        (c.escalation.steps ?? []).some((s) => sameStep(s, r) && !s.skipped),
    );
  }

  function address(outbox: Outbox, c: Case, records: readonly EscalationRecord[], roster: Roster, now: Date) {
    const day = calendar.localDate(now);
    for (const record of records) {
      const step = stepId(c.caseNo, record);
      const addressees = addresseesOf(c, record.deadline, record.step, roster, day);
      for (const to of addressees) {
        const email = to.member.email?.toLowerCase();
        if (!email) continue;
        const group = outbox.emails.get(email) ?? {
          to: { ...to, member: { ...to.member, email } },
          sends: [],
        };
        group.sends.push({ case: c, record, as: to.as, key: `${step}#mail:${email}`, step });
        outbox.emails.set(email, group);
      }
      const role = STEP_ROLE[record.step];
      const robot = outbox.robots.get(role) ?? { mentions: new Set<string>(), sends: [] };
      const as = role === 'handler' ? 'owner' : role === 'store_supervisor' ? 'supervisor' : 'executive';
      robot.sends.push({ case: c, record, as, key: `${step}#robot:${role}`, step });
      for (const to of addressees) if (to.member.chatId) robot.mentions.add(to.member.chatId);
      outbox.robots.set(role, robot);
      const apology =
        settings.customerApology && record.deadline === 'reply' && record.step !== 'warn'
          ? customerApology(c, deps.customerMail)
          : undefined;
      if (apology) {
        outbox.apologies.push({
          send: { case: c, record, as: 'owner', key: `apology#${c.caseNo}#${record.dueAt}`, step },
          message: apology,
        });
      }
    }
  }

  /** When to look next, from the plan and how its messages went. */
  function nextLook(plan: EscalationPlan, outcomes: Outcome[], now: Date): string {
    if (outcomes.includes('failed')) return now.toISOString();
    if (outcomes.includes('held')) {
      const after = now.getTime() + leaseMs;
      return plan.next === 'never' || Date.parse(plan.next) > after
        ? new Date(after).toISOString()
        : plan.next;
    }
    return plan.next;
  }

  return async function escalate(now: Date, budget: Budget): Promise<EscalateReport> {
    const hasTime = () => budget.remainingMs() > deps.delivery.pacing.reserveMs;
    const report: EscalateReport = {
      at: now.toISOString(),
      looked: 0,
      warned: 0,
      escalated: 0,
      skipped: 0,
      conflicts: 0,
      emails: 0,
      robotMessages: 0,
      apologies: 0,
      failed: 0,
      held: 0,
      incomplete: false,
    };
    const { due, complete } = await listDue(cases, now, hasTime);
    report.looked = due.length;
    report.incomplete = !complete;

    // 1. Record the new steps on the cases, before anything is sent.
    const work: { c: Case; plan: EscalationPlan }[] = [];
    for (const c of due) {
      if (!hasTime()) {
        report.incomplete = true;
        break;
      }
      const plan = planEscalation(c, now, settings.policy, calendar);
      if (!plan.take.length && !plan.skip.length) {
        work.push({ c, plan });
        continue;
      }
      const { next, event } = applyEscalation(c, plan, now, new Date(now.getTime() + leaseMs).toISOString());
      try {
        await cases.update(next, c.version, event);
      } catch (e) {
        if (!isDomainError(e) || e.kind !== 'conflict') throw e;
        // Changed meanwhile (or another sweep recorded it): the next sweep plans it afresh.
        report.conflicts += 1;
        continue;
      }
      report[event.action === 'warned' ? 'warned' : 'escalated'] += plan.take.length;
      report.skipped += plan.skip.length;
      work.push({ c: next, plan });
    }

    // 2. Just before sending: the cases as they are now.
    const fresh = new Map<string, Case | undefined>();
    await Promise.all(
      work
        .filter((w) => w.plan.deliver.length)
        .map(async (w) => fresh.set(w.c.caseNo, await cases.get(w.c.caseNo))),
    );
    const outbox = emptyOutbox();
    if (fresh.size) {
      const roster = await rosterAt(now);
      for (const w of work) {
        const f = fresh.get(w.c.caseNo);
        if (f) address(outbox, f, stillDue(f, w.plan.deliver), roster, now);
      }
    }

    // 3. Send: a digest per reader, a queue per robot, each step once.
    const location = fresh.size ? await deps.sheet.locate() : undefined;
    const text: EscalationTextContext = {
      lists: rules.lists,
      timeZone: calendar.settings.timeZone,
      now,
      ...(location
        ? {
            casesTabUrl: `${settings.sheetsWebUrl}/spreadsheets/d/${location.spreadsheetId}/edit#gid=${location.casesSheetId ?? 0}`,
          }
        : {}),
    };
    const robots = outbox.robots.size ? await deps.robots() : new Map();
    const delivered = await deliver(outbox, text, { ...deps.delivery, robots }, budget);
    report.emails = delivered.emails;
    report.robotMessages = delivered.robotMessages;
    report.apologies = delivered.apologies;
    const messages = delivered.emails + delivered.robotMessages;
    if (messages) deps.metrics.count(METRICS.escalationsSent, {}, messages);

    // 4. What went out, and when to look again.
    for (const { c, plan } of work) {
      const f = fresh.get(c.caseNo) ?? c;
      // Changed since it was planned: that change already asks the next sweep to look.
      if (f.version !== c.version || !isOpen(f)) continue;
      const outcomes = plan.deliver.flatMap((r) => delivered.outcomes.get(stepId(c.caseNo, r)) ?? []);
      report.failed += outcomes.filter((o) => o === 'failed').length;
      report.held += outcomes.filter((o) => o === 'held').length;
      const sent = plan.deliver.filter((r) =>
        (delivered.outcomes.get(stepId(c.caseNo, r)) ?? []).every((o) => o === 'sent'),
      );
      const next = nextLook(plan, outcomes, now);
      if (!sent.length && next === f.escalation.next) continue;
      await cases.setEscalation(c.caseNo, f.version, settleEscalation(f.escalation, sent, next));
    }
    logger.info('escalation sweep', { ...report });
    return report;
  };
}
export type Escalate = ReturnType<typeof makeEscalate>;
