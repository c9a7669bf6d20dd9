/**
 * A bounded load run of the local gateway (autocannon, 127.0.0.1 only, a fixed number of requests with
 * a per-request timeout): signed-in phones submitting at 8 connections, a fifth of them replays of an
 * earlier submission. Afterwards: every submission is one case, none doubled,
 * numbers without gaps, one acknowledgment per customer, no 5xx. Speed is not asserted here (that is
 * `npm run bench`'s job); behaviour under load is.
 */
import autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { caseRepository, sesEmails, useTestGateway } from '../../support/local-env.js';

const local = useTestGateway({ RATE_LIMIT_SUBMIT_PER_HOUR: '100000', RATE_LIMIT_STATUS_PER_HOUR: '100000' });

const REQUESTS = 240;
const body = (n: number) =>
  JSON.stringify({
    name: `负载${n}`,
    phone: `1380001${String(n).padStart(4, '0')}`,
    ...(n % 4 === 0 ? { email: `load-${local.env.tag}-${n}@example.com` } : {}),
    description: `负载测试 ${n}：相册<b>延误</b> =HYPERLINK("x")`,
    category: 'delay',
    idempotencyKey: `load-${local.env.tag}-${n}`,
  });

describe('the gateway under load', () => {
  it(`keeps every submission one case through ${REQUESTS} requests at 8 connections`, async () => {
    const signIn = await fetch(`${local.url}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...local.staffCode },
      body: body(0),
    });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    let sent = 0;
    const submitted = new Set<number>([0]);
    const statuses: number[] = [];
    const result = await autocannon({
      url: local.url,
      connections: 8,
      amount: REQUESTS,
      timeout: 20,
      requests: [
        {
          method: 'POST',
          path: '/complaints',
          headers: { 'content-type': 'application/json', cookie },
          setupRequest: (req) => {
            sent += 1;
            // Every fifth request sends an earlier submission again (a double click, a retry).
            const n = sent % 5 === 0 ? Math.floor(sent / 2) : sent;
            submitted.add(n);
            return { ...req, body: body(n) };
          },
          onResponse: (status) => {
            statuses.push(status);
          },
        },
      ],
    });
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(statuses).toHaveLength(REQUESTS);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);

    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const cases = (await caseRepository().listReceivedOn(day, { limit: 1000 })).items;
    expect(cases.map((c) => c.complainant.name).sort()).toEqual([...submitted].map((n) => `负载${n}`).sort());
    const numbers = cases.map((c) => Number(c.caseNo.split('-')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(statuses.filter((s) => s === 201)).toHaveLength(submitted.size - 1);
    // The text is kept as typed: nothing is evaluated or stripped.
    expect(cases.find((c) => c.complainant.name === '负载7')?.description).toBe(
      '负载测试 7：相册<b>延误</b> =HYPERLINK("x")',
    );

    const withEmail = [...submitted].filter((n) => n % 4 === 0);
    const mail = await sesEmails();
    for (const n of withEmail)
      expect(
        mail.filter((m) => m.destination.to.includes(`load-${local.env.tag}-${n}@example.com`)),
      ).toHaveLength(1);
  }, 120_000);
});
