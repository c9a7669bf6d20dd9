/**
 * Links from a keyed hash of a contact (never the contact itself) to the cases it appears on, and one
 * summary per contact (how many cases, the latest few): how a returning complainant is recognised. The
 * summary is written in the new case's transaction on the condition that it is still what the writer
 * assumed — absent for a first contact — so a first-time complainant costs no read at all.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../../domain/case.js';
import { RELATED_CASES_KEPT } from '../../domain/create-case.js';
import type { ContactHistory } from '../../ports/case-repository.js';
import { ITEM_TYPE, type TableReader } from './items.js';

const contactPartition = (contactKey: string) => `CONTACT#${contactKey}`;
/** After every link's `<receivedAt>#<caseNo>` (ISO times start with a digit). */
const SUMMARY_SK = 'SUMMARY';
const summaryKey = (contactKey: string) => ({ pk: contactPartition(contactKey), sk: SUMMARY_SK });

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

/** Case numbers linked to a contact key, oldest first. */
export async function listByContactKey(read: TableReader, contactKey: string): Promise<string[]> {
  const items = await read.all({
    KeyConditionExpression: 'pk = :pk AND sk < :summary',
    ExpressionAttributeValues: { ':pk': contactPartition(contactKey), ':summary': SUMMARY_SK },
    ProjectionExpression: 'caseNo',
  });
  return items.map((i) => String(i.caseNo));
}

/**
 * The contact's summary as the new case `c` leaves it, put on the condition that it is still `seen`, or
 * absent when `seen` is undefined. Its count is its version (it only grows) and follows the links' `n`:
 * the complainant's cases with this one, as known when it was made.
 */
export function contactSummaryPut(
  tableName: string,
  contactKey: string,
  c: Pick<Case, 'caseNo' | 'relatedCases' | 'relatedCount'>,
  seen: ContactHistory | undefined,
) {
  return {
    TableName: tableName,
    Item: {
      ...summaryKey(contactKey),
      type: ITEM_TYPE.contactSummary,
      count: Math.max(seen?.count ?? 0, c.relatedCount ?? c.relatedCases.length) + 1,
      latest: [...(seen?.latest ?? []), c.caseNo].slice(-RELATED_CASES_KEPT),
    },
    ...(seen
      ? {
          ConditionExpression: '#count = :seen',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':seen': seen.count },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' }),
  };
}

/** The summaries of these contact keys that exist (a complainant has at most three), in one strongly consistent read. */
export async function contactSummaries(
  db: DynamoDBDocumentClient,
  tableName: string,
  contactKeys: readonly string[],
): Promise<Map<string, ContactHistory>> {
  const found = new Map<string, ContactHistory>();
  let keys: Record<string, unknown>[] = [...new Set(contactKeys)].map(summaryKey);
  while (keys.length) {
    const out = await db.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of out.Responses?.[tableName] ?? []) {
      const key = String(item.pk).slice('CONTACT#'.length);
      found.set(key, { count: Number(item.count), latest: (item.latest as string[]) ?? [] });
    }
    keys = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return found;
}

/**
 * A contact's summary rebuilt from its links, for cases written before summaries existed
 * (scripts/backfill-contact-summaries.ts): `links` oldest first. It raises a summary already there, never
 * lowers it, so running it beside the intake, or twice, is harmless.
 */
export function summaryFromLinks(
  tableName: string,
  partition: string,
  links: readonly { caseNo: string; n?: number }[],
) {
  const count = Math.max(links.length, ...links.map((l) => Number(l.n ?? 0)));
  return {
    TableName: tableName,
    Item: {
      pk: partition,
      sk: SUMMARY_SK,
      type: ITEM_TYPE.contactSummary,
      count,
      latest: links.slice(-RELATED_CASES_KEPT).map((l) => l.caseNo),
    },
    ConditionExpression: 'attribute_not_exists(pk) OR #count < :count',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':count': count },
  };
}
