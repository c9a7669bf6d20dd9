/** Changing a case through the use case every door shares, on DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import { makeContactHasher } from '../../../shared/adapters/contact-hasher.js';
import type { Actor } from '../../../shared/domain/case.js';
import { type DomainError, isDomainError } from '../../../shared/domain/errors.js';
import { parseSubmission } from '../../../shared/domain/submission.js';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import { makeSubmitComplaint } from '../../../shared/usecases/submit-complaint.js';
import { makeUpdateCase } from '../../../shared/usecases/update-case.js';
import { rules, silentLogger } from '../../support/builders.js';
import { caseRepository, setupLocalEnv } from '../../support/local-env.js';

const R = rules();
const clock = fixedClock('2026-11-23T02:00:00.000Z'); // Monday 10:00 in Shanghai
const manager: Actor = { id: 'manager@studio.example', door: 'sheet' };
let cases: CaseRepository;

beforeAll(async () => {
  await setupLocalEnv();
  cases = caseRepository();
});

async function newCase(name: string) {
  const submit = makeSubmitComplaint({
    cases,
    clock,
    rules: R,
    hashContacts: makeContactHasher('k'.repeat(32)),
    logger: silentLogger,
    afterCreate: async () => undefined,
  });
  const s = parseSubmission(R.lists, {
    name,
    phone: '13511112222',
    description: '选片时态度冷淡',
    category: 'attitude',
  });
  return (await submit(s, { id: 'front-desk', door: 'form' })).case;
}

const kindOf = (e: unknown) => (isDomainError(e) ? (e as DomainError).kind : String(e));

describe('updateCase', () => {
  it('takes a case through the procedure, one audit event per change', async () => {
    const update = makeUpdateCase({ cases, clock, rules: R });
    const c = await newCase('赵女士');
    clock.advance(3_600_000);
    const investigating = await update(c.caseNo, c.version, {
      patch: { owner: '店长小林' },
      to: 'investigating',
      actor: manager,
    });
    clock.advance(3_600_000);
    const decided = await update(c.caseNo, investigating.version, {
      patch: { findings: '前台未及时回应', substantiated: true, correctiveAction: '前台服务培训' },
      to: 'decided',
      actor: manager,
    });
    expect(decided).toMatchObject({ status: 'decided', version: 3, nextDue: { kind: 'resolve' } });
    const events = await cases.listEvents(c.caseNo);
    expect(events.map((e) => [e.seq, e.action, e.actor.door])).toEqual([
      [1, 'created', 'form'],
      [2, 'transition', 'sheet'],
      [3, 'transition', 'sheet'],
    ]);
    expect(await cases.get(c.caseNo)).toEqual(decided);
  });

  it('refuses an illegal transition with its reason and writes nothing', async () => {
    const update = makeUpdateCase({ cases, clock, rules: R });
    const c = await newCase('钱先生');
    const refused = await update(c.caseNo, c.version, { patch: {}, to: 'closed', actor: manager }).catch(
      (e) => e,
    );
    expect(kindOf(refused)).toBe('transition');
    expect((refused as Error).message).toMatch(
      /cannot become "decided": record the investigation findings first/,
    );
    expect(await cases.get(c.caseNo)).toEqual(c);
    expect(await cases.listEvents(c.caseNo)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent writers win; the other gets a conflict it can retry', async () => {
    const update = makeUpdateCase({ cases, clock, rules: R });
    const c = await newCase('孙女士');
    const owners = ['甲', '乙'];
    const results = await Promise.allSettled(
      owners.map((owner) => update(c.caseNo, c.version, { patch: { owner }, actor: manager })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => kindOf(r.reason))).toEqual(['conflict']);
    const stored = await cases.get(c.caseNo);
    expect(stored?.version).toBe(2);
    // The loser (either may lose the race) retries on the fresh version and succeeds.
    const loser = owners[results.findIndex((r) => r.status === 'rejected')];
    const retried = await update(c.caseNo, 2, { patch: { owner: loser }, actor: manager });
    expect(retried).toMatchObject({ owner: loser, version: 3 });
  });

  it('answers not_found for an unknown case and conflict for a stale version', async () => {
    const update = makeUpdateCase({ cases, clock, rules: R });
    expect(kindOf(await update('990101-001', 1, { patch: {}, actor: manager }).catch((e) => e))).toBe(
      'not_found',
    );
    const c = await newCase('周先生');
    expect(kindOf(await update(c.caseNo, 7, { patch: { notes: 'x' }, actor: manager }).catch((e) => e))).toBe(
      'conflict',
    );
  });
});
