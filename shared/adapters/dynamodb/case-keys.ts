/** Key builders for every item kind in the table, in one place. */
import type { Case } from '../../domain/case.js';
import { INDEXES } from './table.js';

const pad = (n: number, w = 6) => String(n).padStart(w, '0');
/** Sorts after every ISO timestamp: open cases with no deadline come last. */
const NO_DUE = '~';

export const caseKey = (caseNo: string) => ({ pk: `CASE#${caseNo}`, sk: 'CASE' });
export const eventKey = (caseNo: string, seq: number) => ({ pk: `CASE#${caseNo}`, sk: `EVT#${pad(seq)}` });
export const EVENT_PREFIX = 'EVT#';
export const OPEN_PARTITION = 'OPEN';
export const dayPartition = (day: string) => `DAY#${day}`;

/** Index attributes a case item carries; the open index is sparse, so closed cases drop out of it. */
export function caseIndexAttributes(c: Case): Record<string, string> {
  const attrs: Record<string, string> = {
    [INDEXES.receivedByDay.pk]: dayPartition(c.receivedDay),
    [INDEXES.receivedByDay.sk]: `${c.receivedAt}#${c.caseNo}`,
  };
  if (c.status !== 'closed') {
    attrs[INDEXES.openByDue.pk] = OPEN_PARTITION;
    attrs[INDEXES.openByDue.sk] = `${c.nextDue?.dueAt ?? NO_DUE}#${c.caseNo}`;
  }
  return attrs;
}

export const contactLinkKey = (contactKey: string, receivedAt: string, caseNo: string) => ({
  pk: `CONTACT#${contactKey}`,
  sk: `${receivedAt}#${caseNo}`,
});
export const contactPartition = (contactKey: string) => `CONTACT#${contactKey}`;
export const idempotencyKey = (key: string) => ({ pk: `IDEM#${key}`, sk: 'IDEM' });
export const sequenceKey = (day: string) => ({ pk: `SEQ#${day}`, sk: 'SEQ' });
export const sendKey = (key: string) => ({ pk: `SEND#${key}`, sk: 'SEND' });
export const rateKey = (scope: string, subject: string, window: number) => ({
  pk: `RATE#${scope}#${subject}#${window}`,
  sk: 'RATE',
});

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type', 'expiresAt'];
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.includes(k)) out[k] = v;
  return out as T;
}
