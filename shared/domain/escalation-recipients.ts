/**
 * Whom each escalation step reaches, from the roster (the managers' Staff tab): the owner is warned, the
 * store supervisors are told at the breach, the executive managers after it. Someone absent is replaced by
 * their stand-in ("主管不在时向其他负责人报告"), and the message says so; a step nobody can take goes one
 * level up (no reachable owner: the supervisors; no supervisor: the executive managers).
 */
import type { LocalDate } from './calendar.js';
import type { Case, DeadlineKind, EscalationStep } from './case.js';
import { findMember, holdersOf, presentFor, type Recipient, type Role, type Roster } from './roster.js';

/** The role a step is addressed to: also the group-chat robot that carries it. */
export type EscalationRole = Extract<Role, 'handler' | 'store_supervisor' | 'executive_manager'>;
export const ESCALATION_ROLES: readonly EscalationRole[] = [
  'handler',
  'store_supervisor',
  'executive_manager',
];

export const STEP_ROLE: Record<EscalationStep, EscalationRole> = {
  warn: 'handler',
  supervisor: 'store_supervisor',
  executive: 'executive_manager',
};

/** A person a step goes to, and in which capacity (the message tells an owner and a manager different things). */
export interface Addressee extends Recipient {
  as: 'owner' | 'supervisor' | 'executive';
}

const key = (r: Recipient) => r.member.name.normalize('NFKC').trim().toLowerCase();

/** The case's owner (or their stand-in) when the roster knows them and can email them. */
export function reachableOwner(c: Case, roster: Roster, day: LocalDate): Recipient | undefined {
  const member = findMember(roster, c.owner);
  const present = member && presentFor(roster, member, day);
  return present?.member.email ? present : undefined;
}

export function addresseesOf(
  c: Case,
  deadline: DeadlineKind,
  step: EscalationStep,
  roster: Roster,
  day: LocalDate,
): Addressee[] {
  const as = (capacity: Addressee['as']) => (r: Recipient) => ({ ...r, as: capacity });
  const executives = holdersOf(roster, 'executive_manager', day).map(as('executive'));
  const supervisors = holdersOf(roster, 'store_supervisor', day).map(as('supervisor'));
  const managers = supervisors.length ? supervisors : executives;
  const owner = reachableOwner(c, roster, day);
  let out: Addressee[];
  if (step === 'warn') out = owner ? [as('owner')(owner)] : managers;
  else if (step === 'supervisor') {
    // A missed promised reply: the owner calls the customer and apologises again (the procedure asks it).
    out = [...(deadline === 'reply' && owner ? [as('owner')(owner)] : []), ...managers];
  } else out = executives;
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(key(r)) && !!seen.add(key(r)));
}
