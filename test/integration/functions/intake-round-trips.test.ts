/**
 * What one submission asks of DynamoDB. The round trips before its transaction were the rate counter,
 * the idempotency read, the contact lookup and the sequence number; now none: the key, the number, the
 * quota and "this complainant is new" are conditions of the transaction itself. A returning complainant
 * makes that last one fail, and costs one read of their contacts' summaries and the transaction again.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { useTestGateway } from '../../support/local-env.js';

const local = useTestGateway({ RATE_LIMIT_SUBMIT_PER_HOUR: '1000' });

/** The DynamoDB commands the handlers send while `fn` runs, in order. */
async function commandsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = DynamoDBDocumentClient.prototype.send;
  const spy = vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation(function (
    this: DynamoDBDocumentClient,
    command: { constructor: { name: string } },
    ...rest: unknown[]
  ) {
    sent.push(command.constructor.name);
    return (original as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
  } as never);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return sent;
}

const submit = (i: number, headers: Record<string, string>, attempt = 0) =>
  fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      name: `客${i}`,
      phone: `1390000${String(i).padStart(4, '0')}`,
      description: '等待太久',
      category: 'delay',
      idempotencyKey: `round-trips-${local.env.tag}-${i}-${attempt}`,
    }),
  });

describe('intake round trips', () => {
  it('a signed-in phone, a first-time complainant: the one transaction and nothing else', async () => {
    const first = await submit(0, { ...local.staffCode });
    expect(first.status).toBe(201);
    const session = { cookie: (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    // With no email address given, nothing follows it either.
    const sent = await commandsOf(async () => expect((await submit(1, session)).status).toBe(201));
    expect(sent).toEqual(['TransactWriteCommand']);
  });

  it('an API client sending the staff code each time: the same, the sign-in limit checked in the transaction', async () => {
    const sent = await commandsOf(async () => expect((await submit(2, local.staffCode)).status).toBe(201));
    expect(sent).toEqual(['TransactWriteCommand']);
  });

  it('a returning complainant: the refused transaction, one read of their summaries, the transaction again', async () => {
    const first = await submit(3, local.staffCode);
    const { caseNo } = (await first.json()) as { caseNo: string };
    let again: Response | undefined;
    const sent = await commandsOf(async () => {
      again = await submit(3, local.staffCode, 1);
    });
    expect(sent).toEqual(['TransactWriteCommand', 'BatchGetCommand', 'TransactWriteCommand']);
    expect(again?.status).toBe(201);
    expect(await again?.json()).toMatchObject({ repeat: true, relatedCases: [caseNo], relatedCount: 1 });
  });
});
