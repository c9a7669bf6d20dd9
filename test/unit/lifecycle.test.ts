import { describe, expect, it } from 'vitest';
import type { Case, CasePatch, CaseStatus } from '../../shared/domain/case.js';
import { DomainError } from '../../shared/domain/errors.js';
import { applyChange, type ChangeRequest, type ChangeResult } from '../../shared/domain/lifecycle.js';
import {
  hoursAfter,
  manager,
  newCase,
  newCaseWithEvent,
  RECEIVED_AT,
  refusal,
  rules,
  staff,
} from '../support/builders.js';

const R = rules();

/** applyChange with the staff actor by default and an explicit instant. */
function change(c: Case, req: Partial<ChangeRequest>, when: string): ChangeResult {
  return applyChange(c, { patch: {}, actor: staff, ...req }, new Date(when), R);
}

const decision = {
  findings: '后期修片时误用液化工具，三张照片脸部变形。',
  substantiated: true,
  correctiveAction: '重新精修三张照片，由后期主管复核后交付。',
} satisfies CasePatch;
const withinPolicy = { description: '赠送一本小相册', amount: 300, beyondPolicy: false };
const beyondPolicy = { description: '全额退款', amount: 8800, beyondPolicy: true };

// The happy path on explicit instants (Asia/Shanghai, Mon–Fri 09:00–18:00).
const T = {
  received: RECEIVED_AT, // Fri 2026-11-20 10:00 local
  investigating: '2026-11-20T03:00:00.000Z',
  decided: '2026-11-20T07:00:00.000Z',
  resolved: '2026-11-23T03:00:00.000Z', // Mon 11:00 local
  notified: '2026-11-24T03:00:00.000Z', // Tue 11:00 local
  closed: '2026-11-26T03:00:00.000Z',
  reopened: '2026-12-01T02:00:00.000Z',
};

const HAPPY: { to: CaseStatus; patch: CasePatch; at: string }[] = [
  { to: 'investigating', patch: { owner: '李店长' }, at: T.investigating },
  { to: 'decided', patch: { ...decision, compensation: withinPolicy }, at: T.decided },
  { to: 'resolved', patch: {}, at: T.resolved },
  { to: 'notified', patch: { notifyMethod: 'phone' }, at: T.notified },
  { to: 'closed', patch: { satisfaction: 'satisfied' }, at: T.closed },
];

/** A case walked along the happy path up to `status`. */
function caseAt(status: CaseStatus, start: Case = newCase()): Case {
  let c = start;
  for (const step of HAPPY) {
    if (c.status === status) break;
    c = change(c, { to: step.to, patch: step.patch }, step.at).next;
  }
  expect(c.status).toBe(status);
  return c;
}

describe('the happy path', () => {
  it('walks received → investigating → decided → resolved → notified → closed', () => {
    const c0 = newCase();
    expect(c0).toMatchObject({ status: 'received', version: 1, reopenCount: 0 });
    expect(c0.nextDue).toEqual({ kind: 'investigate', dueAt: '2026-11-21T02:00:00.000Z' });

    const r1 = change(c0, { to: 'investigating', patch: { owner: '李店长' } }, T.investigating);
    expect(r1.next).toMatchObject({ status: 'investigating', version: 2, owner: '李店长' });
    expect(r1.event).toMatchObject({
      caseNo: c0.caseNo,
      seq: 2,
      at: T.investigating,
      action: 'transition',
      from: 'received',
      to: 'investigating',
      actor: staff,
      changes: [{ field: 'owner', to: '李店长' }],
    });
    expect(r1.event?.note).toBeUndefined();

    const r2 = change(
      r1.next,
      { to: 'decided', patch: { ...decision, compensation: withinPolicy } },
      T.decided,
    );
    expect(r2.next).toMatchObject({ status: 'decided', version: 3, investigatedAt: T.decided });
    // Fri 20 15:00 local → three working days → Wed 25 18:00 local to complete the handling.
    const resolveDue = '2026-11-25T10:00:00.000Z';
    expect(r2.next.deadlines).toEqual([
      { kind: 'investigate', dueAt: '2026-11-21T02:00:00.000Z', metAt: T.decided },
      { kind: 'resolve', dueAt: resolveDue },
    ]);
    expect(r2.next.nextDue).toEqual({ kind: 'resolve', dueAt: resolveDue });
    expect(r2.next.escalation).toEqual({ level: 0, deadline: 'resolve', dueAt: resolveDue });

    const r3 = change(r2.next, { to: 'resolved' }, T.resolved);
    expect(r3.next).toMatchObject({ status: 'resolved', version: 4, resolvedAt: T.resolved });
    expect(r3.next.deadlines.find((d) => d.kind === 'resolve')).toEqual({
      kind: 'resolve',
      dueAt: resolveDue,
      metAt: T.resolved,
    });
    // Mon 23 → five working days → Mon 30 18:00 local.
    expect(r3.next.nextDue).toEqual({ kind: 'notify', dueAt: '2026-11-30T10:00:00.000Z' });
    expect(r3.next.escalation).toEqual({ level: 0, deadline: 'notify', dueAt: '2026-11-30T10:00:00.000Z' });

    const r4 = change(r3.next, { to: 'notified', patch: { notifyMethod: 'phone' } }, T.notified);
    expect(r4.next).toMatchObject({
      status: 'notified',
      version: 5,
      notifiedAt: T.notified,
      notifyMethod: 'phone',
    });
    // Tue 24 → three working days → Fri 27 18:00 local.
    expect(r4.next.nextDue).toEqual({ kind: 'follow_up', dueAt: '2026-11-27T10:00:00.000Z' });

    const r5 = change(r4.next, { to: 'closed', patch: { satisfaction: 'satisfied' } }, T.closed);
    expect(r5.next).toMatchObject({
      status: 'closed',
      version: 6,
      satisfaction: 'satisfied',
      followedUpAt: T.closed,
      closedAt: T.closed,
      updatedAt: T.closed,
    });
    expect(r5.next.nextDue).toBeUndefined();
    expect(r5.next.deadlines.map((d) => d.kind)).toEqual(['investigate', 'resolve', 'notify', 'follow_up']);
    expect(r5.next.deadlines.every((d) => d.metAt)).toBe(true);
    expect(r5.next.escalation).toEqual({ level: 0 });
    expect([r1, r2, r3, r4, r5].map((r) => r.event?.seq)).toEqual([2, 3, 4, 5, 6]);
  });

  it('goes through awaiting_approval when compensation is beyond policy', () => {
    const inv = caseAt('investigating');
    const waiting = change(
      inv,
      { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
      T.decided,
    );
    expect(waiting.next).toMatchObject({ status: 'awaiting_approval', investigatedAt: T.decided });

    const approvedAt = '2026-11-20T09:00:00.000Z';
    const approved = applyChange(
      waiting.next,
      {
        patch: { compensation: { ...beyondPolicy, approvedBy: '赵执行经理' } },
        to: 'decided',
        actor: manager,
      },
      new Date(approvedAt),
      R,
    );
    expect(approved.next.status).toBe('decided');
    expect(approved.next.compensation).toEqual({ ...beyondPolicy, approvedBy: '赵执行经理', approvedAt });
    expect(approved.event).toMatchObject({ from: 'awaiting_approval', to: 'decided', actor: manager });
  });

  it('does not mutate the case it is given', () => {
    const c = caseAt('investigating');
    const before = structuredClone(c);
    change(c, { to: 'decided', patch: decision }, T.decided);
    expect(() => change(c, { to: 'decided', patch: { findings: 'x' } }, T.decided)).toThrow(DomainError);
    expect(c).toEqual(before);
  });
});

describe('guards', () => {
  it.each<[string, CasePatch, RegExp]>([
    ['without findings', { substantiated: false }, /record the investigation findings first/],
    [
      'without saying whether substantiated',
      { findings: '已调查' },
      /say whether the complaint is substantiated/,
    ],
    [
      'substantiated without a corrective action',
      { findings: '已调查', substantiated: true },
      /a substantiated complaint needs a corrective action/,
    ],
    [
      'with compensation beyond policy and no approver',
      { ...decision, compensation: beyondPolicy },
      /executive manager's approval/,
    ],
  ])('refuses "decided" %s', (_, patch, reason) => {
    const e = refusal(() => change(caseAt('investigating'), { to: 'decided', patch }, T.decided));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot become "decided"/);
    expect(e.message).toMatch(reason);
  });

  it('accepts an unsubstantiated complaint without corrective action (a full explanation instead)', () => {
    const { next } = change(
      caseAt('investigating'),
      { to: 'decided', patch: { findings: '照片符合合同约定的修片标准。', substantiated: false } },
      T.decided,
    );
    expect(next.status).toBe('decided');
  });

  it('allows awaiting_approval for unapproved beyond-policy compensation only', () => {
    const inv = caseAt('investigating');
    expect(
      change(inv, { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } }, T.decided)
        .next.status,
    ).toBe('awaiting_approval');
    const within = refusal(() =>
      change(inv, { to: 'awaiting_approval', patch: { ...decision, compensation: withinPolicy } }, T.decided),
    );
    expect(within.kind).toBe('transition');
    expect(within.message).toMatch(/only compensation beyond policy needs approval/);
    const none = refusal(() => change(inv, { to: 'awaiting_approval', patch: decision }, T.decided));
    expect(none.message).toMatch(/only compensation beyond policy needs approval/);
    const approved = refusal(() =>
      change(
        inv,
        {
          to: 'awaiting_approval',
          patch: { ...decision, compensation: { ...beyondPolicy, approvedBy: '赵执行经理' } },
        },
        T.decided,
      ),
    );
    expect(approved.message).toMatch(/already approved/);
    const noFindings = refusal(() =>
      change(inv, { to: 'awaiting_approval', patch: { compensation: beyondPolicy } }, T.decided),
    );
    expect(noFindings.message).toMatch(/record the investigation findings first/);
  });

  it('needs the approver to leave awaiting_approval for decided', () => {
    const waiting = change(
      caseAt('investigating'),
      { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
      T.decided,
    ).next;
    const e = refusal(() => change(waiting, { to: 'decided' }, T.resolved));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/executive manager's approval/);
    // An empty approver is no approver.
    expect(() =>
      change(
        waiting,
        { to: 'decided', patch: { compensation: { ...beyondPolicy, approvedBy: '' } } },
        T.resolved,
      ),
    ).toThrow(/approval/);
    // Approval refused: back to investigating to rework the decision.
    const back = change(waiting, { to: 'investigating' }, T.resolved);
    expect(back.next.status).toBe('investigating');
    expect(back.event?.action).toBe('transition');
    expect(back.next.reopenCount).toBe(0);
  });

  it('needs the notify method to become notified', () => {
    const e = refusal(() => change(caseAt('resolved'), { to: 'notified' }, T.notified));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot become "notified": say how the customer was told the result/);
  });

  it('needs the satisfaction to close', () => {
    const e = refusal(() => change(caseAt('notified'), { to: 'closed' }, T.closed));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot become "closed": record the follow-up satisfaction/);
  });

  it('keeps a decision complete after "decided": edits that would undo it are refused', () => {
    const decided = caseAt('decided');
    const unapproved = refusal(() => change(decided, { patch: { compensation: beyondPolicy } }, T.resolved));
    expect(unapproved.kind).toBe('transition');
    expect(unapproved.message).toMatch(/executive manager's approval/);
    // Nor by jumping past "decided" in the same change.
    expect(() =>
      change(decided, { to: 'resolved', patch: { compensation: beyondPolicy } }, T.resolved),
    ).toThrow(/approval/);
    expect(() => change(caseAt('resolved'), { patch: { findings: '' } }, T.notified)).toThrow(
      /record the investigation findings first/,
    );
    // With the approver the same edit is fine.
    const approved = change(
      decided,
      { patch: { compensation: { ...beyondPolicy, approvedBy: '赵执行经理' } }, to: 'resolved' },
      T.resolved,
    );
    expect(approved.next.status).toBe('resolved');
    expect(approved.next.compensation?.approvedAt).toBe(T.resolved);
  });
});

describe('forward jumps', () => {
  it('goes received → resolved in one change when every step holds, noting the path', () => {
    const c = newCase();
    const { next, event } = change(
      c,
      { to: 'resolved', patch: { ...decision, compensation: withinPolicy } },
      T.decided,
    );
    expect(next).toMatchObject({
      status: 'resolved',
      version: 2,
      investigatedAt: T.decided,
      resolvedAt: T.decided,
    });
    expect(event).toMatchObject({
      action: 'transition',
      from: 'received',
      to: 'resolved',
      note: 'received → investigating → decided → resolved',
    });
    // Investigated and resolved at the same instant: the resolve deadline is born met.
    expect(next.deadlines.map((d) => d.kind)).toEqual(['investigate', 'resolve', 'notify']);
    expect(next.deadlines.find((d) => d.kind === 'resolve')).toEqual({
      kind: 'resolve',
      dueAt: '2026-11-25T10:00:00.000Z',
      metAt: T.decided,
    });
    expect(next.nextDue).toEqual({ kind: 'notify', dueAt: '2026-11-27T10:00:00.000Z' });
  });

  it('handles a small complaint on the spot: received → closed', () => {
    const { next, event } = change(
      newCase(),
      {
        to: 'closed',
        patch: { ...decision, notifyMethod: 'in_person', satisfaction: 'satisfied' },
        note: '现场处理完毕',
      },
      T.decided,
    );
    expect(next).toMatchObject({
      status: 'closed',
      resolvedAt: T.decided,
      notifiedAt: T.decided,
      closedAt: T.decided,
    });
    expect(next.nextDue).toBeUndefined();
    expect(event?.note).toBe('现场处理完毕');
  });

  it('skips awaiting_approval when compensation is within policy or already approved', () => {
    const within = change(
      newCase(),
      { to: 'decided', patch: { ...decision, compensation: withinPolicy } },
      T.decided,
    );
    expect(within.event?.note).toBe('received → investigating → decided');
    const approved = change(
      newCase(),
      { to: 'resolved', patch: { ...decision, compensation: { ...beyondPolicy, approvedBy: '赵执行经理' } } },
      T.decided,
    );
    expect(approved.event?.note).toBe('received → investigating → decided → resolved');
  });

  it('passes awaiting_approval on a jump when approval is needed, and stops there if asked to', () => {
    const toWaiting = change(
      newCase(),
      { to: 'awaiting_approval', patch: { ...decision, compensation: beyondPolicy } },
      T.decided,
    );
    expect(toWaiting.event?.note).toBe('received → investigating → awaiting_approval');
    const e = refusal(() =>
      change(newCase(), { to: 'resolved', patch: { ...decision, compensation: beyondPolicy } }, T.decided),
    );
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot become "decided".*approval/);
  });

  it('refuses the whole jump when a later step fails', () => {
    const c = newCase();
    const e = refusal(() => change(c, { to: 'notified', patch: decision }, T.decided));
    expect(e.message).toMatch(/cannot become "notified"/);
    expect(c.status).toBe('received');
  });
});

describe('backward moves', () => {
  it.each<[CaseStatus, CaseStatus]>([
    ['resolved', 'decided'],
    ['notified', 'resolved'],
    ['closed', 'notified'],
    ['resolved', 'awaiting_approval'],
    ['notified', 'awaiting_approval'],
    ['investigating', 'received'],
    ['decided', 'received'],
    ['resolved', 'received'],
    ['closed', 'received'],
  ])('refuses %s → %s', (from, to) => {
    const e = refusal(() => change(caseAt(from), { to, patch: { reopenReason: '客户申诉' } }, T.reopened));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/cannot (move a case|return to|become)/);
  });

  it('names the move it refuses', () => {
    expect(() => change(caseAt('resolved'), { to: 'decided' }, T.reopened)).toThrow(
      'cannot move a case from "resolved" back to "decided"',
    );
  });

  it('lets decided go back to investigating without counting a reopening', () => {
    const { next, event } = change(caseAt('decided'), { to: 'investigating' }, T.resolved);
    expect(next).toMatchObject({ status: 'investigating', reopenCount: 0, findings: decision.findings });
    expect(next.reopenedAt).toBeUndefined();
    expect(event?.action).toBe('transition');
  });
});

describe('reopening on appeal', () => {
  it.each<CaseStatus>(['resolved', 'notified', 'closed'])('needs a reason to reopen a %s case', (status) => {
    const e = refusal(() => change(caseAt(status), { to: 'investigating' }, T.reopened));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/reopening on appeal needs a reason/);
  });

  it.each<CaseStatus>(['resolved', 'notified', 'closed'])(
    'reopens a %s case and restarts the procedure',
    (status) => {
      const before = caseAt(status);
      const { next, event } = change(
        before,
        { to: 'investigating', patch: { reopenReason: '客户认为重修后仍不满意' } },
        T.reopened,
      );
      expect(next).toMatchObject({
        status: 'investigating',
        reopenCount: 1,
        reopenedAt: T.reopened,
        reopenReason: '客户认为重修后仍不满意',
        findings: decision.findings, // earlier findings stay on record
        version: before.version + 1,
      });
      for (const k of [
        'resolvedAt',
        'notifiedAt',
        'notifyMethod',
        'followedUpAt',
        'closedAt',
        'satisfaction',
        'investigatedAt',
      ] as const) {
        expect(next[k], k).toBeUndefined();
      }
      // The 24 h investigation restarts from the reopening, not from receipt.
      expect(next.nextDue).toEqual({ kind: 'investigate', dueAt: hoursAfter(T.reopened, 24) });
      expect(next.deadlines).toEqual([{ kind: 'investigate', dueAt: hoursAfter(T.reopened, 24) }]);
      expect(next.escalation).toEqual({
        level: 0,
        deadline: 'investigate',
        dueAt: hoursAfter(T.reopened, 24),
      });
      expect(event).toMatchObject({ action: 'reopened', from: status, to: 'investigating' });
    },
  );

  it('counts every reopening', () => {
    const once = change(
      caseAt('closed'),
      { to: 'investigating', patch: { reopenReason: '第一次申诉' } },
      T.reopened,
    ).next;
    let c = once;
    const later = [
      { to: 'decided', patch: {}, at: '2026-12-01T06:00:00.000Z' },
      { to: 'resolved', patch: {}, at: '2026-12-02T06:00:00.000Z' },
    ] as const;
    for (const s of later) c = change(c, { to: s.to, patch: s.patch }, s.at).next;
    const twice = change(
      c,
      { to: 'investigating', patch: { reopenReason: '第二次申诉' } },
      '2026-12-03T06:00:00.000Z',
    );
    expect(twice.next.reopenCount).toBe(2);
    expect(twice.next.reopenedAt).toBe('2026-12-03T06:00:00.000Z');
  });

  it('keeps a promised reply met by the earlier notification', () => {
    const phoneCase = newCase({ submission: { channel: 'phone' } });
    expect(phoneCase.promisedReplyAt).toBe(hoursAfter(RECEIVED_AT, 24));
    const notified = caseAt('notified', phoneCase);
    expect(notified.deadlines.find((d) => d.kind === 'reply')?.metAt).toBe(T.notified);
    const { next } = change(
      notified,
      { to: 'investigating', patch: { reopenReason: '客户申诉' } },
      T.reopened,
    );
    expect(next.deadlines.find((d) => d.kind === 'reply')?.metAt).toBe(T.notified);
    expect(next.nextDue?.kind).toBe('investigate');
  });
});

describe('closed cases', () => {
  const closed = caseAt('closed');

  it('refuse field edits and say how to proceed', () => {
    const e = refusal(() => change(closed, { patch: { description: '改写', owner: '别人' } }, T.reopened));
    expect(e.kind).toBe('transition');
    expect(e.message).toMatch(/is closed: reopen it/);
    expect(e.message).toMatch(/description, owner/);
    expect(() => change(closed, { patch: { reopenReason: '申诉' } }, T.reopened)).toThrow(/closed/);
    expect(() => change(closed, { to: 'closed', patch: { satisfaction: 'neutral' } }, T.reopened)).toThrow(
      /closed/,
    );
  });

  it('accept notes and the root cause', () => {
    const { next, event } = change(
      closed,
      { patch: { notes: '每日小结会已讨论', rootCause: '修片流程缺少复核' } },
      T.reopened,
    );
    expect(next).toMatchObject({ status: 'closed', version: closed.version + 1, notes: '每日小结会已讨论' });
    expect(next.nextDue).toBeUndefined();
    expect(event).toMatchObject({ action: 'updated' });
    expect(event?.from).toBeUndefined();
    expect(event?.changes.map((ch) => ch.field)).toEqual(['notes', 'rootCause']);
  });

  it('accept a full row re-sent unchanged apart from notes (the sheet door)', () => {
    const { next } = change(
      closed,
      { patch: { description: closed.description, owner: closed.owner, notes: '补充备注' } },
      T.reopened,
    );
    expect(next.notes).toBe('补充备注');
  });
});

describe('versions and no-op changes', () => {
  it('produces no event and no version bump when nothing changes', () => {
    const c = caseAt('investigating');
    for (const req of [
      { patch: {} },
      { patch: { owner: '李店长' } },
      { patch: { owner: '  李店长 ' } }, // trimmed to the same value
      { to: 'investigating' as const, patch: {} },
    ]) {
      const r = change(c, req, T.decided);
      expect(r.event).toBeUndefined();
      expect(r.next).toBe(c);
    }
  });

  it('records a note alone as an event and bumps the version by one', () => {
    const c = caseAt('investigating');
    const { next, event } = change(c, { note: '已致电客户致歉' }, T.decided);
    expect(next.version).toBe(c.version + 1);
    expect(event).toMatchObject({
      action: 'updated',
      note: '已致电客户致歉',
      changes: [],
      seq: next.version,
    });
  });

  it('bumps the version by exactly one for a change of many fields and several steps', () => {
    const c = newCase();
    const { next } = change(
      c,
      { to: 'notified', patch: { ...decision, owner: '李店长', notifyMethod: 'wechat', notes: '当面道歉' } },
      T.decided,
    );
    expect(next.version).toBe(c.version + 1);
  });
});

describe('audit events', () => {
  it('record actor, door, from/to and the changed fields', () => {
    const c = caseAt('investigating');
    const api = { id: 'ops-script', door: 'api' } as const;
    const { event } = applyChange(c, { patch: decision, to: 'decided', actor: api }, new Date(T.decided), R);
    expect(event?.actor).toEqual(api);
    expect(event).toMatchObject({ from: 'investigating', to: 'decided', at: T.decided });
    expect(event?.changes.map((ch) => ch.field)).toEqual([
      'correctiveAction',
      'findings',
      'investigatedAt',
      'substantiated',
    ]);
    expect(event?.changes.find((ch) => ch.field === 'findings')).toEqual({
      field: 'findings',
      to: decision.findings,
    });
  });

  it('records a cleared field with its old value only', () => {
    const { next, event } = change(caseAt('investigating'), { patch: { owner: '' } }, T.decided);
    expect(next.owner).toBeUndefined();
    expect(event?.changes).toEqual([{ field: 'owner', from: '李店长' }]);
  });

  it('never contain the raw phone or email', () => {
    const created = newCaseWithEvent({ submission: { email: 'Zhang.San@Example.com' } });
    const createdJson = JSON.stringify(created.event);
    expect(createdJson).not.toContain('13800138000');
    expect(createdJson.toLowerCase()).not.toContain('zhang.san@example.com');
    expect(createdJson).toContain('138****8000');

    const { event } = change(
      created.case,
      {
        patch: {
          complainant: {
            name: '张三丰',
            phone: '+86 139 1234 5678',
            email: 'li.si@qq.com',
            wechat: 'wxid_zs',
          },
        },
      },
      T.decided,
    );
    const json = JSON.stringify(event);
    for (const raw of [
      '13912345678',
      '139 1234 5678',
      'li.si@qq.com',
      'zhang.san@example.com',
      'wxid_zs',
      '张三丰',
    ]) {
      expect(json).not.toContain(raw);
    }
    expect(event?.changes).toEqual([
      {
        field: 'complainant',
        from: { name: '张*', phone: '138****8000', email: 'z***@example.com' },
        to: { name: '张**', phone: '139****5678', email: 'l***@qq.com', wechat: '***' },
      },
    ]);
  });
});

describe('derived timestamps', () => {
  it('sets investigatedAt when findings are first recorded, and keeps it', () => {
    const c = caseAt('investigating');
    const first = change(c, { patch: { findings: '初步调查：客户所述属实。' } }, T.decided).next;
    expect(first.investigatedAt).toBe(T.decided);
    expect(first.status).toBe('investigating');
    expect(first.deadlines[0]).toMatchObject({ kind: 'investigate', metAt: T.decided });
    const edited = change(
      first,
      { patch: { findings: '调查结论：客户所述属实，修片失误。' } },
      T.resolved,
    ).next;
    expect(edited.investigatedAt).toBe(T.decided);
  });

  it('sets approvedAt when the approver is first set, and keeps a given one', () => {
    const c = caseAt('investigating');
    const approved = change(
      c,
      { patch: { compensation: { ...beyondPolicy, approvedBy: '赵执行经理' } } },
      T.decided,
    ).next;
    expect(approved.compensation?.approvedAt).toBe(T.decided);
    const given = change(
      c,
      {
        patch: {
          compensation: { ...beyondPolicy, approvedBy: '赵执行经理', approvedAt: '2026-11-20T06:30:00Z' },
        },
      },
      T.decided,
    ).next;
    expect(given.compensation?.approvedAt).toBe('2026-11-20T06:30:00.000Z');
    const unapproved = change(c, { patch: { compensation: beyondPolicy } }, T.decided).next;
    expect(unapproved.compensation?.approvedAt).toBeUndefined();
  });
});

describe('escalation', () => {
  it('starts critical cases at the executive manager and keeps them there', () => {
    const c = newCase({ submission: { category: 'privacy' } });
    expect(c.severity).toBe('critical');
    expect(c.escalation).toEqual({ level: 2, deadline: 'investigate', dueAt: hoursAfter(RECEIVED_AT, 4) });
    expect(c.nextDue?.dueAt).toBe(hoursAfter(RECEIVED_AT, 4));
    const next = change(c, { to: 'investigating', patch: { owner: '李店长' } }, T.investigating).next;
    expect(next.escalation).toEqual(c.escalation);
    // Even after the decision, on the next deadline.
    const decided = change(next, { to: 'decided', patch: decision }, T.decided).next;
    expect(decided.escalation).toEqual({ level: 2, deadline: 'resolve', dueAt: '2026-11-25T10:00:00.000Z' });
  });
});

describe('patch validation', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown field', { caseNo: '261120-999' }, 'caseNo', 'unknown_field'],
    ['a bookkeeping field', { version: 9 }, 'version', 'unknown_field'],
    ['a bad category code', { category: 'bogus' }, 'category', 'invalid_option'],
    ['a bad notify method', { notifyMethod: 'pigeon' }, 'notifyMethod', 'invalid_option'],
    ['a bad request code', { requests: ['refund', 'bogus'] }, 'requests', 'invalid_option'],
    ['a NUL in notes', { notes: 'a\u0000b' }, 'notes', 'control_chars'],
    ['a bidi override in findings', { findings: '\u202E已调查' }, 'findings', 'control_chars'],
    ['a newline in a one-line field', { owner: '李\n店长' }, 'owner', 'control_chars'],
    ['an over-long owner', { owner: 'x'.repeat(101) }, 'owner', 'too_long:100'],
    ['an empty description', { description: '  ' }, 'description', 'required'],
    ['an impossible date', { repliedAt: '2026-02-30T10:00' }, 'repliedAt', 'invalid_date'],
    ['a wrong type', { substantiated: 'yes' }, 'substantiated', 'invalid'],
    [
      'a negative amount',
      { compensation: { description: '退款', amount: -1, beyondPolicy: false } },
      'compensation',
      '',
    ],
  ])('refuses %s as a validation error naming the field', (_, patch, field, code) => {
    const e = refusal(() => change(caseAt('investigating'), { patch: patch as CasePatch }, T.decided));
    expect(e.kind).toBe('validation');
    expect(e.issues.map((i) => i.field)).toContain(field);
    if (code) expect(e.issues.find((i) => i.field === field)?.code).toBe(code);
  });

  it('accepts newlines in multi-line fields and normalises times to ISO instants', () => {
    const { next } = change(
      caseAt('investigating'),
      { patch: { notes: '第一行\r\n第二行', repliedAt: '2026-11-20T12:00+08:00' } },
      T.decided,
    );
    expect(next.notes).toBe('第一行\n第二行');
    expect(next.repliedAt).toBe('2026-11-20T04:00:00.000Z');
  });

  it('checks the patch before the transition', () => {
    const e = refusal(() =>
      change(caseAt('resolved'), { to: 'decided', patch: { bogus: 1 } as CasePatch }, T.notified),
    );
    expect(e.kind).toBe('validation');
  });
});

describe('createCase', () => {
  it('registers a received case with its investigation deadline and a created event', () => {
    const { case: c, event } = newCaseWithEvent();
    expect(c).toMatchObject({
      status: 'received',
      version: 1,
      source: 'form',
      channel: 'web_form',
      severity: 'normal',
      receivedDay: '2026-11-20',
      repeat: false,
      relatedCases: [],
      createdAt: RECEIVED_AT,
    });
    expect(c.promisedReplyAt).toBeUndefined();
    expect(event).toMatchObject({ action: 'created', seq: 1, to: 'received', caseNo: c.caseNo });
    expect(event.changes.map((ch) => ch.field)).not.toContain('createdAt');
  });

  it('dates the case on the business calendar', () => {
    // 01:00 on Saturday in Shanghai is still Friday in UTC.
    expect(newCase({ receivedAt: '2026-11-20T17:00:00.000Z' }).receivedDay).toBe('2026-11-21');
  });

  it.each([
    ['privacy', 'normal', false, 'critical'],
    ['safety', 'normal', false, 'critical'],
    ['quality', 'normal', true, 'high'],
    ['quality', 'high', true, 'high'],
    ['quality', 'critical', true, 'critical'],
    ['quality', 'high', false, 'high'],
    ['quality', 'normal', false, 'normal'],
  ])('category %s, severity %s, repeat %s → %s', (category, severity, repeat, expected) => {
    const { case: c, event } = newCaseWithEvent({
      submission: { category, severity },
      earlierCases: repeat ? ['261101-003', '261110-001'] : [],
    });
    expect(c.severity).toBe(expected);
    expect(c.repeat).toBe(repeat);
    if (repeat) expect(event.note).toBe('repeat complainant: earlier cases 261101-003, 261110-001');
  });

  it('promises phone and online complainants a reply, or keeps the promised time given', () => {
    const online = newCase({ submission: { channel: 'online' } });
    expect(online.promisedReplyAt).toBe(hoursAfter(RECEIVED_AT, 24));
    expect(online.deadlines).toContainEqual({ kind: 'reply', dueAt: hoursAfter(RECEIVED_AT, 24) });
    const soon = newCase({ submission: { channel: 'phone' }, promisedReplyAt: hoursAfter(RECEIVED_AT, 2) });
    expect(soon.nextDue).toEqual({ kind: 'reply', dueAt: hoursAfter(RECEIVED_AT, 2) });
    const promised = hoursAfter(RECEIVED_AT, 3);
    expect(newCase({ promisedReplyAt: promised }).promisedReplyAt).toBe(promised);
  });

  it('refuses a future receipt and a promise before receipt', () => {
    const future = refusal(() => newCase({ now: RECEIVED_AT, receivedAt: hoursAfter(RECEIVED_AT, 1) }));
    expect(future.kind).toBe('validation');
    expect(future.issues).toEqual([expect.objectContaining({ field: 'receivedAt', code: 'future_date' })]);
    const early = refusal(() => newCase({ promisedReplyAt: hoursAfter(RECEIVED_AT, -1) }));
    expect(early.issues).toEqual([
      expect.objectContaining({ field: 'promisedReplyAt', code: 'before_received' }),
    ]);
  });
});
