/**
 * Hostile input, property-based (fast-check), through the local gateway to the real handlers: huge and
 * empty fields, wrong types, invalid and ambiguous dates, control and invisible characters, broken
 * Unicode, emoji and mixed scripts, HTML and script text, formula-looking text, unknown fields — as JSON
 * and as plain form posts. Each request gets a clear 4xx or is stored as text; none crashes a function
 * (no 5xx), none leaves a half-written case, nothing typed comes back as markup.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_TEXT, hasVisibleText } from '../../../shared/domain/text.js';
import { caseRepository, documentClient, useTestGateway } from '../../support/local-env.js';

const local = useTestGateway({ RATE_LIMIT_SUBMIT_PER_HOUR: '100000', RATE_LIMIT_STATUS_PER_HOUR: '100000' });
let cookie = '';
beforeAll(async () => {
  const signIn = await fetch(`${local.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...local.staffCode },
    body: JSON.stringify({ name: '签到', phone: '13900009999', description: '签到', category: 'other' }),
  });
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  created.push(((await signIn.json()) as { caseNo: string }).caseNo);
});

const created: string[] = [];
const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }), // lone surrogates included
  fc.constantFrom(
    '',
    '   ',
    '\u200B\u200D\uFEFF',
    '\u3164',
    '\u2800\u2800',
    'a\u0000b',
    'x\u202Ey',
    '\uD800',
    'caf\uFFFD',
    '=HYPERLINK("http://evil.example","点我")',
    '+1+1',
    '-2+3',
    '@SUM(A1:A9)',
    "'=1+1",
    '😡👰🏻‍♀️📸',
    '婚纱照 wedding фото 写真',
    ...MARKUP,
  ),
  fc.string({ minLength: 4001, maxLength: 4100 }),
  fc.constant('长'.repeat(12_000)), // over the body limit
);
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
const hostileDate = fc.oneof(
  hostileValue,
  fc.constantFrom(
    '2026-02-30T10:00',
    '2026-11-22',
    '22/11/2026 10:00',
    '2026-11-22T25:00',
    '0000-01-01T00:00',
    '1900-01-01T00:00',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59',
    '2026-11-22T10:00:00+14:00',
    '2026-11-01T10:00',
  ),
);
const FIELDS = {
  name: hostileValue,
  phone: fc.oneof(hostileValue, fc.constantFrom('+-----', '138 0013 8000', '13912345678', '(010) 1234-5678')),
  email: fc.oneof(hostileValue, fc.constantFrom('a@b.cn', 'x@y', 'name@example.com')),
  wechat: hostileValue,
  description: hostileValue,
  category: fc.oneof(hostileValue, fc.constantFrom('quality', 'privacy', 'delay')),
  channel: fc.oneof(hostileValue, fc.constantFrom('phone', 'web_form')),
  severity: fc.oneof(hostileValue, fc.constantFrom('normal', 'critical')),
  requests: hostileValue,
  staffInvolved: hostileValue,
  location: hostileValue,
  receivedAt: hostileDate,
  promisedReplyAt: hostileDate,
  language: fc.oneof(hostileValue, fc.constantFrom('en', 'zh-CN')),
};
const SANE = { name: '王女士', phone: '13912345678', description: '相册延误', category: 'delay' };
type Field = keyof typeof FIELDS;
/** A submission: every field hostile or absent (and now and then an unknown one), or a sane one with one to three hostile fields. */
const submission = fc.oneof(
  fc
    .tuple(
      fc.record(FIELDS, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileValue, { maxKeys: 1 }), {
        freq: 10,
      }),
    )
    .map(([fields, extra]): Record<string, unknown> => ({ ...fields, ...(extra ?? {}) })),
  fc
    .subarray(Object.keys(FIELDS) as Field[], { minLength: 1, maxLength: 3 })
    .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, FIELDS[k]]))))
    .map((fields): Record<string, unknown> => ({ ...SANE, ...fields })),
);

function formBody(o: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else if (v !== null && v !== undefined)
      p.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return p.toString();
}

const expectNoMarkupEcho = (html: string) => {
  for (const m of MARKUP) expect(html).not.toContain(m);
};

describe('hostile input', () => {
  it('POST /complaints as JSON: a 4xx or a case stored as text, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (input) => {
        const res = await fetch(`${local.url}/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(input),
        });
        expect([201, 400, 413, 422]).toContain(res.status);
        const answer = (await res.json()) as { caseNo?: string; issues?: unknown[]; error?: string };
        if (res.status !== 201) return;
        created.push(answer.caseNo ?? '');
        const stored = await caseRepository().get(answer.caseNo ?? '');
        const typed = String(input.description).normalize('NFC').replace(/\r\n?/g, '\n').trim();
        expect(stored?.description).toBe(typed);
        // Whatever is stored is text: no half characters, no replacement characters, no invisible-only names.
        for (const text of [
          stored?.complainant.name,
          stored?.description,
          stored?.location,
          ...(stored?.staffInvolved ?? []),
        ])
          if (text !== undefined) expect(BROKEN_TEXT.test(text), JSON.stringify(text)).toBe(false);
        expect(hasVisibleText(stored?.complainant.name ?? '')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('POST /complaints as a plain form: the page again with a 4xx, or the created page; nothing typed is markup', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (input) => {
        const res = await fetch(`${local.url}/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
          body: formBody(input),
        });
        expect([201, 400, 413, 422]).toContain(res.status);
        const html = await res.text();
        expectNoMarkupEcho(html);
        if (res.status === 201) created.push(/id="case-no">([^<]+)</.exec(html)?.[1] ?? '');
      }),
      { numRuns: 60 },
    );
  });

  it('POST /status: a 4xx or a status, never a 5xx, never markup', async () => {
    const lookup = fc.record(
      { caseNo: hostileValue, last4: hostileValue, key: hostileValue, language: hostileValue },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(lookup, fc.boolean(), async (input, asForm) => {
        const res = await fetch(`${local.url}/status`, {
          method: 'POST',
          headers: asForm
            ? { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
            : { 'content-type': 'application/json' },
          body: asForm ? formBody(input) : JSON.stringify(input),
        });
        expect([200, 400, 404, 413, 422]).toContain(res.status);
        if (asForm) expectNoMarkupEcho(await res.text());
      }),
      { numRuns: 150 },
    );
  });

  it('left no half-written case: each answered case whole with its first event, numbered without gaps', async () => {
    const { Items = [] } = await documentClient().send(new ScanCommand({ TableName: local.env.tableName }));
    const cases = Items.filter((i) => i.type === 'case').map((i) => String(i.caseNo));
    expect(cases.sort()).toEqual([...created].sort());
    const events = Items.filter((i) => i.type === 'event');
    expect(events).toHaveLength(cases.length);
    const numbers = cases.map((c) => Number(c.split('-')[1])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // Enough got through to mean something (the sane variants with hostile optional fields).
    expect(cases.length).toBeGreaterThan(10);
  });
});
