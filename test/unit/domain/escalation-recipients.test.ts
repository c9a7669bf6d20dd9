/** Whom each escalation step reaches: the owner, the store supervisors, the executive managers, with stand-ins. */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.js';
import { addresseesOf } from '../../../shared/domain/escalation-recipients.js';
import type { Roster, StaffMember } from '../../../shared/domain/roster.js';
import { newCase } from '../../support/builders.js';

const li: StaffMember = { name: '李摄影', roles: ['handler'], email: 'li@studio.example' };
const wang: StaffMember = {
  name: '王主管',
  roles: ['store_supervisor'],
  email: 'wang@studio.example',
  absentFrom: '2026-11-24',
  absentUntil: '2026-11-24',
  standIn: '钱主管',
};
const qian: StaffMember = { name: '钱主管', roles: ['department_head'], email: 'qian@studio.example' };
const zhao: StaffMember = { name: '赵经理', roles: ['executive_manager'], email: 'zhao@studio.example' };
const chatOnly: StaffMember = { name: '小周', roles: ['handler'], chatId: 'zhou' };
const roster: Roster = {
  members: [li, wang, qian, zhao, chatOnly],
  source: 'sheet',
  updatedAt: '2026-11-22T00:00:00Z',
};
const owned = (owner?: string): Case => ({ ...newCase(), ...(owner ? { owner } : {}) });
const who = (
  c: Case,
  deadline: 'investigate' | 'reply',
  step: 'warn' | 'supervisor' | 'executive',
  day = '2026-11-23',
) => addresseesOf(c, deadline, step, roster, day).map((a) => [a.as, a.member.name, a.standingInFor?.name]);

describe('addresseesOf', () => {
  it('warns the owner, tells the store supervisor at the breach and the executive manager after', () => {
    expect(who(owned('李摄影'), 'investigate', 'warn')).toEqual([['owner', '李摄影', undefined]]);
    expect(who(owned('李摄影'), 'investigate', 'supervisor')).toEqual([['supervisor', '王主管', undefined]]);
    expect(who(owned('李摄影'), 'investigate', 'executive')).toEqual([['executive', '赵经理', undefined]]);
  });

  it('sends an absent supervisor’s messages to their stand-in, saying for whom', () => {
    expect(who(owned('李摄影'), 'investigate', 'supervisor', '2026-11-24')).toEqual([
      ['supervisor', '钱主管', '王主管'],
    ]);
  });

  it('warns the supervisor when the case has no owner, or an owner nobody can email', () => {
    expect(who(owned(), 'investigate', 'warn')).toEqual([['supervisor', '王主管', undefined]]);
    expect(who(owned('not in the staff tab'), 'investigate', 'warn')).toEqual([
      ['supervisor', '王主管', undefined],
    ]);
    expect(who(owned('小周'), 'investigate', 'warn')).toEqual([['supervisor', '王主管', undefined]]);
  });

  it('tells the owner too when a promised reply is missed (call the customer and apologise again)', () => {
    expect(who(owned('李摄影'), 'reply', 'supervisor')).toEqual([
      ['owner', '李摄影', undefined],
      ['supervisor', '王主管', undefined],
    ]);
    // The owner is the supervisor: one message.
    expect(who(owned('王主管'), 'reply', 'supervisor')).toEqual([['owner', '王主管', undefined]]);
  });

  it('goes one level up when nobody holds a role', () => {
    const noSupervisor: Roster = { ...roster, members: [li, zhao] };
    expect(
      addresseesOf(owned(), 'investigate', 'supervisor', noSupervisor, '2026-11-23').map(
        (a) => a.member.name,
      ),
    ).toEqual(['赵经理']);
  });
});
