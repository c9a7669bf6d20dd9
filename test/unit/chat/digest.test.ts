/** A robot's digest: most overdue first, split under the robot's size cap, never an item cut in two. */
import { describe, expect, it } from 'vitest';
import { wecomRobot } from '../../../shared/adapters/robots/wecom.js';
import { robotDigest } from '../../../shared/chat/digest.js';
import type { EscalationItem } from '../../../shared/mail/escalation-text.js';
import { newCase, rules } from '../../support/builders.js';

const local = (text: string) => new Date(`${text}+08:00`).toISOString();
const ctx = { lists: rules().lists, timeZone: 'Asia/Shanghai', now: new Date(local('2026-11-24T10:30')) };
const wecom = wecomRobot('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');

function items(n: number): EscalationItem[] {
  return Array.from({ length: n }, (_, i) => {
    const c = newCase({
      caseNo: `261123-${String(i + 1).padStart(3, '0')}`,
      receivedAt: local('2026-11-23T08:00'),
    });
    const dueAt = new Date(Date.parse(local('2026-11-24T08:00')) + (n - i) * 60_000).toISOString();
    return {
      case: c,
      record: { deadline: 'investigate', dueAt, step: 'supervisor', at: dueAt },
      as: 'supervisor',
    };
  });
}

describe('robotDigest', () => {
  it('puts a few steps in one message, most overdue first, mentioning the people concerned', () => {
    const [part, ...more] = robotDigest('store_supervisor', items(3), ['13800000001'], ctx, wecom);
    expect(more).toEqual([]);
    expect(part?.message.title).toBe(
      '[升级 Escalation] 投诉期限 Complaint deadlines: 3 项已逾期 / 3 overdue · 门店主管 Store supervisor',
    );
    expect(part?.message.text.match(/^■ (\S+)/gm)).toEqual(['■ 261123-003', '■ 261123-002', '■ 261123-001']);
    expect(part?.message.mentions).toEqual(['13800000001']);
  });

  it('splits a long digest into numbered messages under 4096 bytes, each item whole and once', () => {
    const all = items(40);
    const parts = robotDigest('store_supervisor', all, ['13800000001'], ctx, wecom);
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(wecom.size(p.message)).toBeLessThanOrEqual(4096);
      expect(p.message.title).toMatch(new RegExp(`\\(${i + 1}/${parts.length}\\)$`));
      expect(p.message.text.match(/^■ /gm)).toHaveLength(p.items.length);
    }
    expect(parts.flatMap((p) => p.items.map((x) => x.case.caseNo)).sort()).toEqual(
      all.map((x) => x.case.caseNo).sort(),
    );
  });

  it('cuts an item alone over the cap rather than drop it', () => {
    const tiny = { ...wecom, limits: { ...wecom.limits, maxBytes: 600 } };
    const [part] = robotDigest('store_supervisor', items(1), [], ctx, tiny);
    expect(wecom.size(part?.message ?? { title: '', text: '', mentions: [] })).toBeLessThanOrEqual(600);
    expect(part?.message.text.endsWith('…')).toBe(true);
  });
});
