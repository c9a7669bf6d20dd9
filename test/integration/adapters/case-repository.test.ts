import { beforeAll, describe, expect, it } from 'vitest';
import { makeContactHasher } from '../../../shared/adapters/contact-hasher.js';
import { makeDynamoCaseRepository } from '../../../shared/adapters/dynamodb/case-repository.js';
import { createBusinessCalendar, DEFAULT_CALENDAR_SETTINGS } from '../../../shared/domain/calendar.js';
import type { Case } from '../../../shared/domain/case.js';
import { createCase } from '../../../shared/domain/create-case.js';
import { DEFAULT_SLA_POLICY } from '../../../shared/domain/deadlines.js';
import { type DomainError, isDomainError, RateLimitedError } from '../../../shared/domain/errors.js';
import { sweepKey } from '../../../shared/domain/escalation.js';
import { applyChange } from '../../../shared/domain/lifecycle.js';
import type { CaseRules } from '../../../shared/domain/rules.js';
import { parseSubmission } from '../../../shared/domain/submission.js';
import { DEFAULT_VALUE_LISTS } from '../../../shared/domain/values.js';
import {
  type CaseRepository,
  IdempotencyClash,
  type NewCaseWrite,
} from '../../../shared/ports/case-repository.js';
import { caseRepository, documentClient, type LocalEnv, setupLocalEnv } from '../../support/local-env.js';

const rules: CaseRules = {
  lists: DEFAULT_VALUE_LISTS,
  policy: DEFAULT_SLA_POLICY,
  calendar: createBusinessCalendar(DEFAULT_CALENDAR_SETTINGS),
};
const hash = makeContactHasher('x'.repeat(32));
const staff = { id: 'front-desk', door: 'form' as const };

let repo: CaseRepository;
let env: LocalEnv;
beforeAll(async () => {
  env = await setupLocalEnv();
  repo = caseRepository();
});

function build(caseNo: string, receivedAt: string, over: Record<string, unknown> = {}) {
  const s = parseSubmission(rules.lists, {
    name: '王女士',
    phone: '138 0013 8000',
    description: '照片颜色偏差',
    category: 'quality',
    ...over,
  });
  return createCase(s, {
    caseNo,
    actor: staff,
    now: new Date(receivedAt),
    rules,
    earlierCases: [],
    receivedAt,
  });
}

async function store(caseNo: string, receivedAt: string, over: Record<string, unknown> = {}) {
  const { case: c, event } = build(caseNo, receivedAt, over);
  await repo.create({ case: c, event, contactKeys: hash(c.complainant) });
  return c;
}

describe('DynamoDB case repository', () => {
  it('stores a case with its first audit event and reads it back by number', async () => {
    const c = await store('261101-001', '2026-11-01T02:00:00.000Z');
    expect(await repo.get('261101-001')).toEqual(c);
    const events = await repo.listEvents('261101-001');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'created', seq: 1, actor: staff });
    expect(JSON.stringify(events)).not.toContain('13800138000');
    expect(await repo.get('261101-999')).toBeUndefined();
  });

  it('numbers cases in their own transactions: unique and gap-free under concurrency, across instances', async () => {
    const other = caseRepository(); // a second Lambda instance: its own in-process state
    const day = '2026-11-02';
    const numbered = (r: CaseRepository, i: number) =>
      r.createNumbered(day, (seq) => {
        const { case: c, event } = build(
          `261102-${String(seq).padStart(3, '0')}`,
          '2026-11-02T02:00:00.000Z',
          {
            phone: `1390000${String(i).padStart(4, '0')}`,
          },
        );
        return { case: c, event, contactKeys: [] };
      });
    const written = await Promise.all(
      Array.from({ length: 24 }, (_, i) => numbered(i % 2 ? repo : other, i)),
    );
    const numbers = written.map((w) => w.case.caseNo).sort();
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => `261102-${String(i + 1).padStart(3, '0')}`));
    for (const w of written) expect(await repo.get(w.case.caseNo)).toEqual(w.case);
    const first = await repo.createNumbered('2026-11-03', (seq) => {
      const { case: c, event } = build(`261103-00${seq}`, '2026-11-03T02:00:00.000Z');
      return { case: c, event, contactKeys: [] };
    });
    expect(first.case.caseNo).toBe('261103-001');
  });

  it('takes no number for a write that fails', async () => {
    const day = '2026-11-17';
    const make = (seq: number, idemKey: string) => {
      const { case: c, event } = build(`261117-00${seq}`, '2026-11-17T02:00:00.000Z');
      const idempotency = { key: idemKey, fingerprint: 'fp', expiresAt: new Date('2026-11-24T00:00:00Z') };
      return { case: c, event, contactKeys: [], idempotency };
    };
    await repo.createNumbered(day, (seq) => make(seq, 'numbered-key-1'));
    await expect(repo.createNumbered(day, (seq) => make(seq, 'numbered-key-1'))).rejects.toBeInstanceOf(
      IdempotencyClash,
    );
    const next = await repo.createNumbered(day, (seq) => make(seq, 'numbered-key-2'));
    expect(next.case.caseNo).toBe('261117-002');
  });

  it('writes concurrent cases of one process in shared transactions, yet answers each on its own', async () => {
    const db = documentClient();
    let transactions = 0;
    const send = db.send.bind(db);
    db.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
      if (command.constructor.name === 'TransactWriteCommand') transactions += 1;
      return (send as (...a: unknown[]) => Promise<unknown>)(command, ...rest);
    }) as typeof db.send;
    const grouped = makeDynamoCaseRepository(db, env.tableName);
    const day = '2026-11-12';
    const used = { key: 'grouped-used-key', fingerprint: 'fp', expiresAt: new Date('2026-11-19T00:00:00Z') };
    const quota = { scope: 'submit', subject: 'one-shop', limit: 6, windowSeconds: 3600 };
    const make =
      (i: number, extra: Partial<NewCaseWrite> = {}) =>
      (seq: number) => {
        const no = `261112-${String(seq).padStart(3, '0')}`;
        const { case: c, event } = build(no, '2026-11-12T02:00:00.000Z', {
          phone: `1370000${String(i).padStart(4, '0')}`,
        });
        return { case: c, event, contactKeys: [], quota, ...extra };
      };
    await grouped.createNumbered(day, make(0, { idempotency: used }));
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 6 }, (_, i) => grouped.createNumbered(day, make(i + 1))),
      grouped.createNumbered(day, make(9, { idempotency: used })), // a replay
    ]);
    const written = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.case.caseNo] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    // Six may be created this hour: the first and five more; the sixth is refused, the replay named.
    expect(written.sort()).toEqual(['261112-002', '261112-003', '261112-004', '261112-005', '261112-006']);
    expect(refused.some((e) => e instanceof IdempotencyClash)).toBe(true);
    expect(refused.some((e) => e instanceof RateLimitedError)).toBe(true);
    // When nothing is refused, cases that queue up behind a write share the next transaction.
    const mark = transactions;
    const quiet = await Promise.all(
      Array.from({ length: 6 }, () =>
        grouped.createNumbered('2026-11-13', (seq) => {
          const { case: c, event } = build(`261113-00${seq}`, '2026-11-13T02:00:00.000Z');
          return { case: c, event, contactKeys: [] };
        }),
      ),
    );
    expect(quiet.map((w) => w.case.caseNo).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `261113-00${n}`));
    expect(transactions - mark).toBeLessThan(quiet.length);
  });

  it('refuses a second case for the same idempotency key and names the first', async () => {
    const first = build('261104-001', '2026-11-04T02:00:00.000Z');
    const idem = { key: 'submission-key-1', fingerprint: 'fp', expiresAt: new Date('2026-11-11T00:00:00Z') };
    await repo.create({ case: first.case, event: first.event, contactKeys: [], idempotency: idem });
    const second = build('261104-002', '2026-11-04T02:00:00.000Z');
    const attempt = repo.create({
      case: second.case,
      event: second.event,
      contactKeys: [],
      idempotency: idem,
    });
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyClash);
    await expect(attempt).rejects.toMatchObject({ existing: { caseNo: '261104-001', fingerprint: 'fp' } });
    // Nothing of the second case was written.
    expect(await repo.get('261104-002')).toBeUndefined();
    expect(await repo.listEvents('261104-002')).toEqual([]);
  });

  it('applies a versioned update once and refuses a stale writer with a conflict', async () => {
    const c = await store('261105-001', '2026-11-05T02:00:00.000Z');
    const now = new Date('2026-11-05T03:00:00.000Z');
    const a = applyChange(c, { patch: { owner: 'Li' }, to: 'investigating', actor: staff }, now, rules);
    const b = applyChange(c, { patch: { owner: 'Zhang' }, actor: staff }, now, rules);
    if (!a.event || !b.event) throw new Error('expected events');
    await repo.update(a.next, c.version, a.event);
    const stale = await repo.update(b.next, c.version, b.event).catch((e: unknown) => e);
    expect(isDomainError(stale) && (stale as DomainError).kind).toBe('conflict');
    const stored = await repo.get('261105-001');
    expect(stored).toMatchObject({ owner: 'Li', status: 'investigating', version: 2 });
    expect((await repo.listEvents('261105-001')).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('lists open cases by when the sweep must look at them, stops at a horizon, and drops closed cases', async () => {
    // Not planned by a sweep yet: they sort at their last change, so the next sweep looks at once.
    const early = await store('261106-001', '2026-11-06T01:00:00.000Z');
    const late = await store('261106-002', '2026-11-06T05:00:00.000Z');
    const horizon = '2026-11-06T03:00:00.000Z';
    const due = await repo.listOpenByDue({ dueBefore: horizon });
    const mine = due.items.filter((c) => c.caseNo.startsWith('261106'));
    expect(mine.map((c) => c.caseNo)).toEqual(['261106-001']);

    // Close the early one: it leaves the open index.
    let current: Case = early;
    const steps = [
      {
        patch: { findings: '色差属实', substantiated: true, correctiveAction: '重新调色' },
        to: 'resolved' as const,
      },
      { patch: { notifyMethod: 'phone' }, to: 'notified' as const },
      { patch: { satisfaction: 'satisfied' }, to: 'closed' as const },
    ];
    for (const step of steps) {
      const { next, event } = applyChange(
        current,
        { ...step, actor: staff },
        new Date('2026-11-06T06:00:00Z'),
        rules,
      );
      if (!event) throw new Error('expected event');
      await repo.update(next, current.version, event);
      current = next;
    }
    const all = await repo.listOpenByDue();
    const open = all.items.map((c) => c.caseNo);
    expect(open).toContain(late.caseNo);
    expect(open).not.toContain(early.caseNo);
    const keys = all.items.map(sweepKey);
    expect([...keys].sort()).toEqual(keys);
  });

  it('records the sweep’s plan without a new version, only on the version it planned and while open', async () => {
    const c = await store('261106-003', '2026-11-06T01:00:00.000Z');
    const mine = async (before: string) =>
      (await repo.listOpenByDue({ dueBefore: before })).items.filter((x) => x.caseNo === c.caseNo);
    const planned = { ...c.escalation, next: '2026-11-07T01:00:00.000Z' };
    expect(await repo.setEscalation(c.caseNo, c.version, planned)).toBe(true);
    expect(await repo.get(c.caseNo)).toMatchObject({ version: c.version, escalation: planned });
    expect(await mine('2026-11-07T00:00:00.000Z')).toEqual([]);
    expect((await mine('2026-11-07T01:00:00.000Z~')).map((x) => x.escalation.next)).toEqual([planned.next]);
    expect(await repo.setEscalation(c.caseNo, c.version + 1, { ...planned, next: 'never' })).toBe(false);
    expect(await repo.setEscalation('261106-999', 1, planned)).toBe(false);
    expect(await repo.setEscalation(c.caseNo, c.version, { ...planned, next: 'never' })).toBe(true);
    expect(await mine('9999')).toEqual([]);
  });

  it('pages through open cases with a cursor', async () => {
    for (let i = 1; i <= 5; i++) await store(`261107-00${i}`, `2026-11-07T0${i}:00:00.000Z`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repo.listOpenByDue({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((c) => c.caseNo));
      cursor = page.cursor;
    } while (cursor);
    expect(seen.filter((n) => n.startsWith('261107'))).toEqual([
      '261107-001',
      '261107-002',
      '261107-003',
      '261107-004',
      '261107-005',
    ]);
  });

  it('lists the cases received on a business day, in order of receipt', async () => {
    // 23:30 UTC on the 8th is the 9th in Shanghai.
    await store('261109-002', '2026-11-09T01:00:00.000Z');
    await store('261109-001', '2026-11-08T23:30:00.000Z');
    await store('261108-001', '2026-11-08T10:00:00.000Z');
    const day = await repo.listReceivedOn('2026-11-09');
    expect(day.items.map((c) => c.caseNo)).toEqual(['261109-001', '261109-002']);
  });

  it('finds earlier cases of the same complainant by any of their contacts', async () => {
    await store('261110-001', '2026-11-10T01:00:00.000Z', { phone: '+86 139-0000-1111', email: undefined });
    await store('261110-002', '2026-11-10T02:00:00.000Z', { phone: undefined, email: 'Repeat@Example.com' });
    const keys = hash({ name: 'x', phone: '13900001111', email: 'repeat@example.com' });
    const found = await Promise.all(keys.map((k) => repo.listByContactKey(k)));
    expect(found.flat().sort()).toEqual(['261110-001', '261110-002']);
  });

  it("lists every case's events in a time window, oldest first, across UTC days and pages", async () => {
    // Three cases received either side of a UTC midnight, then one of them changed.
    await store('261201-001', '2026-12-01T23:50:00.000Z');
    await store('261202-001', '2026-12-02T00:10:00.000Z');
    const third = await store('261202-002', '2026-12-02T05:00:00.000Z');
    const { next, event } = applyChange(
      third,
      { patch: { owner: '李主管' }, actor: { id: 'manager@studio.example', door: 'sheet' } },
      new Date('2026-12-04T09:00:00.000Z'),
      rules,
    );
    if (!event) throw new Error('expected a change');
    await repo.update(next, third.version, event);

    const window = async (from: string, to: string, limit?: number) => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.listEventsBetween(from, to, {
          ...(limit ? { limit } : {}),
          ...(cursor ? { cursor } : {}),
        });
        out.push(...page.items.map((e) => `${e.caseNo}@${e.seq}`));
        cursor = page.cursor;
      } while (cursor);
      return out;
    };
    const all = ['261201-001@1', '261202-001@1', '261202-002@1', '261202-002@2'];
    expect(await window('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z')).toEqual(all);
    expect(await window('2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z', 1)).toEqual(all);
    // `from` is inclusive, `to` exclusive; the empty day in between is skipped.
    expect(await window('2026-12-02T00:10:00.000Z', '2026-12-04T09:00:00.000Z')).toEqual([
      '261202-001@1',
      '261202-002@1',
    ]);
    expect(await window('2026-12-03T00:00:00Z', '2026-12-04T00:00:00Z')).toEqual([]);
  });
});
