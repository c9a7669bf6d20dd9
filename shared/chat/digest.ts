/**
 * A group-chat robot's digest for one role in one sweep: every step addressed to that role, most overdue
 * first, split into as few messages as the robot's size cap allows (never an item cut in two), with the
 * people concerned @-mentioned. The words are the emails' (shared/mail/escalation-text.ts).
 */
import type { EscalationRole } from '../domain/escalation-recipients.js';
import { ROLE_LABELS } from '../domain/roster.js';
import { bilingual } from '../domain/values.js';
import {
  digestTitle,
  type EscalationItem,
  type EscalationTextContext,
  itemLines,
  mostOverdueFirst,
} from '../mail/escalation-text.js';
import type { Robot, RobotMessage } from '../ports/robot.js';

/** One message of a digest and the items it carries (their ledger keys are marked sent when it went out). */
export interface DigestPart<T extends EscalationItem = EscalationItem> {
  message: RobotMessage;
  items: T[];
}

const block = (item: EscalationItem, ctx: EscalationTextContext) => {
  const [head, ...rest] = itemLines(item, ctx);
  return [`■ ${head}`, ...rest.map((l) => `  ${l}`)].join('\n');
};

/** Cuts a text to at most `maxBytes` of UTF-8 without splitting a character. */
function cut(text: string, maxBytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > maxBytes - 3) return `${out}…`;
    out += ch;
  }
  return out;
}

export function robotDigest<T extends EscalationItem>(
  role: EscalationRole,
  items: readonly T[],
  mentions: readonly string[],
  ctx: EscalationTextContext,
  robot: Pick<Robot, 'size' | 'limits'>,
): DigestPart<T>[] {
  const sorted = mostOverdueFirst(items) as T[];
  const base = `${digestTitle(sorted, ctx.now)} · ${bilingual(ROLE_LABELS[role])}`;
  // Room for the part number, whatever it turns out to be.
  const probe = (text: string) => robot.size({ title: `${base} (99/99)`, text, mentions: [...mentions] });
  const parts: { text: string; items: T[] }[] = [];
  for (const item of sorted) {
    const b = block(item, ctx);
    const last = parts.at(-1);
    if (last && probe(`${last.text}\n\n${b}`) <= robot.limits.maxBytes) {
      last.text = `${last.text}\n\n${b}`;
      last.items.push(item);
    } else {
      const room = robot.limits.maxBytes - probe('');
      parts.push({ text: probe(b) <= robot.limits.maxBytes ? b : cut(b, room), items: [item] });
    }
  }
  return parts.map((p, i) => ({
    message: {
      title: parts.length > 1 ? `${base} (${i + 1}/${parts.length})` : base,
      text: p.text,
      mentions: [...mentions],
    },
    items: p.items,
  }));
}
