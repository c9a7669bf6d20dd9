/**
 * What the store did since the last sync, from the eventsByDay index: which cases changed (their rows
 * are checked) and which audit events History still lacks. The window starts a few minutes before the
 * last sync's cut-off, because an event is stamped when its writer started and may land later; events
 * already in History within that overlap are remembered by key, so each is appended exactly once.
 */
import type { AuditEvent } from '../domain/case.js';
import type { CaseRepository } from '../ports/case-repository.js';
import { eventKey } from '../sheet/history.js';

/** Longer than any function that writes cases may run, so no late event falls outside the window. */
export const EVENT_OVERLAP_MS = 5 * 60_000;
/** Events History takes per sync; more wait for the next run. */
export const MAX_EVENTS = 5000;

export interface EventWindow {
  events: AuditEvent[];
  /** Every event up to the window's end was read. */
  complete: boolean;
}

export async function readEvents(cases: CaseRepository, from: string, to: string): Promise<EventWindow> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await cases.listEventsBetween(from, to, { limit: 500, ...(cursor ? { cursor } : {}) });
    events.push(...page.items);
    cursor = page.cursor;
  } while (cursor && events.length <= MAX_EVENTS);
  return { events, complete: !cursor };
}

const recentEntry = (e: AuditEvent) => `${eventKey(e)}@${e.at}`;
const recentAt = (entry: string) => entry.slice(entry.lastIndexOf('@') + 1);
const recentKey = (entry: string) => entry.slice(0, entry.lastIndexOf('@'));

export interface HistoryProgress {
  /** Events to append to History now, oldest first. */
  append: AuditEvent[];
  /** Where the next window starts, and the keys to remember for it. */
  eventsFrom: string;
  recentEvents: string[];
}

/**
 * The events History still lacks (at most MAX_EVENTS), and the bookkeeping after appending them. The
 * window's start moves to `until` only when every event before it was read and taken, and stays where
 * it was when the rows of the changed cases were not all looked at (`advance` false).
 */
export function historyProgress(
  window: EventWindow,
  previous: { eventsFrom: string; recentEvents: string[] },
  until: string,
  advance: boolean,
): HistoryProgress {
  const seen = new Set(previous.recentEvents.map(recentKey));
  const fresh = window.events.filter((e) => !seen.has(eventKey(e)));
  const append = fresh.slice(0, MAX_EVENTS);
  const all = window.complete && append.length === fresh.length;
  const last = append[append.length - 1];
  const eventsFrom = !advance ? previous.eventsFrom : all ? until : (last?.at ?? previous.eventsFrom);
  const keepFrom = new Date(Date.parse(eventsFrom) - EVENT_OVERLAP_MS).toISOString();
  const recentEvents = [...previous.recentEvents, ...append.map(recentEntry)].filter(
    (r) => recentAt(r) >= keepFrom,
  );
  return { append, eventsFrom, recentEvents: [...new Set(recentEvents)] };
}
