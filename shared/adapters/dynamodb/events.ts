/** Audit events: append-only items in their case's partition, ordered by the version they produced. */
import type { AuditEvent } from '../../domain/case.js';
import type { Page } from '../../ports/case-repository.js';
import { casePartition } from './cases.js';
import { ITEM_TYPE, stripKeys, type TableReader } from './items.js';
import { INDEXES } from './table.js';

const EVENT_PREFIX = 'EVT#';
const DAY_MS = 86_400_000;
const seqText = (seq: number) => String(seq).padStart(6, '0');
const dayPartition = (utcDay: string) => `EVTDAY#${utcDay}`;

const eventKey = (caseNo: string, seq: number) => ({
  pk: casePartition(caseNo),
  sk: `${EVENT_PREFIX}${seqText(seq)}`,
});

export const eventItem = (e: AuditEvent) => ({
  ...eventKey(e.caseNo, e.seq),
  type: ITEM_TYPE.event,
  [INDEXES.eventsByDay.pk]: dayPartition(e.at.slice(0, 10)),
  [INDEXES.eventsByDay.sk]: `${e.at}#${e.caseNo}#${seqText(e.seq)}`,
  ...e,
});

export async function listEvents(read: TableReader, caseNo: string): Promise<AuditEvent[]> {
  const items = await read.all({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :evt)',
    ExpressionAttributeValues: { ':pk': casePartition(caseNo), ':evt': EVENT_PREFIX },
  });
  return items.map((i) => stripKeys<AuditEvent>(i));
}

/** The cursor of an events-in-a-window read: the UTC day being read and the page key within it. */
interface WindowCursor {
  day: string;
  page?: string;
}

/**
 * Events with `from <= at < to` (ISO instants), oldest first, a page at a time across the UTC days the
 * window spans: one keyed query per page, whatever the table holds.
 */
export async function listEventsBetween(
  read: TableReader,
  from: string,
  to: string,
  opts: { limit?: number; cursor?: string } = {},
): Promise<Page<AuditEvent>> {
  // Keys compare as text: both ends in the one ISO form events are written in.
  from = new Date(from).toISOString();
  to = new Date(to).toISOString();
  const lastDay = new Date(Date.parse(to) - 1).toISOString().slice(0, 10);
  const position: WindowCursor = opts.cursor
    ? (JSON.parse(Buffer.from(opts.cursor, 'base64url').toString()) as WindowCursor)
    : { day: from.slice(0, 10) };
  const idx = INDEXES.eventsByDay;
  for (let day = position.day; day <= lastDay; ) {
    const page = await read.page<AuditEvent>(
      {
        IndexName: idx.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': idx.pk, '#sk': idx.sk },
        // '#' sorts before every character of a case number, '~' after; `to` is exclusive.
        ExpressionAttributeValues: { ':pk': dayPartition(day), ':from': `${from}#`, ':to': `${to}#` },
        Limit: opts.limit ?? 200,
      },
      day === position.day ? position.page : undefined,
    );
    const items = page.items;
    const next: WindowCursor | undefined = page.cursor
      ? { day, page: page.cursor }
      : day < lastDay
        ? { day: new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10) }
        : undefined;
    const cursor = next ? Buffer.from(JSON.stringify(next)).toString('base64url') : undefined;
    // An empty day is skipped rather than answered as an empty page.
    if (items.length > 0 || !next) return { items, ...(cursor ? { cursor } : {}) };
    day = next.day;
    position.page = undefined;
  }
  return { items: [] };
}
