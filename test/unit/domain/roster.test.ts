import { describe, expect, it } from 'vitest';
import {
  findMember,
  holdersOf,
  isAbsent,
  presentFor,
  type Roster,
  rosterFromAddresses,
  type StaffMember,
} from '../../../shared/domain/roster.js';

const li: StaffMember = {
  name: '李主管',
  roles: ['store_supervisor'],
  email: 'li@studio.example',
  absentFrom: '2026-11-23',
  absentUntil: '2026-11-25',
  standIn: 'Wang',
};
const wang: StaffMember = { name: 'Wang', roles: ['department_head'], email: 'wang@studio.example' };
const zhao: StaffMember = { name: '赵经理', roles: ['executive_manager'], email: 'zhao@studio.example' };
const roster: Roster = { members: [li, wang, zhao], source: 'sheet', updatedAt: '2026-11-22T00:00:00Z' };

describe('roster', () => {
  it('finds members by name whatever the case, width or spacing staff typed', () => {
    expect(findMember(roster, ' wang ')?.email).toBe('wang@studio.example');
    expect(findMember(roster, 'Ｗａｎｇ')?.name).toBe('Wang');
    expect(findMember(roster, 'nobody')).toBeUndefined();
    expect(findMember(roster, undefined)).toBeUndefined();
  });

  it('counts absence days inclusively, with open ends', () => {
    expect(isAbsent(li, '2026-11-22')).toBe(false);
    expect(isAbsent(li, '2026-11-23')).toBe(true);
    expect(isAbsent(li, '2026-11-25')).toBe(true);
    expect(isAbsent(li, '2026-11-26')).toBe(false);
    expect(isAbsent({ ...wang, absentFrom: '2026-11-01' }, '2030-01-01')).toBe(true);
    expect(isAbsent({ ...wang, absentUntil: '2026-11-01' }, '2020-01-01')).toBe(true);
    expect(isAbsent(wang, '2026-11-23')).toBe(false);
  });

  it("sends an absent supervisor's messages to the stand-in, and says whom they replace", () => {
    expect(holdersOf(roster, 'store_supervisor', '2026-11-22')).toEqual([{ member: li }]);
    expect(holdersOf(roster, 'store_supervisor', '2026-11-24')).toEqual([
      { member: wang, standingInFor: li },
    ]);
    expect(holdersOf(roster, 'executive_manager', '2026-11-24')).toEqual([{ member: zhao }]);
  });

  it('gives no one when the stand-in chain loops or ends with someone absent', () => {
    const a: StaffMember = { name: 'A', roles: ['store_supervisor'], absentFrom: '2026-11-01', standIn: 'B' };
    const b: StaffMember = { name: 'B', roles: ['handler'], absentFrom: '2026-11-01', standIn: 'A' };
    const looped: Roster = { ...roster, members: [a, b] };
    expect(presentFor(looped, a, '2026-11-24')).toBeUndefined();
    expect(holdersOf(looped, 'store_supervisor', '2026-11-24')).toEqual([]);
  });

  it('builds the fallback roster from the environment address lists', () => {
    const r = rosterFromAddresses(
      { execManagers: ['boss@studio.example'], supervisors: ['store@studio.example'] },
      new Date('2026-11-22T01:00:00Z'),
    );
    expect(r.source).toBe('environment');
    expect(holdersOf(r, 'store_supervisor', '2026-11-24').map((x) => x.member.email)).toEqual([
      'store@studio.example',
    ]);
    expect(holdersOf(r, 'executive_manager', '2026-11-24').map((x) => x.member.email)).toEqual([
      'boss@studio.example',
    ]);
  });
});
