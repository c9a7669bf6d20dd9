/**
 * The History tab: every audit event, appended once, so a manager can answer "who changed this and when"
 * without leaving the sheet. One row per changed field (a new case is one row); contact data is masked
 * (the audit trail already masks it; free text is masked again here). The last column is the event's
 * key (`case no#version`), which makes each row traceable to exactly one event.
 */
import { ACTION_LABELS, type AuditEvent, DOOR_LABELS, STATUS_LABELS } from '../domain/case.js';
import { maskContactsInText } from '../domain/contact.js';
import { formatLocal } from '../domain/format.js';
import { bilingual, type ValueListName, type ValueLists } from '../domain/values.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { labelFor } from './case-row.js';
import { NO_LABEL, YES_LABEL } from './cells.js';
import { CASE_COLUMNS } from './columns.js';
import { toSerial, type Zone } from './dates.js';
import type { TabSpec } from './tab-spec.js';

export const HISTORY_TAB = 'History';

const HISTORY_COLUMNS = [
  { header: '时间 When', width: 135, format: 'datetime' },
  { header: '案例编号 Case No', width: 100, format: 'text' },
  { header: '途径 Door', width: 80, format: 'text' },
  { header: '操作人 Who', width: 180, format: 'text' },
  { header: '操作 Action', width: 110, format: 'text' },
  { header: '字段 Field', width: 150, format: 'text' },
  { header: '原值 From', width: 220, format: 'text' },
  { header: '新值 To', width: 220, format: 'text' },
  { header: '说明 Note', width: 220, format: 'text' },
  { header: '事件 Event', width: 110, format: 'text' },
] as const;

export function historyTab(): TabSpec {
  return {
    title: HISTORY_TAB,
    // Written only by the sync; managers read and filter it.
    columns: HISTORY_COLUMNS.map((c) => ({ ...c, system: true })),
    frozenRows: 1,
    initialRows: 2000,
    growBy: 2000,
    filter: true,
  };
}

export const HISTORY_WIDTH = HISTORY_COLUMNS.length;

/** Case fields the Cases tab has no column for, by name. */
const FIELD_NAMES: Record<string, string> = {
  status: '状态 Status',
  complainant: '顾客 Complainant',
  compensation: '补偿 Compensation',
  investigatedAt: '调查时间 Investigated at',
  resolvedAt: '处理完成 Resolved at',
  repliedAt: '答复时间 Replied at',
  followedUpAt: '回访时间 Followed up at',
  closedAt: '结案时间 Closed at',
  reopenCount: '重开次数 Reopen count',
  reopenedAt: '重开时间 Reopened at',
  relatedCases: '重复投诉 Repeat of',
  repeat: '重复 Repeat',
};
const LIST_FIELDS: Partial<Record<string, ValueListName>> = {
  channel: 'channel',
  stage: 'stage',
  category: 'category',
  severity: 'severity',
  notifyMethod: 'notifyMethod',
  satisfaction: 'satisfaction',
};

export const eventKey = (e: Pick<AuditEvent, 'caseNo' | 'seq'>): string => `${e.caseNo}#${e.seq}`;

export interface HistoryContext {
  lists: ValueLists;
  /** Serial dates for the When column. */
  sheetZone: Zone;
  /** The business's time zone, for times quoted in From and To. */
  timeZone: string;
}

const fieldName = (field: string) =>
  FIELD_NAMES[field] ?? CASE_COLUMNS.find((c) => c.key === field)?.header ?? field;

function show(field: string, v: unknown, ctx: HistoryContext): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? YES_LABEL : NO_LABEL;
  const list = LIST_FIELDS[field];
  if (list && typeof v === 'string') return labelFor(ctx.lists, list, v);
  if (field === 'requests' && Array.isArray(v))
    return v.map((r) => labelFor(ctx.lists, 'request', String(r))).join(', ');
  if (typeof v === 'string' && field.endsWith('At') && !Number.isNaN(Date.parse(v))) {
    return formatLocal(v, ctx.timeZone, 'zh-CN');
  }
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${typeof x === 'boolean' ? (x ? YES_LABEL : NO_LABEL) : String(x)}`)
      .join('; ');
  }
  return String(v);
}

/** The History rows of one event: one per changed field, plus the status change; a new case is one row. */
export function historyRows(e: AuditEvent, ctx: HistoryContext): CellValue[][] {
  const head: CellValue[] = [
    toSerial(e.at, ctx.sheetZone),
    e.caseNo,
    bilingual(DOOR_LABELS[e.actor.door]),
    // Who: a staff name, a manager's email or a function; staff, not customers, so shown as it is.
    e.actor.id,
    bilingual(ACTION_LABELS[e.action]),
  ];
  const note = maskContactsInText(e.note ?? '');
  const key = eventKey(e);
  const row = (field: string, from: string, to: string): CellValue[] => [
    ...head,
    field,
    maskContactsInText(from),
    maskContactsInText(to),
    note,
    key,
  ];
  if (e.action === 'created') return [row('', '', e.to ? bilingual(STATUS_LABELS[e.to]) : '')];
  const rows: CellValue[][] = [];
  if (e.from && e.to && e.from !== e.to) {
    rows.push(
      row(FIELD_NAMES.status ?? 'status', bilingual(STATUS_LABELS[e.from]), bilingual(STATUS_LABELS[e.to])),
    );
  }
  for (const c of e.changes)
    rows.push(row(fieldName(c.field), show(c.field, c.from, ctx), show(c.field, c.to, ctx)));
  if (rows.length === 0) rows.push(row('', '', ''));
  return rows;
}
