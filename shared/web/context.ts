/** What every page needs to render: the value lists, the business time zone and the current instant. */
import type { ValueLists } from '../domain/values.js';

export interface WebContext {
  lists: ValueLists;
  timeZone: string;
  now: Date;
}

/** The page context of a function's wiring, read fresh (the clock moves) on every call. */
export const webContextOf =
  (core: {
    rules: { lists: ValueLists };
    calendar: { settings: { timeZone: string } };
    clock: { now(): Date };
  }) =>
  (): WebContext => ({
    lists: core.rules.lists,
    timeZone: core.calendar.settings.timeZone,
    now: core.clock.now(),
  });
