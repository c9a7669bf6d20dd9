/** What every change to a case is held to: the value lists, the SLA policy and the business calendar. */
import type { BusinessCalendar } from './calendar.js';
import type { SlaPolicy } from './deadlines.js';
import type { ValueLists } from './values.js';

export interface CaseRules {
  lists: ValueLists;
  policy: SlaPolicy;
  calendar: BusinessCalendar;
}
