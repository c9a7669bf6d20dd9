/**
 * The Sync note column: what the sync tells the manager about a row, in Chinese and English. Notes
 * starting with ⚠ describe a problem that lasts as long as the row has it (the sync rewrites them every
 * run); notes starting with ℹ report something that happened and stay until the row's next change.
 * Notes never carry contact data: values quoted from a case are masked.
 */
import { maskContactsInText } from '../domain/contact.js';
import { type DomainError, isDomainError } from '../domain/errors.js';
import { CASE_COLUMNS, type CaseColumnKey } from './columns.js';
import type { Problem, ProblemCode } from './row-input.js';

export const PROBLEM = '⚠';
export const INFO = 'ℹ';

export const isProblemNote = (note: string): boolean => note.startsWith(PROBLEM);

const REFUSALS = [
  `${PROBLEM} 未生效`,
  `${PROBLEM} 无法读取`,
  `${PROBLEM} 状态未改`,
  `${PROBLEM} 尚未登记 Not registered:`,
];
/** A note saying a manager's edit (or typed row) was refused, as opposed to one saying what a row lacks. */
export const isRefusal = (note: string): boolean => REFUSALS.some((p) => note.startsWith(p));

const headerOf = (key: string): string => CASE_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** Case fields named in domain errors, as the columns that hold them. */
const FIELD_COLUMNS: Record<string, CaseColumnKey> = {
  complainant: 'name',
  compensation: 'compensation',
  receivedAt: 'receivedAt',
};
const fieldHeader = (field: string) => headerOf(FIELD_COLUMNS[field] ?? field);

const PROBLEM_TEXT: Record<ProblemCode, string> = {
  invalid_date: '日期无法识别，请写成 2026-11-24 14:30 / not a date: write 2026-11-24 14:30',
  invalid_option: '不是下拉选项之一 / not one of the dropdown options',
  invalid_yes_no: '请填 是 或 否 / write Yes or No',
  invalid_amount: '不是金额 / not an amount',
  masked:
    '联系方式在本表中已隐藏，不能在此修改 / contacts are masked in this sheet and cannot be changed here',
};

/** The lifecycle's reasons in Chinese, by a phrase of the English reason. */
const REASONS_ZH: [string, string][] = [
  ['record the investigation findings first', '请先填写调查结果'],
  ['say whether the complaint is substantiated first', '请先填写是否属实'],
  ['needs a corrective action', '属实的投诉需要填写纠正措施'],
  ["needs the executive manager's approval", '超出政策的补偿需要执行经理批准（填写批准人，或改为"待批准"）'],
  ['only compensation beyond policy needs approval', '只有超出政策的补偿需要批准'],
  ['already approved', '补偿已批准'],
  ['notify method', '请先填写通知方式'],
  ['satisfaction before closing', '结案前请先填写回访满意度'],
  ['cannot return to "received"', '案例不能退回"已登记"'],
  ['back to', '状态不能这样倒退'],
  ['reopening on appeal needs a reason', '重开需要填写本次的重开原因'],
  ['is closed: reopen it', '案例已结案：请先重开（状态改为"调查中"并填写重开原因）'],
  ['changed by someone else', '案例刚被他人修改，请稍后再试'],
];

const zhReason = (message: string): string =>
  REASONS_ZH.filter(([en]) => message.includes(en))
    .map(([, zh]) => zh)
    .join('；') || '流程不允许';

function describeError(e: DomainError): string {
  if (e.issues.length) {
    const fields = e.issues.map((i) => `${fieldHeader(i.field)} (${i.code})`).join(', ');
    return `内容无效 Invalid: ${fields}`;
  }
  return `${zhReason(e.message)} / ${maskContactsInText(e.message)}`;
}

export const problemsNote = (problems: readonly Problem[]): string =>
  `${PROBLEM} 无法读取，未生效 Not applied: ${problems.map((p) => `${headerOf(p.column)}: ${PROBLEM_TEXT[p.code]}`).join('; ')}`;

export const refusedNote = (e: unknown): string =>
  `${PROBLEM} 未生效 Not applied: ${isDomainError(e) ? describeError(e) : '内部错误 internal error'}`;

export const statusRefusedNote = (e: unknown): string =>
  `${PROBLEM} 状态未改，其余已保存 Status not changed, the rest was saved: ${isDomainError(e) ? describeError(e) : ''}`;

export const missingNote = (missing: readonly string[]): string =>
  `${PROBLEM} 尚未登记，缺少 Not registered yet, missing: ${missing.map((k) => (k === 'phone' ? '电话/邮箱/微信 Phone/Email/WeChat' : headerOf(k))).join(', ')}`;

export const intakeRefusedNote = (e: unknown): string =>
  `${PROBLEM} 尚未登记 Not registered: ${isDomainError(e) ? describeError(e) : '内部错误 internal error'}`;

export const registeringNote = (): string => `${INFO} 登记中 Registering…`;

export const registeredNote = (caseNo: string): string => `${INFO} 已登记为 Registered as ${caseNo}`;

export const duplicateNote = (caseNo: string, rows: readonly number[]): string =>
  `${PROBLEM} 案例编号重复 Duplicate case number ${caseNo} (rows ${rows.join(', ')}): 两行都不生效，请删除多余的一行 / neither row is applied until only one has it`;

export const unknownCaseNote = (caseNo: string): string =>
  `${PROBLEM} 没有这个案例编号 No case ${caseNo}: 新投诉请留空案例编号 / leave the case number empty for a new complaint`;

export const renumberedNote = (caseNo: string): string =>
  `${PROBLEM} 案例编号被改动 The case number was changed: 此行是 this row is ${caseNo}，请改回 / put it back`;

export const restoredNote = (): string =>
  `${INFO} 此行曾被删除，已恢复（案例不会因删除行而删除） This row was deleted and has been restored: deleting a row never deletes a case`;

export const conflictNote = (columns: readonly string[]): string =>
  `${INFO} 冲突 Conflict: ${columns.map(headerOf).join(', ')} 同时在别处被修改；已采用表格中的值，另一值记录在历史中 / also changed elsewhere since the last sync; the sheet's value was applied, the other is kept in History`;

export const adjustedNote = (changes: readonly { column: string; shown: string }[]): string =>
  `${INFO} 按规则调整 Adjusted by the rules: ${changes.map((c) => `${headerOf(c.column)} → ${maskContactsInText(c.shown)}`).join('; ')}`;
