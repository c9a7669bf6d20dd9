/**
 * DynamoDB Local killed under the running stack (`npm start`), with submissions under way: the stack says
 * so loudly and restarts it on the same data; submissions retried with their keys lose nothing and
 * double nothing.
 */
import { describe, expect, it } from 'vitest';
import { makeDynamoCaseRepository } from '../../../shared/adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../../../shared/adapters/dynamodb/client.js';
import { useLocalStack } from '../../support/local-stack.js';

describe('npm start with DynamoDB Local killed', () => {
  const local = useLocalStack();

  it('notices DynamoDB Local killed mid-run: says so loudly, restarts it on the same data; retried submissions lose nothing and double nothing', async () => {
    const stack = local.startStack();
    const banner = await stack.ready;
    const base = `http://127.0.0.1:${local.env.PORT}`;
    const pid = Number(/DynamoDB Local\s+\S+\s+\(pid (\d+)/.exec(banner)?.[1]);
    expect(pid).toBeGreaterThan(0);
    const tag = String(Date.now());
    const submit = (i: number) =>
      fetch(`${base}/complaints`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-staff-code': 'local-test-code',
          'idempotency-key': `killed-${tag}-${i}`,
        },
        body: JSON.stringify({
          name: `断电${i}`,
          phone: `1370000${String(i).padStart(4, '0')}`,
          email: `killed-${tag}-${i}@example.com`,
          description: '相册破损',
          category: 'quality',
        }),
      })
        .then((r) => r.status)
        .catch(() => 0);

    // Twelve submissions, four at a time; DynamoDB Local is killed while they are under way.
    const statuses = new Map<number, number>();
    const all = Array.from({ length: 12 }, (_, i) => i);
    for (let batch = 0; batch < 3; batch++) {
      const mine = all.slice(batch * 4, batch * 4 + 4);
      if (batch === 1) process.kill(pid, 'SIGKILL'); // the stack's own child, started by this test
      for (const [k, v] of await Promise.all(mine.map(async (i) => [i, await submit(i)] as const)))
        statuses.set(k, v);
    }
    await expect
      .poll(stack.output, { timeout: 60_000, interval: 250 })
      .toMatch(/\[dynamodb\] restarted \(pid \d+\)/);
    expect(stack.output()).toMatch(/\[dynamodb\] !!! dynamodb \(pid \d+\) stopped: killed by SIGKILL/);
    await expect.poll(async () => (await fetch(`${base}/health`)).status, { timeout: 30_000 }).toBe(200);

    // Whatever did not get its answer is sent again with its key, as the page's script does.
    for (const i of all) if (![200, 201].includes(statuses.get(i) ?? 0)) statuses.set(i, await submit(i));
    expect([...statuses.values()].every((s) => s === 200 || s === 201)).toBe(true);
    for (const i of all) expect(await submit(i)).toBe(200);

    const repo = makeDynamoCaseRepository(
      makeDocumentClient({
        region: 'ap-southeast-1',
        endpoint: `http://127.0.0.1:${local.env.DYNAMODB_PORT}`,
      }),
      'complaint-cases',
    );
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const mine = (await repo.listReceivedOn(day, { limit: 500 })).items.filter((c) =>
      c.complainant.name.startsWith('断电'),
    );
    expect(mine.map((c) => c.complainant.name).sort()).toEqual(all.map((i) => `断电${i}`).sort());
    const numbers = mine.map((c) => Number(c.caseNo.split('-')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i)); // no gap either
    const store = (await (await fetch(`http://127.0.0.1:${local.env.SES_PORT}/store`)).json()) as {
      emails: { destination: { to: string[] } }[];
    };
    for (const i of all)
      expect(
        store.emails.filter((m) => m.destination.to.includes(`killed-${tag}-${i}@example.com`)),
      ).toHaveLength(1);

    stack.child.kill('SIGINT');
    expect(await stack.exited).toBe(0);
  }, 180_000);
});
