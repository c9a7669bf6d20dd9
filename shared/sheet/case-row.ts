/**
 * A case as a Cases row: what each column shows. Codes become bilingual labels, instants serial dates in
 * the spreadsheet's zone, and contacts are shown in full (managers call customers back) unless the
 * studio masks them. The sync's own columns (last synced, note, state) are filled by the sync.
 */
import { type Case, STATUS_LABELS } from '../domain/case.js';
import { maskEmail, maskPhone } from '../domain/contact.js';
import { ROLE_LABELS } from '../domain/roster.js';
import { bilingual, type ValueListName, type ValueLists } from '../domain/values.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { NO_LABEL, YES_LABEL } from './cells.js';
import { CASE_COLUMNS, type CaseColumnKey } from './columns.js';
import { toSerial, type Zone } from './dates.js';

export interface RowContext {
  lists: ValueLists;
  /** The spreadsheet's zone (serial dates) and the business's (typed dates). */
  zones: { sheet: Zone; business: Zone };
  /** Show contacts as 138****8000; the contact columns are then read-only for the sync. */
  maskContacts: boolean;
  /** 'HH:MM' a typed date without a time means (the business's closing time). */
  dateOnlyTime: string;
}

export const labelFor = (lists: ValueLists, list: ValueListName, code: string | undefined): string => {
  if (!code) return '';
  const option = lists[list].find((o) => o.code === code);
  return option ? bilingual(option.label) : code;
};

const ESCALATION_ROLES = ['handler', 'store_supervisor', 'executive_manager'] as const;

export const yesNo = (b: boolean | undefined): string => (b === undefined ? '' : b ? YES_LABEL : NO_LABEL);

type Renderer = (c: Case, ctx: RowContext) => CellValue;

const when =
  (pick: (c: Case) => string | undefined): Renderer =>
  (c, ctx) => {
    const iso = pick(c);
    return iso ? toSerial(iso, ctx.zones.sheet) : '';
  };

const RENDER: Record<CaseColumnKey, Renderer> = {
  caseNo: (c) => c.caseNo,
  status: (c) => bilingual(STATUS_LABELS[c.status]),
  severity: (c, ctx) => labelFor(ctx.lists, 'severity', c.severity),
  receivedAt: when((c) => c.receivedAt),
  channel: (c, ctx) => labelFor(ctx.lists, 'channel', c.channel),
  stage: (c, ctx) => labelFor(ctx.lists, 'stage', c.stage),
  category: (c, ctx) => labelFor(ctx.lists, 'category', c.category),
  name: (c) => c.complainant.name,
  phone: (c, ctx) => {
    const p = c.complainant.phone ?? '';
    return ctx.maskContacts && p ? maskPhone(p) : p;
  },
  email: (c, ctx) => {
    const e = c.complainant.email ?? '';
    return ctx.maskContacts && e ? maskEmail(e) : e;
  },
  wechat: (c, ctx) => {
    const w = c.complainant.wechat ?? '';
    return ctx.maskContacts && w ? '***' : w;
  },
  location: (c) => c.location ?? '',
  description: (c) => c.description,
  requests: (c, ctx) => c.requests.map((r) => labelFor(ctx.lists, 'request', r)).join(', '),
  requestDetail: (c) => c.requestDetail ?? '',
  staffInvolved: (c) => c.staffInvolved.join(', '),
  owner: (c) => c.owner ?? '',
  promisedReplyAt: when((c) => c.promisedReplyAt),
  nextDue: when((c) => c.nextDue?.dueAt),
  findings: (c) => c.findings ?? '',
  substantiated: (c) => yesNo(c.substantiated),
  correctiveAction: (c) => c.correctiveAction ?? '',
  compensation: (c) => c.compensation?.description ?? '',
  compensationAmount: (c) => c.compensation?.amount ?? '',
  beyondPolicy: (c) => (c.compensation ? yesNo(c.compensation.beyondPolicy) : ''),
  approvedBy: (c) => c.compensation?.approvedBy ?? '',
  notifiedAt: when((c) => c.notifiedAt),
  notifyMethod: (c, ctx) => labelFor(ctx.lists, 'notifyMethod', c.notifyMethod),
  satisfaction: (c, ctx) => labelFor(ctx.lists, 'satisfaction', c.satisfaction),
  rootCause: (c) => c.rootCause ?? '',
  notes: (c) => c.notes ?? '',
  reopenReason: (c) => c.reopenReason ?? '',
  repeatOf: (c) => c.relatedCases.join(', '),
  escalation: (c) => {
    const level = c.escalation.level;
    return `${level} ${bilingual(ROLE_LABELS[ESCALATION_ROLES[level]])}`;
  },
  version: (c) => c.version,
  syncedAt: () => '',
  note: () => '',
  state: () => '',
};

/** The case's row, one value per CASE_COLUMNS entry (the sync's own columns left empty). */
export function renderCase(c: Case, ctx: RowContext): CellValue[] {
  return CASE_COLUMNS.map((column) => RENDER[column.key](c, ctx));
}
