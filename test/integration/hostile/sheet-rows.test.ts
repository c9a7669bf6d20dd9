/**
 * Hostile input, property-based (fast-check), typed into the managers' sheet: new rows and edits of a
 * case's row with huge and empty fields, wrong types, invalid and ambiguous dates, control and invisible
 * characters, emoji and mixed scripts, HTML and script text, formula-looking text; and a header row with
 * a column missing and another one twice. The sync never fails: each row ends as a case (its text
 * stored as typed, as text) or with a note saying why not; no case is half-written or doubled, and
 * nothing it writes back is a formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/ports/sheet-gateway.js';
import { CASE_COLUMNS, CASES_TAB } from '../../../shared/sheet/columns.js';
import { columnLetter } from '../../../shared/sheet/tab-spec.js';
import { freshSync, header, type SyncHarness } from '../../support/sheet-sync.js';
import { getValues, putValues, useSheetsEmulator } from '../../support/sheets.js';

const h = useSheetsEmulator();

const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '',
    '   ',
    '\u200B\u200D\uFEFF',
    '\u3164',
    'a\u0000b\u0007',
    'x\u202Ey',
    '=HYPERLINK("http://evil.example","点我")',
    '=1+1',
    '+86 139 1234 5678',
    '-2+3',
    '@SUM(A1:A9)',
    '😡👰🏻‍♀️📸',
    '婚纱照 wedding фото 写真',
    '2026-02-30 10:00',
    '22/11/2026',
    '11/12/2026',
    '1900-01-01',
    '9999-12-31 23:59',
    'TRUE',
    ...MARKUP,
  ),
  fc.string({ minLength: 4001, maxLength: 4100 }),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
/** What a new row is made of: the columns intake reads. */
const INTAKE: string[] = CASE_COLUMNS.filter((c) => 'intake' in c && c.intake).map((c) => c.key);
const EDITS = [
  'status',
  'owner',
  'findings',
  'substantiated',
  'compensationAmount',
  'notifiedAt',
  'satisfaction',
  'notes',
];
const SANE: Record<string, CellValue> = {
  name: '陈女士',
  phone: '13912345678',
  description: '取件时相册封面有划痕',
  category: '技术/质量 Photo / technical quality',
  channel: '电话 Phone',
};
const fields = (keys: string[]) =>
  fc
    .subarray(keys, { minLength: 1, maxLength: 4 })
    .chain((ks) => fc.record(Object.fromEntries(ks.map((k) => [k, cell]))));
/** A typed row: all hostile, or a sane complaint with a few hostile cells. */
const typedRow = fc.oneof(
  fields(INTAKE),
  fields(INTAKE).map((f) => ({ ...SANE, ...f })),
);

/** Writes cells (row → values by column key) as they are, text as text (RAW: what a paste of values does), in one call. */
async function put(s: SyncHarness, rows: [number, Record<string, CellValue>][]) {
  const data = rows.flatMap(([row, values]) =>
    Object.entries(values).map(([key, v]) => ({
      range: `${CASES_TAB}!${columnLetter(CASE_COLUMNS.findIndex((c) => c.key === key))}${row}`,
      values: [[v]],
    })),
  );
  await s.api.spreadsheets.values.batchUpdate({
    spreadsheetId: s.spreadsheetId,
    requestBody: { valueInputOption: 'RAW', data },
  });
}

/** Every row of the tab as the sync left it: a case's row, or a note saying what is wrong. */
async function expectEachRowACaseOrANote(s: SyncHarness) {
  const rows = await s.rows();
  const numbers = rows.map((r) => String(r[header('caseNo')] ?? '')).filter(Boolean);
  expect(new Set(numbers).size).toBe(numbers.length);
  const day = s.deps.rules.calendar.localDate(new Date());
  const stored = (await s.cases.listReceivedOn(day)).items;
  expect(stored.map((c) => c.caseNo).sort()).toEqual([...numbers].sort());
  for (const c of stored) expect(await s.cases.listEvents(c.caseNo)).not.toHaveLength(0);
  for (const r of rows) {
    if (r[header('caseNo')]) continue;
    // A row of spaces is a blank row: nothing to register, nothing to note.
    if (Object.entries(r).every(([k, v]) => k === '_row' || String(v).trim() === '')) continue;
    expect(String(r[header('note')])).toMatch(/^[⚠ℹ]/);
  }
  // Nothing is a formula: a cell starting with "=" reads the same with formulas shown (text, not a formula).
  const read = async (valueRenderOption: string) =>
    (await getValues(s.api, s.spreadsheetId, CASES_TAB, { valueRenderOption })).values ?? [];
  const [formulas, values] = [await read('FORMULA'), await read('UNFORMATTED_VALUE')];
  formulas.forEach((line, r) => {
    line.forEach((v, c) => {
      if (typeof v === 'string' && v.startsWith('=')) expect(values[r]?.[c]).toBe(v);
    });
  });
}

describe('hostile input: hand-typed sheet rows', () => {
  it('new rows and edits with hostile cells: a case stored as text, or a note; the sync never fails', async () => {
    const s = await freshSync(h.emulator);
    const c = await s.submit();
    await s.sync();
    const caseRow = (await s.rowOf(c.caseNo))._row;
    await fc.assert(
      fc.asyncProperty(
        fc.array(typedRow, { minLength: 1, maxLength: 3 }),
        fields(EDITS),
        async (typed, edit) => {
          const last = Math.max(caseRow, ...(await s.rows()).map((r) => r._row));
          await put(s, [
            ...typed.map((row, i): [number, Record<string, CellValue>] => [last + 1 + i, row]),
            [caseRow, edit],
          ]);
          await s.sync();
          await s.sync();
          await expectEachRowACaseOrANote(s);
          const name = typed.find((t) => typeof t.name === 'string' && t.name.includes('<'))?.name;
          if (name) {
            const made = (await s.rows()).find((r) => r[header('name')] === name && r[header('caseNo')]);
            if (made)
              expect((await s.cases.get(String(made[header('caseNo')])))?.complainant.name).toBe(name);
          }
        },
      ),
      { numRuns: 15, endOnFailure: true },
    );
  }, 120_000);

  it('a header row with a column missing and another twice: the missing one is added, rows still become cases', async () => {
    const s = await freshSync(h.emulator);
    await s.sync();
    const head = CASE_COLUMNS.map((c) => c.header as string);
    const at = (key: string) => head.indexOf(header(key));
    head[at('location')] = '';
    head.push(header('name')); // a second "Complainant" at the end: the first one is read
    await putValues(s.api, s.spreadsheetId, `${CASES_TAB}!A1`, [head]);
    const line: CellValue[] = head.map(() => '');
    for (const [k, v] of Object.entries(SANE)) line[at(k)] = v;
    line[head.length - 1] = '冒名 Impostor';
    await putValues(s.api, s.spreadsheetId, `${CASES_TAB}!A2`, [line]);
    await s.sync();
    await s.sync();
    const [first] = (await getValues(s.api, s.spreadsheetId, `${CASES_TAB}!1:1`)).values ?? [];
    expect(first).toContain(header('location'));
    const rows = await s.rows();
    const caseNo = String(rows[0]?.[header('caseNo')] ?? '');
    expect((await s.cases.get(caseNo))?.complainant.name).toBe('陈女士');
    await expectEachRowACaseOrANote(s);
  });
});
