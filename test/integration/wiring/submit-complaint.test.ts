/**
 * Registering a complaint from a function with no HTTP settings at all — as the sheet sync will: the
 * core and mail wiring alone hash the contacts, write the case and send its emails with the status link.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHttpConfig } from '../../../shared/config.js';
import { parseSubmission } from '../../../shared/domain/submission.js';
import { wireCore } from '../../../shared/wiring/core.js';
import { wireMail } from '../../../shared/wiring/mail.js';
import { wireSubmitComplaint } from '../../../shared/wiring/submit-complaint.js';
import { caseRepository, type LocalEnv, sesEmails, setupLocalEnv } from '../../support/local-env.js';

let env: LocalEnv;

beforeAll(async () => {
  env = await setupLocalEnv({ PUBLIC_URL: 'https://cases.studio.example/' });
  delete process.env.STAFF_ACCESS_CODE;
  delete process.env.FORM_ORIGIN;
});

describe('wireSubmitComplaint', () => {
  it('creates cases and sends their emails from core and mail settings only', async () => {
    expect(() => loadHttpConfig()).toThrow(/STAFF_ACCESS_CODE is missing/);
    const core = wireCore('sync-sheet');
    const submitComplaint = wireSubmitComplaint(core, wireMail(core, { timeoutSeconds: 60 }));
    const email = `sheet-${env.tag}@example.com`;
    const row = (description: string) =>
      parseSubmission(core.rules.lists, {
        name: '表格录入',
        email,
        description,
        category: 'privacy',
        channel: 'sheet',
        language: 'en',
      });
    const manager = { id: 'manager@studio.example', door: 'sheet' as const };

    const first = await submitComplaint(row('客户照片被发到朋友圈'), manager);
    expect(first).toMatchObject({ created: true, case: { source: 'sheet', severity: 'critical' } });
    const [ack] = await sesEmails(email);
    expect(ack?.body.text).toContain('https://cases.studio.example/status');
    const alerts = await sesEmails(env.env.EXEC_MANAGER_EMAILS);
    expect(alerts.map((m) => m.subject)).toContain(`[严重投诉 Critical] ${first.case.caseNo}`);

    // The contact hashes come from the core wiring: the same customer again is linked.
    const again = await submitComplaint(row('又一次'), manager);
    expect(again.case.relatedCases).toEqual([first.case.caseNo]);
    expect(await caseRepository().get(again.case.caseNo)).toMatchObject({ repeat: true });
  });
});
