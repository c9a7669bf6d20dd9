/**
 * Links from a keyed hash of a contact (never the contact itself) to the cases it appears on: how a
 * returning complainant is recognised.
 */
import type { Case } from '../../domain/case.js';
import type { ContactHistory } from '../../ports/case-repository.js';
import { ITEM_TYPE, type TableReader } from './items.js';

const contactPartition = (contactKey: string) => `CONTACT#${contactKey}`;

/** `n`: how many cases the complainant had with this one, as known when it was made — the latest link's n is the count. */
export const contactLinkItem = (
  contactKey: string,
  c: Pick<Case, 'caseNo' | 'receivedAt' | 'relatedCases' | 'relatedCount'>,
) => ({
  pk: contactPartition(contactKey),
  sk: `${c.receivedAt}#${c.caseNo}`,
  type: ITEM_TYPE.contactLink,
  caseNo: c.caseNo,
  n: (c.relatedCount ?? c.relatedCases.length) + 1,
});

/** The latest `keep` cases linked to a contact key (oldest first) and how many there are in all: one bounded query. */
export async function contactHistory(
  read: TableReader,
  contactKey: string,
  keep: number,
): Promise<ContactHistory> {
  const page = await read.page<{ caseNo: string; n?: number }>({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': contactPartition(contactKey) },
    ExpressionAttributeNames: { '#n': 'n' },
    ProjectionExpression: 'caseNo, #n',
    ScanIndexForward: false,
    Limit: keep,
  });
  const latest = page.items.map((i) => String(i.caseNo)).reverse();
  return { latest, count: Math.max(Number(page.items[0]?.n ?? 0), latest.length) };
}

/** Case numbers linked to a contact key, oldest first. */
export async function listByContactKey(read: TableReader, contactKey: string): Promise<string[]> {
  const items = await read.all({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': contactPartition(contactKey) },
    ProjectionExpression: 'caseNo',
  });
  return items.map((i) => String(i.caseNo));
}
