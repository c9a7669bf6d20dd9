/**
 * SES failing after the case was recorded: the case stands (201), the emails wait; the retry of the same
 * submission (the page's script or the staff member sends it again with its key) sends each email once,
 * and every later retry sends none — counted in the SES stand-in.
 */
import { describe, expect, it } from 'vitest';
import { useFaultProxy } from '../../support/fault-proxy.js';
import { caseRepository, sesEmails, useTestGateway } from '../../support/local-env.js';

const ses = useFaultProxy('sesUrl');
const local = useTestGateway(async () => ({ SES_ENDPOINT: ses.url(), RATE_LIMIT_SUBMIT_PER_HOUR: '1000' }));

const submit = (key: string, email: string) =>
  fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...local.staffCode,
      'idempotency-key': key,
    },
    body: JSON.stringify({
      name: '邮件故障',
      email,
      description: '客户照片被泄露',
      category: 'privacy', // critical: the executive manager is emailed too
    }),
  });

describe('SES failing after the case was recorded', () => {
  it.each([
    ['down', 'connections refused'],
    ['hang', 'answers nothing until the SDK gives up'],
  ] as const)(
    'SES %s (%s): the case stands; the retry sends each email once, later ones none',
    async (mode, _what) => {
      const email = `ses-${mode}-${local.env.tag}@example.com`;
      const key = `ses-${mode}-${local.env.tag}`;
      ses.set(mode);
      const first = await submit(key, email);
      expect(first.status).toBe(201);
      const { caseNo } = (await first.json()) as { caseNo: string };
      expect(await caseRepository().get(caseNo)).toMatchObject({ severity: 'critical' });
      expect(await sesEmails(email)).toHaveLength(0);

      ses.set('pass');
      for (let i = 0; i < 3; i++) {
        const again = await submit(key, email);
        expect(again.status).toBe(200);
        expect(((await again.json()) as { caseNo: string }).caseNo).toBe(caseNo);
      }
      expect(await sesEmails(email)).toHaveLength(1);
      const alerts = (await sesEmails(local.env.env.EXEC_MANAGER_EMAILS)).filter((m) =>
        m.subject.includes(caseNo),
      );
      expect(alerts).toHaveLength(1);
      expect(await caseRepository().listEvents(caseNo)).toHaveLength(1);
    },
    30_000,
  );
});
