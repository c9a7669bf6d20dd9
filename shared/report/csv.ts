/**
 * The month's cases as CSV for Excel: UTF-8 with a byte-order mark (Excel reads Chinese correctly only
 * with it), CRLF lines, RFC 4180 quoting, and every text cell that a spreadsheet would run as a formula
 * neutralised (OWASP CSV injection: a leading = + - @ tab or carriage return gets a leading '). Contact
 * details are left out unless the business configured otherwise; free text is then masked too.
 */
import type { Case } from '../domain/case.js';
import { maskContactsInText } from '../domain/contact.js';
import type { Say } from './say.js';

export type CsvValue = string | number | boolean | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are; text neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(v: CsvValue): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let text = String(v);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const toCsv = (rows: readonly (readonly CsvValue[])[]): string =>
  `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

export function casesCsv(cases: readonly Case[], s: Say, opts: { contacts: boolean }): string {
  const text = (t: string | undefined) =>
    t === undefined ? undefined : opts.contacts ? t : maskContactsInText(t);
  const head = [
    s.say('caseNo'),
    s.say('received'),
    s.say('status'),
    s.say('severity'),
    s.say('channel'),
    s.say('stage'),
    s.say('category'),
    ...(opts.contacts ? ['顾客 Complainant', '电话 Phone', '邮箱 Email', '微信 WeChat'] : []),
    '经过 What happened',
    s.say('owner'),
    s.say('byStaff'),
    s.say('substantiated'),
    '纠正措施 Corrective action',
    '补偿 Compensation',
    s.say('amount'),
    s.say('beyondPolicy'),
    s.say('approvedBy'),
    s.say('resolved'),
    s.say('notified'),
    s.say('closed'),
    s.say('rootCause'),
    s.say('repeat'),
  ];
  const rows = cases.map((c): CsvValue[] => [
    c.caseNo,
    s.when(c.receivedAt),
    s.status(c.status),
    s.value('severity', c.severity),
    s.value('channel', c.channel),
    s.value('stage', c.stage),
    s.value('category', c.category),
    ...(opts.contacts
      ? [c.complainant.name, c.complainant.phone, c.complainant.email, c.complainant.wechat]
      : []),
    text(c.description),
    c.owner,
    c.staffInvolved.join('、'),
    c.substantiated === undefined ? '' : s.yesNo(c.substantiated),
    text(c.correctiveAction),
    text(c.compensation?.description),
    c.compensation?.amount,
    c.compensation ? s.yesNo(c.compensation.beyondPolicy) : '',
    c.compensation?.approvedBy,
    c.resolvedAt ? s.when(c.resolvedAt) : '',
    c.notifiedAt ? s.when(c.notifiedAt) : '',
    c.closedAt ? s.when(c.closedAt) : '',
    text(c.rootCause),
    c.repeat ? c.relatedCases.join(' ') : '',
  ]);
  return toCsv([head, ...rows]);
}
