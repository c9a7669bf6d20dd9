/**
 * Links from a keyed hash of a contact (never the contact itself) to the cases it appears on: how a
 * returning complainant is recognised.
 */
import type { Case } from '../../domain/case.js';
import { ITEM_TYPE, type TableReader } from './items.js';

const contactPartition = (contactKey: string) => `CONTACT#${contactKey}`;

export const contactLinkItem = (contactKey: string, c: Pick<Case, 'caseNo' | 'receivedAt'>) => ({
  pk: contactPartition(contactKey),
  sk: `${c.receivedAt}#${c.caseNo}`,
  type: ITEM_TYPE.contactLink,
  caseNo: c.caseNo,
});

/** Case numbers linked to a contact key, oldest first. */
export async function listByContactKey(read: TableReader, contactKey: string): Promise<string[]> {
  const items = await read.all({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': contactPartition(contactKey) },
    ProjectionExpression: 'caseNo',
  });
  return items.map((i) => String(i.caseNo));
}
