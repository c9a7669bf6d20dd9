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
import { collectLogs, emfLines } from '../../support/logs.js';

let env: LocalEnv;

beforeAll(async () => {
  env = await setupLocalEnv({ PUBLIC_URL: 'https://cases.studio.example/' });
  delete process.env.STAFF_ACCESS_CODE;
  delete process.env.FORM_ORIGIN;
});

describe('wireSubmitComplaint', () => {
  it('creates cases and sends their emails from core and mail settings only', async () => {
    expect(() => loadHttpConfig()).toThrow(/FORM_ORIGIN is missing/);
    const core = await wireCore('sync-sheet');
    expect(core.secrets.has('STAFF_ACCESS_CODE')).toBe(false);
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

    const logs = collectLogs();
    const first = await submitComplaint(row('客户照片被发到朋友圈'), manager).finally(logs.restore);
    expect(first).toMatchObject({ created: true, case: { source: 'sheet', severity: 'critical' } });
    const [ack] = await sesEmails(email);
    expect(ack?.body.text).toContain('https://cases.studio.example/status');
    const alerts = await sesEmails(env.env.EXEC_MANAGER_EMAILS);
    expect(alerts.map((m) => m.subject)).toContain(`[严重投诉 Critical] ${first.case.caseNo}`);

    // The contact hashes come from the core wiring: the same customer again is linked.
    const again = await submitComplaint(row('又一次'), manager);
    expect(again.case.relatedCases).toEqual([first.case.caseNo]);
    expect(await caseRepository().get(again.case.caseNo)).toMatchObject({ repeat: true });

    // Counted as business metrics (CloudWatch embedded metric format): the case by its door, the emails.
    const metrics = emfLines(logs.text());
    expect(metrics.filter((m) => m.CasesCreated === 1)).toEqual([
      expect.objectContaining({ service: 'complaint-cases', door: 'sheet' }),
    ]);
    expect(metrics.filter((m) => m.EmailsSent === 1)).toHaveLength(2);
    expect(JSON.stringify(metrics)).not.toContain(email);
  });
});
