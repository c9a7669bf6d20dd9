/**
 * What a manager typed into a Cases row, as input for the case core: the edits of a row that is a case
 * (a patch and maybe a new status), or the submission a hand-typed row stands for. Labels become codes,
 * typed dates instants, yes/no booleans. Anything unreadable is a problem named by its column; whether
 * the change is allowed is for the lifecycle to say (applyChange), not for this module.
 */
import { type Case, type CasePatch, type CaseStatus, STATUS_LABELS } from '../domain/case.js';
import { codeFromLabel } from '../domain/values.js';
import type { CellValue } from '../ports/sheet-gateway.js';
import { type RowContext, renderCase } from './case-row.js';
import { cellText, isBlank, normalizeTyped, parseAmount, parseYesNo, splitList } from './cells.js';
import { CASE_COLUMNS, type CaseColumnKey, CONTACT_KEYS, columnIndex } from './columns.js';
import { readDateTimeCell } from './dates.js';

export type ProblemCode = 'invalid_date' | 'invalid_option' | 'invalid_yes_no' | 'invalid_amount' | 'masked';

export interface Problem {
  column: CaseColumnKey;
  code: ProblemCode;
}

export interface EditIntent {
  patch: CasePatch;
  to?: CaseStatus;
  problems: Problem[];
}

const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([code, label]) => ({ code, label }));

/** The cells of a row by column key. */
export const cellOf = (cells: readonly CellValue[], key: CaseColumnKey): CellValue =>
  cells[columnIndex(key)] ?? null;

const COMPLAINANT: readonly CaseColumnKey[] = ['name', ...CONTACT_KEYS];

/** A contact as typed: full-width digits and signs (Chinese input methods) as ASCII for phone and email. */
const contactText = (key: CaseColumnKey, v: CellValue | undefined): string => {
  const t = cellText(v ?? null).trim();
  return key === 'phone' || key === 'email' ? normalizeTyped(t) : t;
};
const COMPENSATION: readonly CaseColumnKey[] = [
  'compensation',
  'compensationAmount',
  'beyondPolicy',
  'approvedBy',
];

/**
 * The change a row asks for: each column in `changed` read from the sheet. Grouped fields (the
 * complainant, the compensation) take the row's value for changed columns and the case's for the rest.
 */
export function readEdits(
  cells: readonly CellValue[],
  changed: ReadonlySet<CaseColumnKey>,
  current: Case,
  ctx: RowContext,
): EditIntent {
  const patch: CasePatch = {};
  const problems: Problem[] = [];
  let to: CaseStatus | undefined;
  const text = (key: CaseColumnKey) => cellText(cellOf(cells, key)).trim();
  const store = renderCase(current, ctx);
  const value = (key: CaseColumnKey) =>
    changed.has(key) ? cellOf(cells, key) : (store[columnIndex(key)] ?? null);
  const problem = (column: CaseColumnKey, code: ProblemCode) => problems.push({ column, code });
  const patchOf = patch as Record<string, unknown>;

  for (const key of changed) {
    const column = CASE_COLUMNS[columnIndex(key)];
    if (column?.role !== 'edit') continue;
    const kind = column.kind;
    if (COMPLAINANT.includes(key) || COMPENSATION.includes(key)) continue;
    const raw = cellOf(cells, key);
    switch (kind.type) {
      case 'status': {
        const code = codeFromLabel(STATUS_OPTIONS, text(key));
        if (code) to = code as CaseStatus;
        else problem(key, 'invalid_option');
        break;
      }
      case 'choice': {
        if (isBlank(raw)) patchOf[key] = '';
        else {
          const code = codeFromLabel(ctx.lists[kind.list], text(key));
          if (code) patchOf[key] = code;
          else problem(key, 'invalid_option');
        }
        break;
      }
      case 'codes': {
        const items = splitList(raw).map((s) => codeFromLabel(ctx.lists[kind.list], s));
        if (items.some((c) => c === undefined)) problem(key, 'invalid_option');
        else patchOf[key] = [...new Set(items)];
        break;
      }
      case 'names':
        patchOf[key] = splitList(raw);
        break;
      case 'yesno': {
        const b = parseYesNo(raw);
        if (b === undefined && !isBlank(raw)) problem(key, 'invalid_yes_no');
        else patchOf[key] = b;
        break;
      }
      case 'datetime': {
        const at = readDateTimeCell(raw, ctx.zones, ctx.dateOnlyTime);
        if (at === 'invalid') problem(key, 'invalid_date');
        else patchOf[key] = at ?? '';
        break;
      }
      default:
        patchOf[key] = cellText(raw);
    }
  }

  if (COMPLAINANT.some((k) => changed.has(k))) {
    if (ctx.maskContacts && CONTACT_KEYS.some((k) => changed.has(k))) {
      for (const k of CONTACT_KEYS) if (changed.has(k)) problem(k, 'masked');
    } else {
      const contact = (k: (typeof CONTACT_KEYS)[number]) =>
        ctx.maskContacts ? current.complainant[k] : contactText(k, value(k)) || undefined;
      patch.complainant = {
        name: cellText(value('name')),
        ...Object.fromEntries(CONTACT_KEYS.map((k) => [k, contact(k)]).filter(([, v]) => v)),
      };
    }
  }

  if (COMPENSATION.some((k) => changed.has(k))) {
    const amount = value('compensationAmount');
    const beyond = value('beyondPolicy');
    const parsedAmount = isBlank(amount) ? undefined : parseAmount(amount);
    const parsedBeyond = isBlank(beyond) ? false : parseYesNo(beyond);
    if (parsedAmount === undefined && !isBlank(amount)) problem('compensationAmount', 'invalid_amount');
    if (parsedBeyond === undefined) problem('beyondPolicy', 'invalid_yes_no');
    const description = cellText(value('compensation')).trim();
    const approvedBy = cellText(value('approvedBy')).trim();
    if (!description && parsedAmount === undefined && !approvedBy && !parsedBeyond) {
      patch.compensation = undefined;
    } else {
      patch.compensation = {
        description,
        beyondPolicy: parsedBeyond ?? false,
        ...(parsedAmount === undefined ? {} : { amount: parsedAmount }),
        ...(approvedBy ? { approvedBy } : {}),
      };
    }
  }
  return { patch, ...(to ? { to } : {}), problems };
}

/** The columns a new case cannot do without, for the note of a half-typed row. */
export function missingForIntake(cells: readonly CellValue[]): CaseColumnKey[] {
  const missing: CaseColumnKey[] = [];
  if (isBlank(cellOf(cells, 'name'))) missing.push('name');
  if (CONTACT_KEYS.every((k) => isBlank(cellOf(cells, k)))) missing.push('phone');
  if (isBlank(cellOf(cells, 'description'))) missing.push('description');
  if (isBlank(cellOf(cells, 'category'))) missing.push('category');
  return missing;
}

/** Whether a row has anything a person typed (the sync's own columns aside). */
export const hasContent = (cells: readonly CellValue[]): boolean =>
  CASE_COLUMNS.some((c, i) => (c.role === 'edit' || c.key === 'receivedAt') && !isBlank(cells[i] ?? null));

/**
 * The submission a hand-typed row stands for (input for `parseSubmission`), or the problems that keep
 * it from being one. A typed received time without a time of day, or later than `now`, is `now`.
 */
export function readIntake(
  cells: readonly CellValue[],
  ctx: RowContext,
  now: Date,
): { input: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const input: Record<string, unknown> = { language: 'zh-CN', channel: 'sheet' };
  const text = (key: CaseColumnKey) => cellText(cellOf(cells, key)).trim();
  for (const key of [
    'name',
    'phone',
    'email',
    'wechat',
    'location',
    'description',
    'requestDetail',
  ] as const) {
    const typed = contactText(key, cellOf(cells, key));
    if (typed) input[key] = typed;
  }
  for (const key of ['severity', 'channel', 'stage', 'category'] as const) {
    const column = CASE_COLUMNS[columnIndex(key)];
    if (!text(key) || column?.kind.type !== 'choice') continue;
    const code = codeFromLabel(ctx.lists[column.kind.list], text(key));
    if (code) input[key] = code;
    else problems.push({ column: key, code: 'invalid_option' });
  }
  const requests = splitList(cellOf(cells, 'requests')).map((s) => codeFromLabel(ctx.lists.request, s));
  if (requests.some((c) => c === undefined)) problems.push({ column: 'requests', code: 'invalid_option' });
  else if (requests.length) input.requests = requests;
  const staff = splitList(cellOf(cells, 'staffInvolved'));
  if (staff.length) input.staffInvolved = staff;
  for (const key of ['receivedAt', 'promisedReplyAt'] as const) {
    const at = readDateTimeCell(cellOf(cells, key), ctx.zones, ctx.dateOnlyTime);
    if (at === 'invalid') problems.push({ column: key, code: 'invalid_date' });
    else if (at) input[key] = key === 'receivedAt' && at > now.toISOString() ? now.toISOString() : at;
  }
  return { input, problems };
}
