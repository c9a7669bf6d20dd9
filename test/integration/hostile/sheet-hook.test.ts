/**
 * Hostile input, property-based (fast-check), at POST /sheet-hook through the local gateway to the real
 * handler: signed and unsigned bodies, bodies that are not JSON or not objects, huge, empty and
 * wrong-typed fields, rows far below the sheet. Unsigned or badly signed is 401 before anything is read;
 * signed is a clear 4xx or a sync of the rows named; never a 5xx, never a case half-written or doubled.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { invokeFunction } from '../../../local/handlers.js';
import { signBody } from '../../../shared/http/signed-body.js';
import { documentClient, postComplaint, useTestGateway } from '../../support/local-env.js';

const local = useTestGateway();
let caseNo = '';
beforeAll(async () => {
  caseNo = await postComplaint(local.gw, {
    name: '刘女士',
    phone: '13912345678',
    description: '底片丢失',
    category: 'quality',
  });
  await invokeFunction('sync-sheet', { schedule: 'sync-sheet' });
});

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    'Cases',
    'Staff',
    'History',
    '\u200B',
    '<script>alert(1)</script>',
    '=IMPORTXML("x","//a")',
    '😡',
  ),
  fc.string({ minLength: 300, maxLength: 400 }),
  fc.constant('长'.repeat(1_000)), // over the body limit
);
const value = fc.oneof(
  { weight: 4, arbitrary: text },
  fc.integer(),
  fc.integer({ min: -5, max: 12 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
/** A ping: any JSON at all, one close to right with hostile fields, or a right one with a hostile user. */
const body = fc.oneof(
  fc
    .record({ row: fc.integer({ min: 1, max: 5 }), numRows: fc.integer({ min: 1, max: 3 }), user: text })
    .map((p) => JSON.stringify({ ...p, spreadsheetId: spreadsheetId(), sheetName: 'Cases' })),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 50 }), // not JSON
  fc
    .record(
      {
        spreadsheetId: fc.oneof(value, fc.constant('real')),
        sheetName: fc.oneof(value, fc.constant('Cases')),
        row: fc.oneof(value, fc.integer({ min: 1, max: 4 })),
        numRows: value,
        user: fc.oneof(value, fc.constant('manager@studio.example')),
      },
      { requiredKeys: [] },
    )
    .map((p) => JSON.stringify(p.spreadsheetId === 'real' ? { ...p, spreadsheetId: spreadsheetId() } : p)),
);
/** The signed endpoint's body limit (shared/http/middleware.ts). */
const MAX_BYTES = 2048;
const seen = new Set<number>();
const spreadsheetId = () => local.env.env.SPREADSHEET_ID ?? '';

type Signing = 'right' | 'none' | 'forged' | 'stale';
const signing = fc.constantFrom<Signing>('right', 'right', 'right', 'none', 'forged', 'stale');

async function ping(text: string, how: Signing) {
  const at = how === 'stale' ? Date.now() - 3_600_000 : Date.now();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (how !== 'none') {
    headers['x-sheet-timestamp'] = String(at);
    headers['x-sheet-signature'] =
      how === 'forged'
        ? signBody('not-the-secret', String(at), text)
        : signBody(local.env.env.SHEET_HOOK_SECRET ?? '', String(at), text);
  }
  return fetch(`${local.url}/sheet-hook`, { method: 'POST', headers, body: text });
}

describe('hostile input: POST /sheet-hook', () => {
  it('unsigned, forged or stale is 401; signed is a clear 4xx or a sync; never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(body, signing, async (text, how) => {
        const res = await ping(text, how);
        const answer = (await res.json()) as { error?: string; outcome?: string; message?: string };
        seen.add(res.status);
        // Size is checked before the signature: an oversize body costs no HMAC.
        if (Buffer.byteLength(text) > MAX_BYTES) expect(res.status).toBe(413);
        else if (how !== 'right') expect(res.status).toBe(401);
        else expect([200, 202, 400, 404, 413, 422]).toContain(res.status);
        if (res.status >= 400) expect(answer.error).toEqual(expect.any(String));
        else expect(['synced', 'queued', 'ignored']).toContain(answer.outcome);
      }),
      { numRuns: 120 },
    );
    // Enough got through to mean something: refused by signature, by validation, and synced.
    expect([...seen]).toEqual(expect.arrayContaining([200, 401, 422]));
  });

  it('left the one case whole: no second case, its events each once', async () => {
    const { Items = [] } = await documentClient().send(new ScanCommand({ TableName: local.env.tableName }));
    expect(Items.filter((i) => i.type === 'case').map((i) => i.caseNo)).toEqual([caseNo]);
    const events = Items.filter((i) => i.type === 'event');
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(new Set(events.map((e) => `${e.pk}|${e.sk}`)).size).toBe(events.length);
  });
});
