/**
 * Email-only complainants have no phone digits to check their case with: their acknowledgment carries a
 * link of their own (the case number and a key derived from it), which opens their case's status.
 */
import { describe, expect, it } from 'vitest';
import { sesEmails, useTestGateway } from '../../support/local-env.js';

const local = useTestGateway({ RATE_LIMIT_SUBMIT_PER_HOUR: '1000' });

async function emailOnlyCase(language: string) {
  const email = `only-${local.env.tag}-${language}@example.com`;
  const res = await fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...local.staffCode },
    body: JSON.stringify({
      name: 'Email Only',
      email,
      description: 'Late album',
      category: 'delay',
      language,
    }),
  });
  expect(res.status).toBe(201);
  const { caseNo } = (await res.json()) as { caseNo: string };
  const ack = (await sesEmails(email)).find((m) => m.subject.includes(caseNo));
  const link = /https?:\/\/\S+\/status\?\S+/.exec(ack?.body.text ?? '')?.[0] ?? '';
  return { caseNo, link: new URL(link) };
}

describe('the status link in the acknowledgment', () => {
  it.each([
    ['en', 'Received — we are looking into it'],
    ['zh-CN', '已受理，我们正在了解情况'],
  ])('opens the case of an email-only complainant (%s)', async (language, received) => {
    const { caseNo, link } = await emailOnlyCase(language);
    expect(link.searchParams.get('case')).toBe(caseNo);
    const page = await fetch(`${local.url}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(caseNo);
    expect(html).toContain(received);
    expect(html).not.toContain('Email Only');
  });

  it('opens nothing with a wrong or another case’s key, and answers JSON lookups by key too', async () => {
    const a = await emailOnlyCase('en');
    const b = await emailOnlyCase('zh-CN');
    const wrong = await fetch(
      `${local.url}/status?case=${a.caseNo}&key=${b.link.searchParams.get('key')}&lang=en`,
    );
    const html = await wrong.text();
    expect(html).toContain('No case matches');
    expect(html).not.toContain('id="result"');
    const byKey = await fetch(`${local.url}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseNo: a.caseNo, key: a.link.searchParams.get('key') }),
    });
    expect(byKey.status).toBe(200);
    expect(await byKey.json()).toMatchObject({ caseNo: a.caseNo, status: 'received' });
  });
});
