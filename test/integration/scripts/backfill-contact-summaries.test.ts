/**
 * The one-off backfill: contacts whose cases predate the summaries get the summary their links add up
 * to, so the optimistic intake still sees them as returning; a summary that knows more is kept.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeContactHasher } from '../../../shared/adapters/contact-hasher.js';
import { newCaseWithEvent } from '../../support/builders.js';
import { caseRepository, type LocalEnv, setupLocalEnv } from '../../support/local-env.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const backfill = (env: LocalEnv) =>
  promisify(execFile)(
    resolve(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/backfill-contact-summaries.ts', '--table', env.tableName, '--endpoint', env.dynamoEndpoint],
    { cwd: ROOT },
  );

describe('backfill-contact-summaries', () => {
  it('gives each contact of the older cases its summary: the count and the latest five; twice changes nothing', async () => {
    const env = await setupLocalEnv();
    const repo = caseRepository();
    const hash = makeContactHasher('b'.repeat(32));
    const numbers = Array.from({ length: 7 }, (_, i) => `261101-00${i + 1}`);
    // Written as before the summaries: links only.
    for (const [i, caseNo] of numbers.entries()) {
      const made = newCaseWithEvent({ caseNo, submission: { phone: '13911112222' } });
      const c = { ...made.case, receivedAt: `2026-11-01T0${i}:00:00.000Z`, relatedCount: i };
      await repo.create({ ...made, case: c, contactKeys: hash(c.complainant) });
    }
    const keys = hash({ name: 'x', phone: '13911112222' });
    expect((await repo.contactSummaries(keys)).size).toBe(0);

    expect((await backfill(env)).stdout).toContain('1 contacts, 1 summaries written');
    const expected = { count: 7, latest: numbers.slice(-5) };
    expect([...(await repo.contactSummaries(keys)).values()]).toEqual([expected]);
    expect((await backfill(env)).stdout).toContain('1 contacts, 0 summaries written');
    expect([...(await repo.contactSummaries(keys)).values()]).toEqual([expected]);
  });
});
