/** The complaint case (投诉登记表) and its lifecycle states. */
import type { Complainant } from './contact.js';
import type { Lang } from './values.js';

export const CASE_STATUSES = [
  'received', // registered; apology given; investigation clock running
  'investigating', // someone owns it and is finding out what happened
  'awaiting_approval', // compensation beyond policy waits for the executive manager
  'decided', // findings recorded, substantiated or not, action decided
  'resolved', // handling complete; the result must reach the customer within N working days
  'notified', // the customer was told the result; follow-up pending
  'closed', // followed up; satisfaction recorded
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What managers see for each status (the sheet, staff emails); customers see their own wording. */
export const STATUS_LABELS: Record<CaseStatus, Record<Lang, string>> = {
  received: { 'zh-CN': '已登记', en: 'Received' },
  investigating: { 'zh-CN': '调查中', en: 'Investigating' },
  awaiting_approval: { 'zh-CN': '待批准', en: 'Awaiting approval' },
  decided: { 'zh-CN': '已决定', en: 'Decided' },
  resolved: { 'zh-CN': '已处理', en: 'Resolved' },
  notified: { 'zh-CN': '已通知', en: 'Notified' },
  closed: { 'zh-CN': '已结案', en: 'Closed' },
};

/** Which door a change came through; recorded on every audit event. */
export type Door = 'form' | 'sheet' | 'api' | 'system';

export const DOOR_LABELS: Record<Door, Record<Lang, string>> = {
  form: { 'zh-CN': '表单', en: 'Form' },
  sheet: { 'zh-CN': '表格', en: 'Sheet' },
  api: { 'zh-CN': '接口', en: 'API' },
  system: { 'zh-CN': '系统', en: 'System' },
};

export interface Actor {
  /** A staff name, a manager's email (sheet), or a function name for automatic changes. */
  id: string;
  door: Door;
}

export interface Compensation {
  description: string;
  amount?: number;
  /** Beyond the order's terms or company rules: needs the executive manager's approval. */
  beyondPolicy: boolean;
  approvedBy?: string;
  approvedAt?: string;
}

export type DeadlineKind = 'investigate' | 'reply' | 'resolve' | 'notify' | 'follow_up';

export interface Deadline {
  kind: DeadlineKind;
  dueAt: string; // ISO instant
  metAt?: string;
}

/** 0 = the handler, 1 = store supervisor, 2 = executive manager. */
export type EscalationLevel = 0 | 1 | 2;

export interface Escalation {
  level: EscalationLevel;
  /** The deadline the current level refers to; a new or moved deadline restarts the chain. */
  deadline?: DeadlineKind;
  dueAt?: string;
  warnedAt?: string;
  escalatedAt?: string;
}

export interface Case {
  caseNo: string;
  version: number;
  status: CaseStatus;
  source: Door;
  language: Lang;

  complainant: Complainant;
  receivedAt: string;
  /** The business-calendar date of receipt ('YYYY-MM-DD'): the daily review's day. */
  receivedDay: string;
  receivedBy?: string;
  location?: string;
  channel: string;
  stage?: string;
  category: string;
  severity: string;
  description: string;
  requests: string[];
  requestDetail?: string;
  staffInvolved: string[];
  promisedReplyAt?: string;
  repliedAt?: string;
  owner?: string;

  findings?: string;
  investigatedAt?: string;
  substantiated?: boolean;
  correctiveAction?: string;
  compensation?: Compensation;
  resolvedAt?: string;
  notifiedAt?: string;
  notifyMethod?: string;
  followedUpAt?: string;
  satisfaction?: string;
  rootCause?: string;
  notes?: string;

  /** The latest few earlier cases of the same complainant (repeat-complaint detection), oldest first. */
  relatedCases: string[];
  /** How many earlier cases there were in all (absent on cases made before it was counted). */
  relatedCount?: number;
  repeat: boolean;
  reopenCount: number;
  reopenReason?: string;
  reopenedAt?: string;

  deadlines: Deadline[];
  /** The earliest unmet deadline; absent only when closed. */
  nextDue?: Deadline;
  escalation: Escalation;

  createdAt: string;
  updatedAt: string;
  closedAt?: string;
}

/** Open until closed: only a closed case has no deadline, and only an appeal reopens it. */
export const isOpen = (c: Pick<Case, 'status'>): boolean => c.status !== 'closed';

/** Fields a change may set. Identity, bookkeeping and derived fields are not among them. */
export const EDITABLE_FIELDS = [
  'complainant',
  'location',
  'channel',
  'stage',
  'category',
  'severity',
  'description',
  'requests',
  'requestDetail',
  'staffInvolved',
  'promisedReplyAt',
  'repliedAt',
  'owner',
  'findings',
  'substantiated',
  'correctiveAction',
  'compensation',
  'resolvedAt',
  'notifiedAt',
  'notifyMethod',
  'followedUpAt',
  'satisfaction',
  'rootCause',
  'notes',
  'reopenReason',
] as const satisfies readonly (keyof Case)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type CasePatch = Partial<Pick<Case, EditableField>>;

/** What each kind of audit event is called (History tab, case file). */
export const ACTION_LABELS: Record<AuditEvent['action'], Record<Lang, string>> = {
  created: { 'zh-CN': '登记', en: 'Created' },
  updated: { 'zh-CN': '修改', en: 'Updated' },
  transition: { 'zh-CN': '状态变更', en: 'Status change' },
  reopened: { 'zh-CN': '重开', en: 'Reopened' },
  escalated: { 'zh-CN': '升级', en: 'Escalated' },
  warned: { 'zh-CN': '提醒', en: 'Warned' },
};

/** An append-only record of one change. Contact data inside `changes` is masked before storage. */
export interface AuditEvent {
  caseNo: string;
  at: string;
  seq: number; // the case version this event produced: unique per case, orders events
  actor: Actor;
  action: 'created' | 'updated' | 'transition' | 'reopened' | 'escalated' | 'warned';
  from?: CaseStatus;
  to?: CaseStatus;
  changes: { field: string; from?: unknown; to?: unknown }[];
  note?: string;
}
