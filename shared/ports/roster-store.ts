import type { Roster } from '../domain/roster.js';

/**
 * The latest roster read from the managers' Staff tab, kept in the table so functions that do not talk
 * to Google (escalation) know who is who. The sheet sync writes it; everyone else reads it.
 */
export interface RosterStore {
  /** undefined until the sync has stored one. */
  get(): Promise<Roster | undefined>;
  put(roster: Roster): Promise<void>;
}
