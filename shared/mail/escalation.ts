/**
 * Escalation emails: one digest per reader per sweep (plain text and HTML), most overdue first, and the
 * optional apology to a customer whose promised reply is late. Managers' digests carry no customer data.
 */
import type { Case } from '../domain/case.js';
import type { Addressee } from '../domain/escalation-recipients.js';
import { formatLocal } from '../domain/format.js';
import type { MailMessage } from '../ports/mailer.js';
import { h } from '../web/html.js';
import {
  digestTitle,
  type EscalationItem,
  type EscalationTextContext,
  itemLines,
  mostOverdueFirst,
  standingInLine,
} from './escalation-text.js';
import type { MailContext } from './templates.js';

const FOOTER =
  '此邮件由投诉案例系统按《客怨处理工作制度》自动发送；顾客联系方式只在案例表中查看。' +
  ' / Sent by the complaint-case system under the complaint procedure; customer contacts are in the sheet only.';

/** One reader's digest of the steps due for them in this sweep. */
export function escalationDigest(
  to: Addressee & { member: { email: string } },
  items: readonly EscalationItem[],
  ctx: EscalationTextContext,
): MailMessage {
  const sorted = mostOverdueFirst(items);
  const blocks = sorted.map((item) => itemLines(item, ctx));
  const greeting = `${to.member.name}：`;
  const standIn = standingInLine(to);
  const text = [
    greeting,
    ...(standIn ? ['', standIn] : []),
    '',
    ...blocks.flatMap((lines, i) => [`${i + 1}. ${lines[0]}`, ...lines.slice(1).map((l) => `   ${l}`), '']),
    FOOTER,
  ].join('\n');
  const html = h`<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>${greeting}</p>${standIn ? h`<p><strong>${standIn}</strong></p>` : ''}
<ol>${blocks.map(
    ([head, ...rest]) =>
      h`<li><p><strong>${head}</strong><br>${rest.map((line, i) => h`${i ? h`<br>` : ''}${linked(line, ctx.casesTabUrl)}`)}</p></li>`,
  )}</ol>
<p style="color:#666;font-size:smaller">${FOOTER}</p></body></html>`;
  return { to: [to.member.email], subject: digestTitle(sorted, ctx.now), text, html: html.value };
}

/** A line with the sheet's address as a link. */
function linked(line: string, url: string | undefined) {
  const at = url ? line.indexOf(url) : -1;
  if (!url || at < 0) return h`${line}`;
  return h`${line.slice(0, at)}<a href="${url}">${url}</a>${line.slice(at + url.length)}`;
}

const APOLOGY = {
  'zh-CN': (c: Case, promised: string, progress?: string) => ({
    subject: `关于您的反馈（编号 ${c.caseNo}）的致歉`,
    lines: [
      '尊敬的顾客：',
      '',
      `我们曾承诺在 ${promised} 前答复您，但没有按时做到，非常抱歉。`,
      '负责的同事会尽快与您联系。',
      `您的案例编号：${c.caseNo}`,
      ...(progress ? [`随时点击此链接查看进度：${progress}`] : []),
      '',
      '再次向您致歉，感谢您的耐心。',
    ],
  }),
  en: (c: Case, promised: string, progress?: string) => ({
    subject: `Our apologies about your feedback (case ${c.caseNo})`,
    lines: [
      'Dear customer,',
      '',
      `We promised to reply by ${promised} and did not. We are sorry.`,
      'The colleague handling your case will contact you shortly.',
      `Your case number: ${c.caseNo}`,
      ...(progress ? [`Follow its progress any time at this link: ${progress}`] : []),
      '',
      'Thank you for your patience.',
    ],
  }),
};

/** The apology a customer gets when the reply promised to them is late (only to their own address). */
export function customerApology(c: Case, ctx: MailContext): MailMessage | undefined {
  if (!c.complainant.email || !c.promisedReplyAt) return undefined;
  const promised = formatLocal(c.promisedReplyAt, ctx.timeZone, c.language);
  const { subject, lines } = APOLOGY[c.language](c, promised, ctx.statusLink?.(c.caseNo, c.language));
  return { to: [c.complainant.email], subject, text: lines.join('\n') };
}
