/**
 * Repeat complainants: a case keeps the latest few earlier cases and a count, however many there were,
 * so a customer who complains often never grows a case toward DynamoDB's 400 KB item limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RELATED_CASES_KEPT } from '../../../shared/domain/create-case.js';
import { parseSubmission } from '../../../shared/domain/submission.js';
import type { SubmitComplaint } from '../../../shared/usecases/submit-complaint.js';
import { wireCore } from '../../../shared/wiring/core.js';
import { wireMail } from '../../../shared/wiring/mail.js';
import { wireSubmitComplaint } from '../../../shared/wiring/submit-complaint.js';
import { caseRepository, setupLocalEnv } from '../../support/local-env.js';

let submit: (over: Record<string, unknown>) => ReturnType<SubmitComplaint>;
beforeAll(async () => {
  await setupLocalEnv();
  const core = await wireCore('submit-complaint');
  const submitComplaint = wireSubmitComplaint(core, wireMail(core, { timeoutSeconds: 10 }));
  submit = (over) =>
    submitComplaint(
      parseSubmission(core.rules.lists, {
        name: '常客',
        description: '又延误了',
        category: 'delay',
        ...over,
      }),
      { id: 'front-desk', door: 'form' },
    );
});

describe('submitComplaint: repeat complainants', () => {
  it('keeps the latest few earlier cases and a count of all of them', async () => {
    const made: string[] = [];
    for (let i = 0; i < RELATED_CASES_KEPT + 4; i++)
      made.push((await submit({ phone: '13655550001' })).case.caseNo);
    const last = await submit({ phone: '+86 136 5555 0001', email: 'often@example.cn' });
    expect(last.case).toMatchObject({
      repeat: true,
      severity: 'high',
      relatedCount: made.length,
      relatedCases: made.slice(-RELATED_CASES_KEPT),
    });
    const events = await caseRepository().listEvents(last.case.caseNo);
    expect(events[0]?.note).toContain(`${made.length}`);
    expect(events[0]?.note).not.toContain(made[0]);
    // Counted through the other contact too.
    const byEmail = await submit({ email: 'often@example.cn' });
    expect(byEmail.case.relatedCount).toBe(made.length + 1);
  });

  it('a new complainant six times at once: all saved, each later case linked to those before it', async () => {
    const all = await Promise.all([1, 2, 3, 4, 5, 6].map(() => submit({ phone: '13655550777' })));
    const byNumber = all.map((r) => r.case).sort((a, b) => a.caseNo.localeCompare(b.caseNo));
    const numbers = byNumber.map((c) => c.caseNo);
    // Whichever was written first is the first case; each later one counts those before it.
    expect(byNumber.map((c) => c.relatedCount).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const c of byNumber) expect(c.relatedCases.every((n) => numbers.includes(n))).toBe(true);
    expect(byNumber.filter((c) => c.repeat)).toHaveLength(5);
  });

  it("never links strangers who typed the form's example number", async () => {
    await submit({ phone: '138 0013 8000' });
    const other = await submit({ phone: '138-0013-8000', name: '另一位' });
    expect(other.case).toMatchObject({ repeat: false, relatedCases: [], relatedCount: 0 });
  });
});
