/** Audit diffs: what changed from what. Contact data is masked so the audit trail is safe to show. */
import type { AuditEvent, Case } from './case.js';
import { maskContactsInText, maskEmail, maskName, maskPhone } from './contact.js';

/** Derived or bookkeeping fields: recomputed on every change, not worth an audit line. */
const SKIP = new Set<string>(['version', 'updatedAt', 'deadlines', 'nextDue', 'escalation', 'status']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function maskComplainant(c: Case['complainant'] | undefined) {
  if (!c) return undefined;
  return {
    name: maskName(c.name),
    ...(c.phone ? { phone: maskPhone(c.phone) } : {}),
    ...(c.email ? { email: maskEmail(c.email) } : {}),
    ...(c.wechat ? { wechat: '***' } : {}),
  };
}

export function diffForAudit(before: Partial<Case>, after: Partial<Case>): AuditEvent['changes'] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: AuditEvent['changes'] = [];
  for (const field of [...keys].sort()) {
    if (SKIP.has(field)) continue;
    const from = before[field as keyof Case];
    const to = after[field as keyof Case];
    if (same(from, to)) continue;
    if (field === 'complainant') {
      changes.push({
        field,
        from: maskComplainant(from as Case['complainant']),
        to: maskComplainant(to as Case['complainant']),
      });
    } else {
      // Free text may hold a phone number or email staff typed in; the trail keeps it masked.
      const safe = (v: unknown) => (typeof v === 'string' ? maskContactsInText(v) : v);
      changes.push({
        field,
        ...(from === undefined ? {} : { from: safe(from) }),
        ...(to === undefined ? {} : { to: safe(to) }),
      });
    }
  }
  return changes;
}
