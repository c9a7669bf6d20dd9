import { describe, expect, it } from 'vitest';
import { readStaff, STAFF_COLUMNS, type StaffPositions } from '../../../shared/sheet/staff.js';

const at = Object.fromEntries(STAFF_COLUMNS.map((c, i) => [c.key, i])) as StaffPositions;
const now = new Date('2026-11-20T02:00:00Z');

describe('the Staff tab', () => {
  it('reads members with roles by label or code, absences and stand-ins', () => {
    const { roster, notes } = readStaff(
      [
        ['王店长', '门店主管, Handler', 'wang@studio.example', 'w01', '门市', 46350, '2026/11/27', '李经理'],
        ['李经理', 'executive_manager'],
        ['小赵'],
      ],
      at,
      now,
    );
    expect(roster.members).toEqual([
      {
        name: '王店长',
        roles: ['store_supervisor', 'handler'],
        email: 'wang@studio.example',
        chatId: 'w01',
        department: '门市',
        absentFrom: '2026-11-24',
        absentUntil: '2026-11-27',
        standIn: '李经理',
      },
      { name: '李经理', roles: ['executive_manager'] },
      { name: '小赵', roles: ['handler'] },
    ]);
    expect(notes).toEqual(['', '', '']);
    expect(roster).toMatchObject({ source: 'sheet', updatedAt: now.toISOString() });
  });

  it('skips and notes rows it cannot use; notes what it left out of a member', () => {
    const { roster, notes } = readStaff(
      [
        ['', '处理人', 'x@studio.example'],
        ['小赵', '厨师', 'not-an-email', '', '', 'soon', '', '没这人'],
        ['小赵 ', '处理人'],
        [],
      ],
      at,
      now,
    );
    expect(roster.members).toEqual([{ name: '小赵', roles: ['handler'], standIn: '没这人' }]);
    expect(notes[0]).toMatch(/^⚠ 缺少姓名/);
    expect(notes[1]).toMatch(/未知角色 unknown role "厨师".*邮箱无效.*日期无法识别.*代理人不在名单中/);
    expect(notes[2]).toMatch(/姓名重复（第 3 行）/);
    expect(notes[3]).toBe('');
  });
});
