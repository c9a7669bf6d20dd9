/**
 * Sends a message at most once per key: a retried request or a duplicate event finds the key claimed or
 * sent and sends nothing. A failed send gives the key back so the next retry can send it; a run that dies
 * between claiming and sending holds the claim only until `claimSeconds` have passed (the function's
 * timeout), after which the next run sends it. A sent record stays `KEEP_DAYS`.
 */
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Mailer, MailMessage, SendLedger } from '../ports/mailer.js';

export const KEEP_DAYS = 30;

/** `duplicate`: sent before; `held`: another run is sending it now (sent by it, or by the next run if it dies). */
export type SendOutcome = 'sent' | 'duplicate' | 'held' | 'failed';

export function makeSendOnce(deps: {
  ledger: SendLedger;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  /** How long a claim lasts: at least as long as the function may run. */
  claimSeconds: number;
}) {
  return async function sendOnce(key: string, message: MailMessage): Promise<SendOutcome> {
    const now = deps.clock.now();
    const claim = await deps.ledger.claim(key, now, new Date(now.getTime() + deps.claimSeconds * 1000));
    if ('refused' in claim) return claim.refused === 'sent' ? 'duplicate' : 'held';
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send(message));
    } catch (e) {
      deps.logger.error('email send failed', { key, error: e });
      await deps.ledger.release(claim).catch(() => undefined);
      return 'failed';
    }
    const keepUntil = new Date(deps.clock.now().getTime() + KEEP_DAYS * 86_400_000);
    // The email is out: if recording that fails, the claim still holds it until it runs out.
    await deps.ledger.markSent(claim, messageId, keepUntil).catch((e: unknown) => {
      deps.logger.error('email sent but not recorded', { key, error: e });
    });
    return 'sent';
  };
}
export type SendOnce = ReturnType<typeof makeSendOnce>;
