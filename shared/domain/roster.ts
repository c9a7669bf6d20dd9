/**
 * Who is who (the managers' Staff tab): the roles the procedure reports to, each person's contact for
 * alerts, and absences with a stand-in ("主管不在时向其他负责人报告"). Pure: the sheet sync parses the tab
 * into a Roster and stores it; escalation and reports ask it whom to tell. Environment settings are the
 * fallback while the tab is empty.
 */
import type { LocalDate } from './calendar.js';
import type { Lang } from './values.js';

export const ROLES = [
  'handler',
  'base_dispatcher',
  'store_supervisor',
  'department_head',
  'online_supervisor',
  'executive_manager',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Record<Lang, string>> = {
  handler: { 'zh-CN': '处理人', en: 'Handler' },
  base_dispatcher: { 'zh-CN': '基地调度长', en: 'Base dispatcher' },
  store_supervisor: { 'zh-CN': '门店主管', en: 'Store supervisor' },
  department_head: { 'zh-CN': '部门主管', en: 'Department head' },
  online_supervisor: { 'zh-CN': '网络主管', en: 'Online supervisor' },
  executive_manager: { 'zh-CN': '执行经理', en: 'Executive manager' },
};

export interface StaffMember {
  /** As managers write it in the owner column; unique in a roster (case-insensitive). */
  name: string;
  roles: Role[];
  email?: string;
  /** An id for the group-chat robot's @-mention (WeCom/DingTalk/Feishu user id or mobile). */
  chatId?: string;
  department?: string;
  /** Absent on the business days from..until, both inclusive; either end may be open. */
  absentFrom?: LocalDate;
  absentUntil?: LocalDate;
  /** The name of the member who takes this member's messages while absent. */
  standIn?: string;
}

export interface Roster {
  members: StaffMember[];
  /** 'sheet' when it came from the Staff tab; 'environment' when built from the fallback settings. */
  source: 'sheet' | 'environment';
  /** When it was read (ISO). */
  updatedAt: string;
}

/** A person to tell, and, when they stand in for someone absent, whom they replace (messages say so). */
export interface Recipient {
  member: StaffMember;
  standingInFor?: StaffMember;
}

const key = (name: string) => name.normalize('NFKC').trim().toLowerCase();

export function findMember(roster: Roster, name: string | undefined): StaffMember | undefined {
  if (!name) return undefined;
  const k = key(name);
  return roster.members.find((m) => key(m.name) === k);
}

export function isAbsent(member: StaffMember, day: LocalDate): boolean {
  if (!member.absentFrom && !member.absentUntil) return false;
  return (
    (!member.absentFrom || member.absentFrom <= day) && (!member.absentUntil || day <= member.absentUntil)
  );
}

/**
 * Who takes `member`'s messages on `day`: the member when present, else the first present stand-in along
 * the chain (a loop or a dead end gives undefined, so the caller falls back up the chain of command).
 */
export function presentFor(roster: Roster, member: StaffMember, day: LocalDate): Recipient | undefined {
  const seen = new Set<string>();
  let current: StaffMember | undefined = member;
  while (current && !seen.has(key(current.name))) {
    if (!isAbsent(current, day)) {
      return current === member ? { member } : { member: current, standingInFor: member };
    }
    seen.add(key(current.name));
    current = findMember(roster, current.standIn);
  }
  return undefined;
}

/** Everyone holding `role`, each replaced by their stand-in while absent; duplicates removed. */
export function holdersOf(roster: Roster, role: Role, day: LocalDate): Recipient[] {
  const out: Recipient[] = [];
  for (const m of roster.members.filter((x) => x.roles.includes(role))) {
    const r = presentFor(roster, m, day);
    if (r && !out.some((o) => key(o.member.name) === key(r.member.name))) out.push(r);
  }
  return out;
}

/** The fallback roster from the environment's address lists (no names, no absences). */
export function rosterFromAddresses(
  lists: { execManagers: readonly string[]; supervisors: readonly string[] },
  now: Date,
): Roster {
  const member = (email: string, role: Role): StaffMember => ({ name: email, roles: [role], email });
  return {
    members: [
      ...lists.supervisors.map((e) => member(e, 'store_supervisor')),
      ...lists.execManagers.map((e) => member(e, 'executive_manager')),
    ],
    source: 'environment',
    updatedAt: now.toISOString(),
  };
}
