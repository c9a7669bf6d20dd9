/**
 * Case numbers are a register auditors read: a missing number looks like a deleted complaint. Failed
 * requests and the losers of an idempotency race must take no number.
 */
import { describe, expect, it } from 'vitest';
import { caseRepository, useTestGateway } from '../../support/local-env.js';

const local = useTestGateway({ RATE_LIMIT_SUBMIT_PER_HOUR: '1000' });

const complaint = (over: Record<string, unknown> = {}) => ({
  name: '编号测试',
  phone: '13911112222',
  description: '取件延误',
  category: 'delay',
  ...over,
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...local.staffCode,
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { caseNo?: string } };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const sequenceOf = (caseNo: string) => Number(caseNo.split('-')[1]);

describe('case numbers', () => {
  it('leave no gap after refused requests and a 32-way idempotency race', async () => {
    expect((await post(complaint())).status).toBe(201);
    // Refused after the contact lookup, where a number used to be taken already.
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await post(complaint({ receivedAt: future }))).status).toBe(422);
    const promisedEarly = { receivedAt: '2026-01-02T10:00', promisedReplyAt: '2026-01-01T10:00' };
    expect((await post(complaint(promisedEarly))).status).toBe(422);

    const key = `race-${local.env.tag}-000001`;
    const race = await Promise.all(
      Array.from({ length: 32 }, () => post(complaint({ name: '并发' }), { 'idempotency-key': key })),
    );
    expect(race.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(race.map((r) => r.body.caseNo)).size).toBe(1);
    expect((await post(complaint({ name: '最后' }))).status).toBe(201);

    const stored = (await caseRepository().listReceivedOn(today())).items.map((c) => sequenceOf(c.caseNo));
    stored.sort((a, b) => a - b);
    expect(stored).toEqual(stored.map((_, i) => i + 1));
    expect(stored).toHaveLength(3);
  });
});
