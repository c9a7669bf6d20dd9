/**
 * The case file (案例档案) for an appeal or the consumer association: the whole case, every audit event,
 * each deadline and whether it was met — as HTML ready to print to PDF. It is complete, so it carries the
 * complainant's contact details: it goes only to the operator who runs it or a manager on the roster.
 */
import { ACTION_LABELS, type AuditEvent, type Case, DOOR_LABELS } from '../domain/case.js';
import { outcomeOf, overrunHours } from '../domain/review/deadline-stats.js';
import { type Block, renderHtml } from './document.js';
import type { Say } from './say.js';
import { DEADLINE_WORDS, OUTCOME_WORDS } from './words.js';

const show = (v: unknown): string => {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

function caseRows(c: Case, s: Say): (string | number)[][] {
  const comp = c.compensation;
  const rows: [string, string | undefined][] = [
    [s.say('caseNo'), c.caseNo],
    [s.say('status'), s.status(c.status)],
    [s.say('received'), s.when(c.receivedAt)],
    ['顾客 Complainant', c.complainant.name],
    ['电话 Phone', c.complainant.phone],
    ['邮箱 Email', c.complainant.email],
    ['微信 WeChat', c.complainant.wechat],
    [s.say('channel'), s.value('channel', c.channel)],
    ['地点 Location', c.location],
    [s.say('stage'), s.value('stage', c.stage)],
    [s.say('category'), s.value('category', c.category)],
    [s.say('severity'), s.value('severity', c.severity)],
    ['经过 What happened', c.description],
    ['顾客诉求 Customer asks', c.requests.map((r) => s.value('request', r)).join('、')],
    ['诉求说明 Request detail', c.requestDetail],
    [s.say('byStaff'), c.staffInvolved.join('、')],
    ['接收人 Received by', c.receivedBy],
    ['约定答复 Promised reply', c.promisedReplyAt ? s.when(c.promisedReplyAt) : undefined],
    [s.say('owner'), c.owner],
    ['调查结果 Findings', c.findings],
    [s.say('substantiated'), c.substantiated === undefined ? undefined : s.yesNo(c.substantiated)],
    ['纠正措施 Corrective action', c.correctiveAction],
    [
      '补偿 Compensation',
      comp ? `${comp.description}${comp.amount === undefined ? '' : ` · ${comp.amount}`}` : undefined,
    ],
    [s.say('beyondPolicy'), comp ? s.yesNo(comp.beyondPolicy) : undefined],
    [s.say('approvedBy'), comp?.approvedBy ? `${comp.approvedBy} · ${s.when(comp.approvedAt)}` : undefined],
    [s.say('resolved'), c.resolvedAt ? s.when(c.resolvedAt) : undefined],
    [
      s.say('notified'),
      c.notifiedAt ? `${s.when(c.notifiedAt)} · ${s.value('notifyMethod', c.notifyMethod)}` : undefined,
    ],
    ['回访满意度 Satisfaction', c.satisfaction ? s.value('satisfaction', c.satisfaction) : undefined],
    [s.say('closed'), c.closedAt ? s.when(c.closedAt) : undefined],
    [s.say('rootCause'), c.rootCause],
    ['备注 Notes', c.notes],
    ['重开 Reopened', c.reopenCount ? `${c.reopenCount} · ${c.reopenReason ?? ''}` : undefined],
    [s.say('relatedCases'), c.relatedCases.join(', ') || undefined],
  ];
  return rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, v ?? '']);
}

export function caseFileBlocks(c: Case, events: readonly AuditEvent[], now: Date, s: Say): Block[] {
  return [
    { kind: 'heading', level: 1, text: `${s.say('caseFileTitle')} · ${c.caseNo}` },
    { kind: 'para', muted: true, text: `${s.when(now.toISOString())} · ${s.say('caseFileContacts')}` },
    { kind: 'table', head: ['', ''], rows: caseRows(c, s) },
    {
      kind: 'table',
      title: s.say('deadlines'),
      head: [s.say('kind'), s.say('dueAt'), s.say('metAt'), s.say('outcome'), s.say('overrun')],
      rows: c.deadlines.map((d) => [
        s.label(DEADLINE_WORDS[d.kind]),
        s.when(d.dueAt),
        d.metAt ? s.when(d.metAt) : '—',
        s.label(OUTCOME_WORDS[outcomeOf(d, now)]),
        overrunHours(d, now) ?? '',
      ]),
    },
    {
      kind: 'table',
      title: s.say('events'),
      head: [
        s.say('when'),
        s.say('who'),
        s.say('door'),
        s.say('action'),
        s.say('status'),
        s.say('changes'),
        s.say('note'),
      ],
      rows: events.map((e) => [
        s.when(e.at),
        e.actor.id,
        s.label(DOOR_LABELS[e.actor.door]),
        s.label(ACTION_LABELS[e.action]),
        e.from && e.to ? `${s.status(e.from)} → ${s.status(e.to)}` : '',
        e.changes.map((x) => `${x.field}: ${show(x.from)} → ${show(x.to)}`).join('\n'),
        e.note ?? '',
      ]),
    },
  ];
}

export const caseFileHtml = (c: Case, events: readonly AuditEvent[], now: Date, s: Say): string =>
  renderHtml(
    `${c.caseNo} ${s.say('caseFileTitle')}`,
    caseFileBlocks(c, events, now, s),
    s.ctx.langs[0] ?? 'zh-CN',
  );
