/**
 * The Staff tab: who is who, kept by the managers themselves. Each row is a member (name, roles, email,
 * chat id, department, absence, stand-in); the sync reads it into a Roster for the owner dropdown and
 * for escalation. A row it cannot use is skipped, and its note says why.
 */
import { EMAIL_PATTERN } from '../domain/fields.js';
import { ROLE_LABELS, ROLES, type Role, type Roster, type StaffMember } from '../domain/roster.js';
import { bilingual, codeFromLabel } from '../domain/values.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { cellText, isBlank, splitList } from './cells.js';
import { readDateCell } from './dates.js';
import { PROBLEM } from './notes.js';
import type { TabSpec } from './tab-spec.js';

export const STAFF_TAB = 'Staff';

const ROLE_OPTIONS = ROLES.map((code) => ({ code, label: ROLE_LABELS[code] }));

export const STAFF_COLUMNS = [
  { key: 'name', header: '姓名 Name', width: 110 },
  { key: 'roles', header: '角色 Roles', width: 220 },
  { key: 'email', header: '邮箱 Email', width: 200 },
  { key: 'chatId', header: '聊天机器人ID Chat id', width: 140 },
  { key: 'department', header: '部门 Department', width: 120 },
  { key: 'absentFrom', header: '缺勤开始 Absent from', width: 120 },
  { key: 'absentUntil', header: '缺勤结束 Absent until', width: 120 },
  { key: 'standIn', header: '代理人 Stand-in', width: 110 },
  { key: 'note', header: '同步说明 Sync note', width: 300 },
] as const;
type StaffKey = (typeof STAFF_COLUMNS)[number]['key'];

export function staffTab(): TabSpec {
  return {
    title: STAFF_TAB,
    columns: STAFF_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      format: c.key === 'absentFrom' || c.key === 'absentUntil' ? ('date' as const) : ('text' as const),
      ...(c.key === 'standIn' ? { dropdown: { range: "'Staff'!$A$2:$A" } } : {}),
      ...(c.key === 'note' ? { system: true } : {}),
    })),
    frozenRows: 1,
    initialRows: 200,
    growBy: 200,
  };
}

/** Where each Staff column is, by header (from the sync's column search). */
export type StaffPositions = Record<StaffKey, number>;

const roleHint = `角色可填 roles: ${ROLES.map((r) => bilingual(ROLE_LABELS[r])).join(', ')}`;

/**
 * The roster the tab describes, and a note per data row (index 0 is sheet row 2): '' when the row is
 * fine. Members without roles are handlers; unknown roles, bad emails and dates are left out and noted.
 */
export function readStaff(
  rows: readonly (readonly CellValue[])[],
  at: StaffPositions,
  now: Date,
): { roster: Roster; notes: string[] } {
  const members: StaffMember[] = [];
  const notes: string[] = rows.map(() => '');
  const seen = new Map<string, number>();
  const cell = (row: readonly CellValue[], key: StaffKey) => cellText(row[at[key]] ?? null).trim();
  rows.forEach((row, i) => {
    const used = STAFF_COLUMNS.some((c) => c.key !== 'note' && !isBlank(row[at[c.key]] ?? null));
    if (!used) return;
    const name = cell(row, 'name');
    if (!name) {
      notes[i] = `${PROBLEM} 缺少姓名，此行未使用 No name: this row is not used`;
      return;
    }
    const key = name.normalize('NFKC').toLowerCase();
    if (seen.has(key)) {
      notes[i] =
        `${PROBLEM} 姓名重复（第 ${seen.get(key)} 行），此行未使用 Name already on row ${seen.get(key)}: this row is not used`;
      return;
    }
    seen.set(key, i + 2);
    const problems: string[] = [];
    const roles: Role[] = [];
    for (const r of splitList(row[at.roles] ?? null)) {
      const code = codeFromLabel(ROLE_OPTIONS, r);
      if (code) roles.push(code as Role);
      else problems.push(`未知角色 unknown role "${r}" (${roleHint})`);
    }
    const member: StaffMember = { name, roles: roles.length ? [...new Set(roles)] : ['handler'] };
    const email = cell(row, 'email');
    if (email && EMAIL_PATTERN.test(email)) member.email = email;
    else if (email) problems.push('邮箱无效 invalid email');
    for (const k of ['chatId', 'department', 'standIn'] as const) if (cell(row, k)) member[k] = cell(row, k);
    for (const k of ['absentFrom', 'absentUntil'] as const) {
      const d = readDateCell(row[at[k]] ?? null);
      if (d === 'invalid') problems.push('日期无法识别 not a date (2026-11-24)');
      else if (d) member[k] = d;
    }
    members.push(member);
    if (problems.length) notes[i] = `${PROBLEM} ${problems.join('; ')}`;
  });
  members.forEach((m) => {
    if (m.standIn && !members.some((o) => o.name.toLowerCase() === m.standIn?.toLowerCase())) {
      const row = seen.get(m.name.normalize('NFKC').toLowerCase()) ?? 0;
      const prefix = notes[row - 2] ? `${notes[row - 2]}; ` : `${PROBLEM} `;
      notes[row - 2] = `${prefix}代理人不在名单中 stand-in "${m.standIn}" is not on this tab`;
    }
  });
  return { roster: { members, source: 'sheet', updatedAt: now.toISOString() }, notes };
}
