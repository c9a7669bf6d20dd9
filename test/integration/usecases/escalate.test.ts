/**
 * The escalation sweep on DynamoDB Local, the SES stand-in and the robots' stand-in (a DingTalk robot for
 * the store supervisors), counting the messages that arrive: each step reaches each person once, whatever
 * fires twice, overlaps, crashes, fails or was down for two days, and nothing goes about a case resolved
 * just before the send. Cases are received Monday 2026-11-23 10:00 (24 h to investigate: due Tuesday
 * 10:00; the owner is warned at 09:00 when the studio opens, the executive manager hears Wednesday 10:00).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import type { Mailer } from '../../../shared/ports/mailer.js';
import { local, scenario } from '../../support/escalation.js';
import { robotMessages, robotStandIn, sesEmails, setupLocalEnv } from '../../support/local-env.js';

beforeAll(async () => {
  await setupLocalEnv();
});

const MONDAY = '2026-11-23T10:00';
const count = async (to: string) => (await sesEmails(to)).length;

describe('the escalation sweep', () => {
  it('warns the owner, tells the supervisor and the executive, once each, one digest per person, most overdue first', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    await s.received('261123-002', '2026-11-23T09:30');
    expect(await s.sweep('2026-11-24T08:45')).toMatchObject({ looked: 2, warned: 0, emails: 0 });
    expect(await s.sweep('2026-11-24T09:00')).toMatchObject({ warned: 2, emails: 1 });
    const [digest] = await sesEmails(s.email.owner);
    expect(digest?.subject).toBe('[提醒 Reminder] 投诉期限 Complaint deadlines: 2 项即将到期 / 2 due soon');
    const text = digest?.body.text ?? '';
    expect(text.indexOf('261123-002')).toBeLessThan(text.indexOf('261123-001'));
    expect(text).toContain('还剩 30 分钟 / due in 30 min');
    expect(digest?.body.html).toContain('<ol>');

    // The schedule fires twice: nothing more.
    expect(await s.sweep('2026-11-24T09:00')).toMatchObject({ looked: 0, emails: 0 });
    expect(await s.sweep('2026-11-24T10:00')).toMatchObject({ escalated: 2, emails: 1, robotMessages: 1 });
    expect(await s.sweep('2026-11-25T10:00')).toMatchObject({ escalated: 2, emails: 1 });
    expect(await s.sweep('2026-11-26T10:00')).toMatchObject({ looked: 0 });
    expect([
      await count(s.email.owner),
      await count(s.email.supervisor),
      await count(s.email.executive),
    ]).toEqual([1, 1, 1]);
    const [post] = await robotMessages(s.robotToken);
    expect(post?.outcome).toBe('ok');
    expect(post?.body).toMatchObject({
      msgtype: 'markdown',
      at: { atMobiles: ['13800000001'], isAtAll: false },
    });
    const stored = await s.cases.get('261123-001');
    expect(stored?.escalation).toMatchObject({ level: 2, next: 'never' });
    expect(stored?.escalation.steps?.map((r) => [r.step, r.sent])).toEqual([
      ['warn', true],
      ['supervisor', true],
      ['executive', true],
    ]);
    const events = await s.cases.listEvents('261123-001');
    expect(events.map((e) => e.action).slice(-3)).toEqual(['warned', 'escalated', 'escalated']);
  });

  it('lets two overlapping sweeps send each step once between them', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    await s.received('261123-002', MONDAY);
    await Promise.all([
      s.sweep('2026-11-24T10:00'),
      s.sweep('2026-11-24T10:00'),
      s.sweep('2026-11-24T10:00'),
    ]);
    await Promise.all([s.sweep('2026-11-24T10:15'), s.sweep('2026-11-24T10:15')]);
    const mail = await sesEmails(s.email.supervisor);
    const headings = (text: string, mark: string) =>
      [...text.matchAll(new RegExp(`${mark} (261123-\\d{3})`, 'g'))].map((m) => m[1]);
    expect(mail.flatMap((m) => headings(m.body.text ?? '', '\\d\\.')).sort()).toEqual([
      '261123-001',
      '261123-002',
    ]);
    const posts = await robotMessages(s.robotToken);
    expect(posts.flatMap((m) => headings(JSON.stringify(m.body), '■')).sort()).toEqual([
      '261123-001',
      '261123-002',
    ]);
    expect(await count(s.email.owner)).toBe(0);
  });

  it('sends a step recorded by a sweep that died before sending, once, after its claims ran out', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    // The run records the step, then dies (Lambda's timeout) before it sends anything.
    const dying: CaseRepository = {
      ...s.cases,
      update: async (next, version, event) => {
        await s.cases.update(next, version, event);
        return new Promise<never>(() => undefined);
      },
    };
    void s.sweep('2026-11-24T10:00', { cases: dying });
    await expect.poll(async () => (await s.cases.get('261123-001'))?.escalation.level).toBe(1);
    expect(await s.sweep('2026-11-24T10:00:30')).toMatchObject({ looked: 0 });
    expect(await s.sweep('2026-11-24T10:15')).toMatchObject({
      looked: 1,
      escalated: 0,
      emails: 1,
      robotMessages: 1,
    });
    expect(await s.sweep('2026-11-24T10:30')).toMatchObject({ looked: 0 });
    expect(await count(s.email.supervisor)).toBe(1);
    expect(await robotMessages(s.robotToken)).toHaveLength(1);
  });

  it('sends a digest whose run died while sending, once, when the next sweep finds its claims run out', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    let reached: () => void = () => undefined;
    const inSend = new Promise<void>((ok) => {
      reached = ok;
    });
    const hanging: Mailer = {
      send: () => {
        reached();
        return new Promise<never>(() => undefined);
      },
    };
    void s.sweep('2026-11-24T09:00', { mailer: hanging });
    await inSend;
    // Within its claim, another run sends nothing; after it, the warning goes out once.
    expect(await s.sweep('2026-11-24T09:00:30')).toMatchObject({ emails: 0 });
    expect(await s.sweep('2026-11-24T09:15')).toMatchObject({ emails: 1 });
    expect(await s.sweep('2026-11-24T09:30')).toMatchObject({ emails: 0 });
    expect(await count(s.email.owner)).toBe(1);
  });

  it('retries a failed email and a failed robot post at the next sweep, once', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    await robotStandIn({ token: s.robotToken, fail: 1 });
    const refusing: Mailer = {
      send: async () => {
        throw new Error('SES: throttled');
      },
    };
    expect(await s.sweep('2026-11-24T10:00', { mailer: refusing })).toMatchObject({
      escalated: 1,
      emails: 0,
      robotMessages: 0,
      failed: 2,
    });
    expect((await s.cases.get('261123-001'))?.escalation.next).toBe(local('2026-11-24T10:00'));
    expect(await s.sweep('2026-11-24T10:15')).toMatchObject({
      escalated: 0,
      emails: 1,
      robotMessages: 1,
      failed: 0,
    });
    expect(await s.sweep('2026-11-24T10:30')).toMatchObject({ looked: 0 });
    expect(await count(s.email.supervisor)).toBe(1);
    expect((await robotMessages(s.robotToken)).map((m) => m.outcome)).toEqual(['failed (injected)', 'ok']);
  });

  it('catches up after two days of downtime with one message at the current level', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    expect(await s.sweep('2026-11-26T09:05')).toMatchObject({
      escalated: 1,
      skipped: 2,
      emails: 1,
      robotMessages: 0,
    });
    expect([
      await count(s.email.owner),
      await count(s.email.supervisor),
      await count(s.email.executive),
    ]).toEqual([0, 0, 1]);
    const [mail] = await sesEmails(s.email.executive);
    expect(mail?.body.text).toContain('已逾期 1 天 23 小时 / overdue by 1 d 23 h');
    const steps = (await s.cases.get('261123-001'))?.escalation.steps ?? [];
    expect(steps.map((r) => [r.step, r.skipped ?? false])).toEqual([
      ['warn', true],
      ['supervisor', true],
      ['executive', false],
    ]);
  });

  it('sends nothing about a case resolved a minute before the send', async () => {
    const s = await scenario();
    await s.received('261123-001', MONDAY);
    await s.received('261123-002', MONDAY);
    // 001: the findings arrive a minute before the sweep. 002: between the sweep's record and its send.
    await s.change('261123-001', { findings: '已核实：修片失误' }, '2026-11-24T09:59');
    const racing: CaseRepository = {
      ...s.cases,
      update: async (next, version, event) => {
        await s.cases.update(next, version, event);
        if (next.caseNo === '261123-002')
          await s.change('261123-002', { findings: '已核实' }, '2026-11-24T10:00');
      },
    };
    expect(await s.sweep('2026-11-24T10:00', { cases: racing })).toMatchObject({
      escalated: 1,
      emails: 0,
      robotMessages: 0,
    });
    expect(await count(s.email.supervisor)).toBe(0);
    expect(await robotMessages(s.robotToken)).toEqual([]);
  });

  it('waits for opening hours, but tells the executive of a critical case at once, at night', async () => {
    const s = await scenario();
    await s.received('261123-001', '2026-11-23T22:00', { submission: { category: 'privacy' } });
    await s.received('261123-002', '2026-11-22T01:00'); // Sunday night: due Monday 01:00
    expect(await s.sweep('2026-11-24T02:05')).toMatchObject({ warned: 0, escalated: 1, emails: 1 });
    expect(await count(s.email.executive)).toBe(1);
    expect(await count(s.email.supervisor)).toBe(0);
    const [mail] = await sesEmails(s.email.executive);
    expect(mail?.subject).toMatch(/^\[严重 Critical\] \[升级 Escalation\]/);
  });

  it('sends an absent supervisor’s messages to the stand-in, who is told for whom', async () => {
    const s = await scenario({ absentDay: '2026-11-24' });
    await s.received('261123-001', MONDAY);
    await s.sweep('2026-11-24T10:00');
    expect(await count(s.email.supervisor)).toBe(0);
    const [mail] = await sesEmails(s.email.standIn);
    expect(mail?.body.text).toContain(
      '您代 王主管 接收此消息（王主管 不在）/ You receive this standing in for 王主管 (absent)',
    );
  });

  it('tells the owner of a missed promised reply to call and apologise, apologises to the customer if asked, and never shows a contact', async () => {
    const s = await scenario({ settings: { customerApology: true } });
    const customer = `customer-${s.tag}@example.com`;
    await s.received('261123-001', MONDAY, {
      submission: {
        channel: 'phone',
        name: '张三',
        phone: '13912345678',
        email: customer,
        description: '电话 13912345678 投诉',
      },
    });
    await s.sweep('2026-11-24T10:00');
    const [owner] = await sesEmails(s.email.owner);
    expect(owner?.body.text).toContain('立即致电顾客，再次道歉');
    const [apology] = await sesEmails(customer);
    expect(apology?.destination.to).toEqual([customer]);
    expect(apology?.body.text).toContain('非常抱歉');
    await s.sweep('2026-11-24T10:15');
    expect(await count(customer)).toBe(1);
    const staffMessages = [...(await sesEmails(s.email.owner)), ...(await sesEmails(s.email.supervisor))].map(
      (m) => `${m.subject} ${m.body.text} ${m.body.html}`,
    );
    const robot = (await robotMessages(s.robotToken)).map((m) => JSON.stringify(m.body));
    for (const text of [...staffMessages, ...robot]) {
      expect(text).not.toMatch(/13912345678|张三|customer-/);
    }
  });
});
