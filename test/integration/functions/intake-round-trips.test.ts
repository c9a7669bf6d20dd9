/**
 * What one submission asks of DynamoDB before its transaction. The round trips before it were the rate
 * counter, the idempotency read, the contact lookup and the sequence number; now only the contact lookup
 * (one query per contact, in parallel) comes first: the key, the number and the quota are conditions of
 * the transaction itself.
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

const submit = (i: number, headers: Record<string, string>) =>
  fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      name: `客${i}`,
      phone: `1390000${String(i).padStart(4, '0')}`,
      description: '等待太久',
      category: 'delay',
      idempotencyKey: `round-trips-${local.env.tag}-${i}`,
    }),
  });

describe('intake round trips', () => {
  it('a signed-in phone: one contact query, then the one transaction', async () => {
    const first = await submit(0, { ...local.staffCode });
    expect(first.status).toBe(201);
    const session = { cookie: (first.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    const sent = await commandsOf(async () => expect((await submit(1, session)).status).toBe(201));
    expect(sent.slice(0, sent.indexOf('TransactWriteCommand') + 1)).toEqual([
      'QueryCommand',
      'TransactWriteCommand',
    ]);
    // After it, with no email address given, nothing.
    expect(sent).toHaveLength(2);
  });

  it('an API client sending the staff code each time: the same, the sign-in limit checked in the transaction', async () => {
    const sent = await commandsOf(async () => expect((await submit(2, local.staffCode)).status).toBe(201));
    expect(sent).toEqual(['QueryCommand', 'TransactWriteCommand']);
  });
});
