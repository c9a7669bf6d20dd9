/**
 * The outbox, end to end on DynamoDB Local and the SES stand-in: a case saved while SES is down keeps its
 * emails owed; once SES is back the scheduled `send-owed-emails` sends each of them once — however often
 * and however overlapping it runs — and a crash between sending and clearing never sends one twice.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { invokeFunction } from '../../../local/handlers.js';
import { makeDynamoOutbox, outboxItem } from '../../../shared/adapters/dynamodb/outbox.js';
import type { OwedEmailsReport } from '../../../shared/usecases/send-owed-emails.js';
import { useFaultProxy } from '../../support/fault-proxy.js';
import { caseRepository, documentClient, sesEmails, useTestGateway } from '../../support/local-env.js';

const ses = useFaultProxy('sesUrl');
const local = useTestGateway(async () => ({ SES_ENDPOINT: ses.url(), RATE_LIMIT_SUBMIT_PER_HOUR: '1000' }));

const outbox = () => makeDynamoOutbox(documentClient(), local.env.tableName);
const owed = async () =>
  (await outbox().listOwed('9999')).items.map((e) => ({ caseNo: e.caseNo, keys: [...e.keys].sort() }));

/** A run of the drain as the scheduler starts it, `minutes` from now (past the entries' settling time). */
const drain = async (minutes = 2) =>
  (await invokeFunction('send-owed-emails', {
    schedule: 'send-owed-emails',
    scheduledTime: new Date(Date.now() + minutes * 60_000).toISOString(),
  })) as OwedEmailsReport;

/** A critical complaint with the customer's email: it owes an acknowledgment and an executive alert. */
async function submitCritical(name: string): Promise<{ caseNo: string; email: string; status: number }> {
  const email = `${name}-${local.env.tag}@example.com`;
  const res = await fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...local.staffCode },
    body: JSON.stringify({ name: '邮件欠账', email, description: '客户照片被泄露', category: 'privacy' }),
  });
  return { ...((await res.json()) as { caseNo: string }), email, status: res.status };
}

/** Emails of one case: to the customer, and to the executive manager about it. */
async function emailsOf(caseNo: string, email: string) {
  const alerts = (await sesEmails(local.env.env.EXEC_MANAGER_EMAILS)).filter((m) =>
    m.subject.includes(caseNo),
  );
  return { customer: (await sesEmails(email)).length, exec: alerts.length };
}

describe('emails owed by new cases (the outbox)', () => {
  it('a case saved while SES is down gets each email once after SES is back: drains twice and overlapping', async () => {
    ses.set('down');
    const { caseNo, email, status } = await submitCritical('outage');
    expect(status).toBe(201);
    expect(await owed()).toEqual([{ caseNo, keys: [`ack#${caseNo}`, `critical#${caseNo}`] }]);

    // Still down: the drain sends nothing and keeps the entry.
    expect(await drain()).toEqual({ owed: 1, cleared: 0, left: [caseNo] });
    expect(await emailsOf(caseNo, email)).toEqual({ customer: 0, exec: 0 });

    ses.set('pass');
    // An entry younger than the settling time belongs to its own request: not yet the drain's.
    expect(await drain(0)).toEqual({ owed: 0, cleared: 0, left: [] });
    // Two overlapping runs may each win one email's claim: each then leaves the entry for the next run,
    // which finds both sent and clears it. Either way every email goes out once.
    const runs = [...(await Promise.all([drain(), drain()])), await drain()];
    expect(await emailsOf(caseNo, email)).toEqual({ customer: 1, exec: 1 });
    expect(runs.reduce((n, r) => n + r.cleared, 0)).toBe(1);
    expect(await drain()).toEqual({ owed: 0, cleared: 0, left: [] });
    expect(await owed()).toEqual([]);
    expect(await caseRepository().listEvents(caseNo)).toHaveLength(1);
  });

  it('with SES up the request sends its emails itself and leaves nothing owed', async () => {
    ses.set('pass');
    const { caseNo, email } = await submitCritical('direct');
    expect(await owed()).toEqual([]);
    expect(await drain()).toEqual({ owed: 0, cleared: 0, left: [] });
    expect(await emailsOf(caseNo, email)).toEqual({ customer: 1, exec: 1 });
  });

  it('a crash between sending and clearing: the drain finds the emails sent (the ledger), sends none again', async () => {
    ses.set('pass');
    const { caseNo, email } = await submitCritical('crash');
    const c = await caseRepository().get(caseNo);
    if (!c) throw new Error('case not saved');
    // What such a crash leaves: the emails out and recorded, the entry still there.
    await documentClient().send(
      new PutCommand({
        TableName: local.env.tableName,
        Item: outboxItem(c, [`ack#${caseNo}`, `critical#${caseNo}`]),
      }),
    );
    expect(await drain()).toEqual({ owed: 1, cleared: 1, left: [] });
    expect(await emailsOf(caseNo, email)).toEqual({ customer: 1, exec: 1 });
    expect(await owed()).toEqual([]);
  });
});
