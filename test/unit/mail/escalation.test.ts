/**
 * The escalation email: bilingual, text and HTML, most overdue first, what is late and by how long, what the
 * procedure asks now, where the case is in the sheet, who stands in for whom — and nothing about the customer.
 */
import { describe, expect, it } from 'vitest';
import type { Case, EscalationRecord } from '../../../shared/domain/case.js';
import { customerApology, escalationDigest } from '../../../shared/mail/escalation.js';
import { duration, type EscalationItem } from '../../../shared/mail/escalation-text.js';
import { newCase, rules } from '../../support/builders.js';

const R = rules();
const local = (text: string) => new Date(`${text}+08:00`).toISOString();
const ctx = {
  lists: R.lists,
  timeZone: 'Asia/Shanghai',
  now: new Date(local('2026-11-24T10:30')),
  casesTabUrl: 'https://docs.google.com/spreadsheets/d/SHEET/edit#gid=7',
};
const customer = {
  name: '张<b>三',
  phone: '13912345678',
  email: 'zhang@example.com',
  description: '客户电话 13912345678，邮箱 zhang@example.com，说修片变形',
};
const caseOf = (caseNo: string, received: string, extra: Partial<Case> = {}): Case => ({
  ...newCase({ caseNo, receivedAt: local(received), submission: { ...customer, channel: 'phone' } }),
  owner: '李<摄影>',
  ...extra,
});
const item = (
  c: Case,
  step: EscalationRecord['step'],
  as: EscalationItem['as'],
  kind: 'investigate' | 'reply' = 'investigate',
): EscalationItem => {
  const d = c.deadlines.find((x) => x.kind === kind);
  if (!d) throw new Error(kind);
  return { case: c, record: { deadline: kind, dueAt: d.dueAt, step, at: ctx.now.toISOString() }, as };
};
const wang = {
  member: { name: '钱主管', roles: ['department_head' as const], email: 'qian@studio.example' },
  as: 'supervisor' as const,
};

describe('escalationDigest', () => {
  it('lists each late deadline most overdue first, by how long, what to do now, and the link to the sheet', () => {
    const early = caseOf('261123-001', '2026-11-23T08:00');
    const late = caseOf('261123-002', '2026-11-23T10:00');
    const mail = escalationDigest(
      wang,
      [item(late, 'supervisor', 'supervisor'), item(early, 'supervisor', 'supervisor')],
      ctx,
    );
    expect(mail.to).toEqual(['qian@studio.example']);
    expect(mail.subject).toBe('[升级 Escalation] 投诉期限 Complaint deadlines: 2 项已逾期 / 2 overdue');
    expect(mail.text).toContain(
      [
        '1. 261123-001 · 技术/质量 Photo / technical quality · 一般 Normal',
        '   初步调查 Initial investigation: 已逾期 2 小时 30 分钟 / overdue by 2 h 30 min（截止 due 2026/11/24 08:00）',
        '   现在请 Now: 完成初步调查：记录调查结果，并告知相关人员 / finish the initial investigation: record the findings and tell those concerned',
        '   请门店主管督办 / store supervisor: please see it done',
        '   负责人 Owner: 李<摄影> · 状态 Status: 已登记 Received',
        '   在表格中打开 Open in the sheet: https://docs.google.com/spreadsheets/d/SHEET/edit#gid=7 （Cases 表，案例编号 case no 261123-001）',
        '',
        '2. 261123-002',
      ].join('\n'),
    );
    expect(mail.html).toContain('<a href="https://docs.google.com/spreadsheets/d/SHEET/edit#gid=7">');
    expect(mail.html).toContain('李&lt;摄影&gt;');
    expect(mail.html).not.toContain('<摄影>');
  });

  it('tells a stand-in for whom they receive it, and managers to see a missed reply called back', () => {
    const c = caseOf('261123-001', '2026-11-23T10:00');
    const mail = escalationDigest(
      { ...wang, standingInFor: { name: '王主管', roles: ['store_supervisor'] } },
      [item(c, 'supervisor', 'supervisor', 'reply')],
      ctx,
    );
    expect(mail.text).toContain(
      '您代 王主管 接收此消息（王主管 不在）/ You receive this standing in for 王主管 (absent)',
    );
    expect(mail.text).toContain('立即致电顾客，再次道歉');
    const soon = escalationDigest(
      wang,
      [item(caseOf('261123-003', '2026-11-23T12:00'), 'warn', 'owner')],
      ctx,
    );
    expect(soon.subject).toBe('[提醒 Reminder] 投诉期限 Complaint deadlines: 1 项即将到期 / 1 due soon');
    expect(soon.text).toContain('还剩 1 小时 30 分钟 / due in 1 h 30 min');
  });

  it('never carries the customer’s name, phone, email or words, and says where contacts are', () => {
    const c = caseOf('261123-001', '2026-11-23T10:00');
    const mail = escalationDigest(
      wang,
      [item(c, 'supervisor', 'supervisor'), item(c, 'supervisor', 'owner', 'reply')],
      ctx,
    );
    for (const text of [mail.subject, mail.text, mail.html ?? '']) {
      expect(text).not.toMatch(/张|13912345678|zhang@|修片变形/);
    }
    expect(mail.text).toContain('顾客联系方式只在案例表中查看');
    // Without a sheet sync yet: the case number and the tab, no link.
    expect(
      escalationDigest(wang, [item(c, 'warn', 'owner')], { ...ctx, casesTabUrl: undefined }).text,
    ).toContain("在管理表 Cases 表中查找案例编号 Find case no 261123-001 in the sheet's Cases tab");
  });
});

describe('customerApology', () => {
  it('apologises in the customer’s language for the late reply, to their own address only', () => {
    const c = caseOf('261123-001', '2026-11-23T10:00');
    const zh = customerApology(c, {
      lists: R.lists,
      timeZone: 'Asia/Shanghai',
      statusLink: (n, lang) => `https://cases.example/status?case=${n}&lang=${lang}`,
    });
    expect(zh?.to).toEqual(['zhang@example.com']);
    expect(zh?.text).toContain('我们曾承诺在 2026/11/24 10:00 前答复您，但没有按时做到，非常抱歉。');
    expect(zh?.text).toContain(
      '随时点击此链接查看进度：https://cases.example/status?case=261123-001&lang=zh-CN',
    );
    const en = customerApology({ ...c, language: 'en' }, { lists: R.lists, timeZone: 'Asia/Shanghai' });
    expect(en?.subject).toBe('Our apologies about your feedback (case 261123-001)');
    expect(
      customerApology(
        { ...c, complainant: { name: 'x', phone: '13912345678' } },
        { lists: R.lists, timeZone: 'UTC' },
      ),
    ).toBeUndefined();
  });
});

describe('duration', () => {
  it('reads at a manager’s precision', () => {
    expect(duration(45 * 60_000)).toEqual({ zh: '45 分钟', en: '45 min' });
    expect(duration(3 * 3_600_000)).toEqual({ zh: '3 小时', en: '3 h' });
    expect(duration(50 * 3_600_000)).toEqual({ zh: '2 天 2 小时', en: '2 d 2 h' });
  });
});
