/**
 * Delivering a sweep's steps, each message at most once. Every (step, reader) pair has its own key in the
 * send ledger: a digest claims the keys of the steps it carries, sends, then marks them sent (or gives them
 * back when the send failed). So a digest that died half-way is sent again by a later sweep with only the
 * steps still unsent, and two overlapping sweeps split the steps between them instead of doubling them.
 */

import { robotDigest } from '../chat/digest.js';
import type { Addressee, EscalationRole } from '../domain/escalation-recipients.js';
import { escalationDigest } from '../mail/escalation.js';
import type { EscalationItem, EscalationTextContext } from '../mail/escalation-text.js';
import type { Budget, Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Mailer, MailMessage, SendClaim, SendLedger } from '../ports/mailer.js';
import type { Robot } from '../ports/robot.js';
import { type Pacing, postPaced } from './robot-queue.js';
import { KEEP_DAYS } from './send-once.js';

/** One message's share of one step: the ledger key of (step, reader), and the step it belongs to. */
export interface Send extends EscalationItem {
  key: string;
  step: string;
}

export type EmailReader = Addressee & { member: { email: string } };

/** Everything a sweep has to send, grouped as it goes out: a digest per reader and per robot. */
export interface Outbox {
  emails: Map<string, { to: EmailReader; sends: Send[] }>;
  robots: Map<EscalationRole, { mentions: Set<string>; sends: Send[] }>;
  apologies: { send: Send; message: MailMessage }[];
}

export const emptyOutbox = (): Outbox => ({ emails: new Map(), robots: new Map(), apologies: [] });

/** sent (now or before), held by another run still sending it, or failed / not attempted. */
export type Outcome = 'sent' | 'held' | 'failed';

export interface DeliveryDeps {
  ledger: SendLedger;
  mailer: Mailer;
  robots: ReadonlyMap<EscalationRole, Robot>;
  clock: Clock;
  logger: Logger;
  /** How long a claim lasts: the function's timeout. */
  leaseSeconds: number;
  pacing: Omit<Pacing, 'budget'>;
}

export interface Delivered {
  /** Per step, the outcome of each of its messages. */
  outcomes: Map<string, Outcome[]>;
  emails: number;
  robotMessages: number;
  apologies: number;
}

export async function deliver(
  outbox: Outbox,
  text: EscalationTextContext,
  deps: DeliveryDeps,
  budget: Budget,
): Promise<Delivered> {
  const result: Delivered = { outcomes: new Map(), emails: 0, robotMessages: 0, apologies: 0 };
  const note = (sends: readonly Send[], outcome: Outcome) => {
    for (const s of sends) result.outcomes.set(s.step, [...(result.outcomes.get(s.step) ?? []), outcome]);
  };
  const hasTime = () => budget.remainingMs() > deps.pacing.reserveMs;
  const now = () => deps.clock.now();
  const keepUntil = () => new Date(now().getTime() + KEEP_DAYS * 86_400_000);

  /** Claims each send's key; those another run sent or holds are settled here. */
  async function claim(sends: readonly Send[]): Promise<{ send: Send; claim: SendClaim }[]> {
    const at = now();
    const until = new Date(at.getTime() + deps.leaseSeconds * 1000);
    const claims = await Promise.all(sends.map((s) => deps.ledger.claim(s.key, at, until)));
    const granted: { send: Send; claim: SendClaim }[] = [];
    for (const [i, send] of sends.entries()) {
      const c = claims[i];
      if (!c) continue;
      if ('refused' in c) note([send], c.refused === 'sent' ? 'sent' : 'held');
      else granted.push({ send, claim: c });
    }
    return granted;
  }
  async function settle(granted: { send: Send; claim: SendClaim }[], messageId: string | undefined) {
    await Promise.all(
      granted.map(({ claim: c }) =>
        (messageId === undefined
          ? deps.ledger.release(c)
          : deps.ledger.markSent(c, messageId, keepUntil())
        ).catch((e: unknown) => deps.logger.error('send ledger not updated', { key: c.key, error: e })),
      ),
    );
    note(
      granted.map((g) => g.send),
      messageId === undefined ? 'failed' : 'sent',
    );
  }
  async function sendMail(
    sends: readonly Send[],
    message: (granted: Send[]) => MailMessage,
  ): Promise<boolean> {
    if (!hasTime()) {
      note(sends, 'failed');
      return false;
    }
    const granted = await claim(sends);
    if (!granted.length) return false;
    try {
      const { messageId } = await deps.mailer.send(message(granted.map((g) => g.send)));
      await settle(granted, messageId || 'sent');
      return true;
    } catch (e) {
      deps.logger.error('escalation email failed', { keys: granted.length, error: e });
      await settle(granted, undefined);
      return false;
    }
  }

  for (const { to, sends } of outbox.emails.values()) {
    if (await sendMail(sends, (granted) => escalationDigest(to, granted, text))) result.emails += 1;
  }
  for (const { send, message } of outbox.apologies) {
    if (await sendMail([send], () => message)) result.apologies += 1;
  }
  for (const [role, { mentions, sends }] of outbox.robots) {
    const robot = deps.robots.get(role);
    if (!robot) continue;
    if (!hasTime()) {
      note(sends, 'failed');
      continue;
    }
    const granted = await claim(sends);
    const claimOf = new Map(granted.map((g) => [g.send.key, g.claim]));
    const parts = robotDigest(
      role,
      granted.map((g) => g.send),
      [...mentions],
      text,
      robot,
    );
    const posted = await postPaced(
      robot,
      parts.map((p) => p.message),
      { ...deps.pacing, budget },
      (e) => deps.logger.error('robot post failed', { role, kind: robot.kind, error: e }),
    );
    for (const [i, part] of parts.entries()) {
      const ok = posted[i] === 'posted';
      if (ok) result.robotMessages += 1;
      const mine = part.items.flatMap((s) => {
        const c = claimOf.get(s.key);
        return c ? [{ send: s, claim: c }] : [];
      });
      await settle(mine, ok ? `${robot.kind}:${Date.now()}` : undefined);
    }
  }
  return result;
}
