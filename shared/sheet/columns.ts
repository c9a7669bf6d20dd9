/**
 * The Cases tab: one row per case, these columns (bilingual headers, found by header text wherever a
 * manager moves them). `role` says who writes a column: `system` columns only the sync (protected with a
 * warning), `edit` columns managers too; `intake` columns are also what a hand-typed new row is read
 * from. The last column is hidden: the sync's per-row state (see ./row-state.ts).
 */
import { STATUS_LABELS } from '../domain/case.js';
import { bilingual, type ValueListName, type ValueLists } from '../domain/values.js';
import { NO_LABEL, YES_LABEL } from './cells.js';
import type { CellFormat, ColumnSpec, TabSpec } from './tab-spec.js';

export const CASES_TAB = 'Cases';

/** How a column's cell maps to a case field. */
export type CellKind =
  | { type: 'text' }
  | { type: 'choice'; list: ValueListName }
  | { type: 'status' }
  | { type: 'codes'; list: ValueListName }
  | { type: 'names' }
  | { type: 'yesno' }
  | { type: 'datetime' }
  | { type: 'amount' }
  | { type: 'owner' };

export interface CaseColumn {
  key: string;
  header: string;
  width: number;
  kind: CellKind;
  role: 'system' | 'edit';
  /** Read from a hand-typed row that has no case number yet. */
  intake?: boolean;
  hidden?: boolean;
}

const col = <K extends string>(
  key: K,
  header: string,
  width: number,
  kind: CellKind,
  role: CaseColumn['role'],
  more: Partial<CaseColumn> = {},
): CaseColumn & { key: K } => ({ ...more, key, header, width, kind, role });
const text: CellKind = { type: 'text' };
const when: CellKind = { type: 'datetime' };
const choice = (list: ValueListName): CellKind => ({ type: 'choice', list });

export const CASE_COLUMNS = [
  col('caseNo', '案例编号 Case No', 100, text, 'system'),
  col('status', '状态 Status', 130, { type: 'status' }, 'edit'),
  col('severity', '严重程度 Severity', 150, choice('severity'), 'edit', { intake: true }),
  col('receivedAt', '接收时间 Received', 135, when, 'system', { intake: true }),
  col('channel', '渠道 Channel', 150, choice('channel'), 'edit', { intake: true }),
  col('stage', '服务环节 Stage', 130, choice('stage'), 'edit', { intake: true }),
  col('category', '类别 Category', 160, choice('category'), 'edit', { intake: true }),
  col('name', '顾客 Complainant', 100, text, 'edit', { intake: true }),
  col('phone', '电话 Phone', 120, text, 'edit', { intake: true }),
  col('email', '邮箱 Email', 160, text, 'edit', { intake: true }),
  col('wechat', '微信 WeChat', 110, text, 'edit', { intake: true }),
  col('location', '地点 Location', 110, text, 'edit', { intake: true }),
  col('description', '经过 What happened', 280, text, 'edit', { intake: true }),
  col('requests', '顾客诉求 Customer asks', 150, { type: 'codes', list: 'request' }, 'edit', {
    intake: true,
  }),
  col('requestDetail', '诉求说明 Request detail', 180, text, 'edit', { intake: true }),
  col('staffInvolved', '涉及员工 Staff involved', 130, { type: 'names' }, 'edit', { intake: true }),
  col('owner', '负责人 Owner', 110, { type: 'owner' }, 'edit'),
  col('promisedReplyAt', '约定答复 Promised reply', 135, when, 'edit', { intake: true }),
  col('nextDue', '下一期限 Next deadline', 135, when, 'system'),
  col('findings', '调查结果 Findings', 220, text, 'edit'),
  col('substantiated', '是否属实 Substantiated', 100, { type: 'yesno' }, 'edit'),
  col('correctiveAction', '纠正措施 Corrective action', 200, text, 'edit'),
  col('compensation', '补偿 Compensation', 160, text, 'edit'),
  col('compensationAmount', '补偿金额 Amount', 90, { type: 'amount' }, 'edit'),
  col('beyondPolicy', '超出政策 Beyond policy', 100, { type: 'yesno' }, 'edit'),
  col('approvedBy', '批准人 Approved by', 110, { type: 'owner' }, 'edit'),
  col('notifiedAt', '通知时间 Notified at', 135, when, 'edit'),
  col('notifyMethod', '通知方式 Notify method', 110, choice('notifyMethod'), 'edit'),
  col('satisfaction', '回访满意度 Satisfaction', 110, choice('satisfaction'), 'edit'),
  col('rootCause', '根本原因 Root cause', 180, text, 'edit'),
  col('notes', '备注 Notes', 200, text, 'edit'),
  col('reopenReason', '重开原因 Reopen reason', 160, text, 'edit'),
  col('repeatOf', '重复投诉 Repeat of', 120, text, 'system'),
  col('escalation', '升级级别 Escalation', 130, text, 'system'),
  col('version', '版本 Version', 70, text, 'system'),
  col('syncedAt', '最后同步 Last synced', 135, when, 'system'),
  col('note', '同步说明 Sync note', 280, text, 'system'),
  col('state', '同步状态 Sync state', 60, text, 'system', { hidden: true }),
] as const satisfies readonly CaseColumn[];

export type CaseColumnKey = (typeof CASE_COLUMNS)[number]['key'];

export const columnIndex = (key: CaseColumnKey): number => CASE_COLUMNS.findIndex((c) => c.key === key);

/** The columns whose last synced value each row's state keeps a hash of, in this order. */
export const TRACKED_COLUMNS: readonly CaseColumn[] = CASE_COLUMNS.filter((c) => c.role === 'edit');

export const CONTACT_KEYS = ['phone', 'email', 'wechat'] as const satisfies readonly CaseColumnKey[];

const formatOf = (kind: CellKind): CellFormat =>
  kind.type === 'datetime' ? 'datetime' : kind.type === 'amount' ? 'number' : 'text';

const STAFF_NAMES = "'Staff'!$A$2:$A";

function dropdownOf(kind: CellKind, lists: ValueLists): ColumnSpec['dropdown'] {
  switch (kind.type) {
    case 'choice':
      return { options: lists[kind.list].map((o) => bilingual(o.label)) };
    case 'status':
      return { options: Object.values(STATUS_LABELS).map(bilingual) };
    case 'yesno':
      return { options: [YES_LABEL, NO_LABEL] };
    case 'owner':
      return { range: STAFF_NAMES };
    default:
      return undefined;
  }
}

const RED = { red: 0.96, green: 0.8, blue: 0.8 };
const AMBER = { red: 1, green: 0.9, blue: 0.7 };

/** The Cases tab's layout: dropdowns from the value lists; overdue rows red, rows due within `warnBeforeHours` amber. */
export function casesTab(lists: ValueLists, warnBeforeHours: number): TabSpec {
  const due = '{下一期限 Next deadline}2';
  return {
    title: CASES_TAB,
    columns: CASE_COLUMNS.map((c) => {
      const dropdown = dropdownOf(c.kind, lists);
      return {
        header: c.header,
        width: c.width,
        format: formatOf(c.kind),
        ...(dropdown ? { dropdown } : {}),
        ...(c.role === 'system' ? { system: true } : {}),
        ...(c.hidden ? { hidden: true } : {}),
      };
    }),
    frozenRows: 1,
    frozenColumns: 1,
    initialRows: 1000,
    growBy: 1000,
    filter: true,
    highlights: [
      { formula: `=AND(${due}<>"",${due}<NOW())`, color: RED },
      { formula: `=AND(${due}<>"",${due}<NOW()+${warnBeforeHours}/24)`, color: AMBER },
    ],
  };
}
