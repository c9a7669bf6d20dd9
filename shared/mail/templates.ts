/**
 * Email texts. Alerts to managers carry the case number and what happened, never the customer's contact
 * data (free text is masked too); the acknowledgment goes only to the customer's own address.
 */
import type { Case } from '../domain/case.js';
import { maskContactsInText } from '../domain/contact.js';
import { formatLocal } from '../domain/format.js';
import { type Lang, labelOf, type ValueLists } from '../domain/values.js';
import type { MailMessage } from '../ports/mailer.js';

export interface MailContext {
  lists: ValueLists;
  timeZone: string;
  /** Where a customer checks their case, e.g. https://complaints.example.com/status */
  statusUrl?: string;
  /** A case's own status link (works without a phone): …/status?case=…&key=… */
  statusLink?: (caseNo: string, lang: Lang) => string;
}

export function criticalAlert(c: Case, to: string[], ctx: MailContext): MailMessage {
  const l = (name: 'category' | 'stage' | 'severity' | 'channel', code?: string) =>
    code ? `${labelOf(ctx.lists, name, code, 'zh-CN')} / ${labelOf(ctx.lists, name, code, 'en')}` : '—';
  const text = [
    `严重投诉，请立即处理 / Critical complaint — needs the executive manager now`,
    '',
    `案例编号 Case: ${c.caseNo}`,
    `类别 Category: ${l('category', c.category)}`,
    `严重程度 Severity: ${l('severity', c.severity)}`,
    `服务环节 Stage: ${l('stage', c.stage)}`,
    `渠道 Channel: ${l('channel', c.channel)}`,
    `接收时间 Received: ${formatLocal(c.receivedAt, ctx.timeZone, 'zh-CN')}`,
    `调查截止 Investigate by: ${formatLocal(c.deadlines.find((d) => d.kind === 'investigate')?.dueAt, ctx.timeZone, 'zh-CN')}`,
    c.repeat
      ? `重复投诉 Repeat complainant: 此前 ${c.relatedCount ?? c.relatedCases.length} 宗 / earlier cases; 最近 latest ${c.relatedCases.join(', ')}`
      : '',
    '',
    '经过 What happened:',
    maskContactsInText(c.description),
    '',
    '顾客联系方式请在案例表中查看，不在邮件中传递。Customer contact details are in the case sheet only.',
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
  return { to, subject: `[严重投诉 Critical] ${c.caseNo}`, text: text.join('\n') };
}

const ACK: Record<Lang, (c: Case, ctx: MailContext) => { subject: string; lines: string[] }> = {
  'zh-CN': (c, ctx) => ({
    subject: `我们已收到您的反馈（编号 ${c.caseNo}）`,
    lines: [
      '尊敬的顾客：',
      '',
      '非常抱歉给您带来了不好的体验。我们已经记录了您的反馈，并会认真调查处理。',
      `您的案例编号：${c.caseNo}`,
      c.promisedReplyAt
        ? `我们将在 ${formatLocal(c.promisedReplyAt, ctx.timeZone, 'zh-CN')} 前答复您。`
        : '我们会尽快与您联系。',
      ctx.statusLink ? `随时点击此链接查看进度：${ctx.statusLink(c.caseNo, c.language)}` : '',
      ctx.statusUrl && c.complainant.phone ? `也可以在 ${ctx.statusUrl} 用案例编号和手机号后四位查询。` : '',
      '',
      '再次向您致歉，感谢您的理解与支持。',
    ],
  }),
  en: (c, ctx) => ({
    subject: `We have received your feedback (case ${c.caseNo})`,
    lines: [
      'Dear customer,',
      '',
      'We are sorry for your experience. Your complaint is recorded and we will look into it carefully.',
      `Your case number: ${c.caseNo}`,
      c.promisedReplyAt
        ? `We will reply by ${formatLocal(c.promisedReplyAt, ctx.timeZone, 'en')}.`
        : 'We will contact you soon.',
      ctx.statusLink
        ? `Follow its progress any time at this link: ${ctx.statusLink(c.caseNo, c.language)}`
        : '',
      ctx.statusUrl && c.complainant.phone
        ? `Or check it at ${ctx.statusUrl} with the case number and the last 4 digits of your phone.`
        : '',
      '',
      'Thank you for your patience.',
    ],
  }),
};

export function customerAcknowledgment(c: Case, ctx: MailContext): MailMessage | undefined {
  if (!c.complainant.email) return undefined;
  const { subject, lines } = ACK[c.language](c, ctx);
  return {
    to: [c.complainant.email],
    subject,
    text: lines.filter((l, i, a) => l !== '' || a[i - 1] !== '').join('\n'),
  };
}
