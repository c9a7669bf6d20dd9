/** Audit events: append-only items in their case's partition, ordered by the version they produced. */
import type { AuditEvent } from '../../domain/case.js';
import { casePartition } from './cases.js';
import { ITEM_TYPE, stripKeys, type TableReader } from './items.js';

const EVENT_PREFIX = 'EVT#';

const eventKey = (caseNo: string, seq: number) => ({
  pk: casePartition(caseNo),
  sk: `${EVENT_PREFIX}${String(seq).padStart(6, '0')}`,
});

export const eventItem = (e: AuditEvent) => ({ ...eventKey(e.caseNo, e.seq), type: ITEM_TYPE.event, ...e });

export async function listEvents(read: TableReader, caseNo: string): Promise<AuditEvent[]> {
  const items = await read.all({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evt)',
    ExpressionAttributeValues: { ':pk': casePartition(caseNo), ':evt': EVENT_PREFIX },
  });
  return items.map((i) => stripKeys<AuditEvent>(i));
}
