/**
 * The words of an escalation, in Chinese and English, for the email and the group-chat robots alike: what
 * is late (or about to be), by how long, what the procedure asks now, and where the case is in the sheet.
 * Nothing about the customer: no name, contact or free text, only the case's number, codes and dates.
 */
import {
  type Case,
  DEADLINE_LABELS,
  type DeadlineKind,
  type EscalationRecord,
  STATUS_LABELS,
} from '../domain/case.js';
import type { Addressee } from '../domain/escalation-recipients.js';
import { formatLocal } from '../domain/format.js';
import { bilingual, labelOf, type ValueLists } from '../domain/values.js';

/** One late deadline in a message: the case, the step taken on it, and why this reader gets it. */
export interface EscalationItem {
  case: Case;
  record: EscalationRecord;
  as: Addressee['as'];
}

export interface EscalationTextContext {
  lists: ValueLists;
  timeZone: string;
  now: Date;
  /** The address of the sheet's Cases tab, when the sheet sync has run. */
  casesTabUrl?: string;
}

const MINUTE = 60_000;

/** "2 天 3 小时 / 2 d 3 h": a duration at the precision a manager needs. */
export function duration(ms: number): { zh: string; en: string } {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return { zh: `${d} 天${h ? ` ${h} 小时` : ''}`, en: `${d} d${h ? ` ${h} h` : ''}` };
  if (h > 0) return { zh: `${h} 小时${m ? ` ${m} 分钟` : ''}`, en: `${h} h${m ? ` ${m} min` : ''}` };
  return { zh: `${m} 分钟`, en: `${m} min` };
}

/** What the procedure asks now, by deadline; a missed reply asks the owner to call and apologise again. */
const ASK: Record<DeadlineKind, { zh: string; en: string }> = {
  investigate: {
    zh: '完成初步调查：记录调查结果，并告知相关人员',
    en: 'finish the initial investigation: record the findings and tell those concerned',
  },
  reply: {
    zh: '立即致电顾客，再次道歉，并给出答复或新的答复时间',
    en: 'call the customer now, apologise again, and give the answer or a new time',
  },
  resolve: {
    zh: '作出处理决定并落实纠正措施；超出政策的补偿须执行经理批准',
    en: "decide and carry out the corrective action; compensation beyond policy needs the executive manager's approval",
  },
  notify: {
    zh: '把处理结果告知顾客（5 个工作日内）',
    en: 'tell the customer the result (within 5 working days)',
  },
  follow_up: { zh: '回访顾客并记录满意度', en: 'call the customer back and record their satisfaction' },
};

const ROLE_ASK: Record<Addressee['as'], { zh: string; en: string }> = {
  owner: { zh: '您是负责人', en: 'you own this case' },
  supervisor: { zh: '请门店主管督办', en: 'store supervisor: please see it done' },
  executive: {
    zh: '已上报门店主管仍未完成，请执行经理过问',
    en: 'the store supervisor was told; executive manager: please step in',
  },
};

export const isLate = (item: EscalationItem, now: Date) => Date.parse(item.record.dueAt) <= now.getTime();

/** Most overdue first: the earliest deadline leads. */
export const mostOverdueFirst = (items: readonly EscalationItem[]): EscalationItem[] =>
  [...items].sort(
    (a, b) => a.record.dueAt.localeCompare(b.record.dueAt) || a.case.caseNo.localeCompare(b.case.caseNo),
  );

/** The lines of one item, in reading order (the first is its heading). */
export function itemLines(item: EscalationItem, ctx: EscalationTextContext): string[] {
  const c = item.case;
  const label = (name: 'category' | 'severity', code: string) =>
    `${labelOf(ctx.lists, name, code, 'zh-CN')} ${labelOf(ctx.lists, name, code, 'en')}`;
  const dueAt = Date.parse(item.record.dueAt);
  const late = dueAt <= ctx.now.getTime();
  const by = duration(Math.abs(ctx.now.getTime() - dueAt));
  const when = formatLocal(item.record.dueAt, ctx.timeZone, 'zh-CN');
  const state = late ? `已逾期 ${by.zh} / overdue by ${by.en}` : `还剩 ${by.zh} / due in ${by.en}`;
  const ask = item.record.deadline === 'reply' && item.as !== 'owner' ? ASK.reply : ASK[item.record.deadline];
  const role = ROLE_ASK[item.as];
  return [
    `${c.caseNo} · ${label('category', c.category)} · ${label('severity', c.severity)}`,
    `${bilingual(DEADLINE_LABELS[item.record.deadline])}: ${state}（截止 due ${when}）`,
    `现在请 Now: ${ask.zh} / ${ask.en}`,
    `${role.zh} / ${role.en}`,
    `负责人 Owner: ${c.owner ?? '—'} · 状态 Status: ${bilingual(STATUS_LABELS[c.status])}`,
    ctx.casesTabUrl
      ? `在表格中打开 Open in the sheet: ${ctx.casesTabUrl} （Cases 表，案例编号 case no ${c.caseNo}）`
      : `在管理表 Cases 表中查找案例编号 Find case no ${c.caseNo} in the sheet's Cases tab`,
  ];
}

/** The subject or title: how many deadlines are late or near, critical first. */
export function digestTitle(items: readonly EscalationItem[], now: Date): string {
  const late = items.filter((i) => isLate(i, now)).length;
  const soon = items.length - late;
  const critical = items.some((i) => i.case.severity === 'critical') ? '[严重 Critical] ' : '';
  const parts = [
    late ? `${late} 项已逾期 / ${late} overdue` : '',
    soon ? `${soon} 项即将到期 / ${soon} due soon` : '',
  ].filter(Boolean);
  const tag = late ? '[升级 Escalation]' : '[提醒 Reminder]';
  return `${critical}${tag} 投诉期限 Complaint deadlines: ${parts.join(', ')}`;
}

/** "您代 王主管 接收 / Standing in for 王主管" when the reader stands in for someone absent. */
export function standingInLine(to: Addressee): string | undefined {
  const absent = to.standingInFor?.name;
  return absent
    ? `您代 ${absent} 接收此消息（${absent} 不在）/ You receive this standing in for ${absent} (absent)`
    : undefined;
}
