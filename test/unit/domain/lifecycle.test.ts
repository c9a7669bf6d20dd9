/** applyChange: the procedure's steps, their guards, closed cases, versions and the audit trail. */
import { describe, expect, it } from 'vitest';
import type { CasePatch, CaseStatus } from '../../../shared/domain/case.js';
import { DomainError } from '../../../shared/domain/errors.js';
import { applyChange } from '../../../shared/domain/lifecycle.js';
import { manager, newCase, newCaseWithEvent, refusal, staff } from '../../support/builders.js';
import { beyondPolicy, caseAt, change, decision, R, T, withinPolicy } from '../../support/lifecycle.js';

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
