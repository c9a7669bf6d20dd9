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

export const DEADLINE_LABELS: Record<DeadlineKind, Record<Lang, string>> = {
  investigate: { 'zh-CN': '初步调查', en: 'Initial investigation' },
  reply: { 'zh-CN': '约定答复', en: 'Promised reply' },
  resolve: { 'zh-CN': '处理完成', en: 'Handling complete' },
  notify: { 'zh-CN': '通知结果', en: 'Result to the customer' },
  follow_up: { 'zh-CN': '回访', en: 'Follow-up' },
};

export interface Deadline {
  kind: DeadlineKind;
  dueAt: string; // ISO instant
  metAt?: string;
}

/** 0 = the handler, 1 = store supervisor, 2 = executive manager. */
export type EscalationLevel = 0 | 1 | 2;

/** The chain of a late deadline: the owner warned, the store supervisor told, the executive manager told. */
export type EscalationStep = 'warn' | 'supervisor' | 'executive';
export const STEP_LABELS: Record<EscalationStep, Record<Lang, string>> = {
  warn: { 'zh-CN': '提醒负责人', en: 'owner warned' },
  supervisor: { 'zh-CN': '上报门店主管', en: 'store supervisor told' },
  executive: { 'zh-CN': '上报执行经理', en: 'executive manager told' },
};
export const STEP_LEVEL: Record<EscalationStep, EscalationLevel> = { warn: 0, supervisor: 1, executive: 2 };

/** A step the escalation sweep took on one deadline (its kind and due time: a moved deadline is a new chain). */
export interface EscalationRecord {
  deadline: DeadlineKind;
  dueAt: string;
  step: EscalationStep;
  /** When the sweep took it. */
  at: string;
  /** Passed over when a sweep caught up after downtime: recorded, never sent. */
  skipped?: true;
  /** Every message of the step went out. */
  sent?: true;
}

export interface Escalation {
  /** The highest level reached on the unmet deadlines; critical cases never below 2. */
  level: EscalationLevel;
  /** The next due deadline. */
  deadline?: DeadlineKind;
  dueAt?: string;
  /** Steps taken on the unmet deadlines (a met or moved deadline drops its steps). */
  steps?: EscalationRecord[];
  /**
   * When the sweep must look at the case again (ISO), or 'never' until the case changes. Written by the
   * sweep; any other change removes it, so the next sweep looks at once.
   */
  next?: string;
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
