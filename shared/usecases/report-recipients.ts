/**
 * Who gets the reports: the addresses configured for them (REPORT_RECIPIENTS), else the managers on the
 * roster (everyone with a role beyond handler, an absent one replaced by their stand-in), else the
 * environment's executive managers and supervisors while the roster is empty.
 */
import type { LocalDate } from '../domain/calendar.js';
import { presentFor, type Roster } from '../domain/roster.js';

export function reportRecipients(
  day: LocalDate,
  roster: Roster | undefined,
  settings: {
    recipients: readonly string[];
    execManagers: readonly string[];
    supervisors: readonly string[];
  },
): string[] {
  const unique = (xs: (string | undefined)[]) => [
    ...new Map(xs.filter((x): x is string => !!x).map((x) => [x.toLowerCase(), x])).values(),
  ];
  if (settings.recipients.length) return unique([...settings.recipients]);
  const managers = (roster?.members ?? []).filter((m) => m.roles.some((r) => r !== 'handler'));
  const fromRoster = unique(
    managers.map((m) => (roster ? presentFor(roster, m, day)?.member.email : undefined)),
  );
  if (fromRoster.length) return fromRoster;
  return unique([...settings.execManagers, ...settings.supervisors]);
}
