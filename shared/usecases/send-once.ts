import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Mailer, MailMessage, SendLedger } from '../ports/mailer.js';

const KEEP_DAYS = 30;

/**
 * Sends a message at most once per key: a retried request or a duplicate event finds the key claimed
 * and sends nothing. A failed send gives the key back so the next retry can send it.
 */
export function makeSendOnce(deps: { ledger: SendLedger; mailer: Mailer; clock: Clock; logger: Logger }) {
  return async function sendOnce(
    key: string,
    message: MailMessage,
  ): Promise<'sent' | 'duplicate' | 'failed'> {
    const expiresAt = new Date(deps.clock.now().getTime() + KEEP_DAYS * 86_400_000);
    if (!(await deps.ledger.claim(key, expiresAt))) return 'duplicate';
    try {
      const { messageId } = await deps.mailer.send(message);
      await deps.ledger.markSent(key, messageId);
      return 'sent';
    } catch (e) {
      deps.logger.error('email send failed', { key, error: e });
      await deps.ledger.release(key).catch(() => undefined);
      return 'failed';
    }
  };
}
export type SendOnce = ReturnType<typeof makeSendOnce>;
