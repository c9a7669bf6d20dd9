/** Who gets the reports: the configured list, else the roster's managers (stand-ins for the absent), else the environment's. */
import { describe, expect, it } from 'vitest';
import type { Roster } from '../../../shared/domain/roster.js';
import { reportRecipients } from '../../../shared/usecases/report-recipients.js';

const env = { recipients: [], execManagers: ['boss@studio.example'], supervisors: ['store@studio.example'] };
const roster: Roster = {
  source: 'sheet',
  updatedAt: '2026-11-20T00:00:00Z',
  members: [
    {
      name: '李主管',
      roles: ['store_supervisor'],
      email: 'li@studio.example',
      absentFrom: '2026-11-20',
      standIn: 'Wang',
    },
    { name: 'Wang', roles: ['department_head'], email: 'wang@studio.example' },
    { name: '小王', roles: ['handler'], email: 'xiaowang@studio.example' },
    { name: '赵经理', roles: ['executive_manager'], email: 'WANG@studio.example' },
  ],
};

describe('reportRecipients', () => {
  it("sends to the roster's managers, a stand-in for the absent, each address once, no handlers", () => {
    expect(reportRecipients('2026-11-19', roster, env)).toEqual(['li@studio.example', 'WANG@studio.example']);
    expect(reportRecipients('2026-11-20', roster, env)).toEqual(['WANG@studio.example']);
  });

  it('prefers the configured list, and falls back to the environment without a roster', () => {
    expect(reportRecipients('2026-11-20', roster, { ...env, recipients: ['heads@studio.example'] })).toEqual([
      'heads@studio.example',
    ]);
    expect(reportRecipients('2026-11-20', undefined, env)).toEqual([
      'boss@studio.example',
      'store@studio.example',
    ]);
  });
});
