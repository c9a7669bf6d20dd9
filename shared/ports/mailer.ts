export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/**
 * Remembers which messages went out, so a retried request or a duplicate delivery never sends a
 * second email. `claim` is atomic: only one caller gets true for a key.
 */
export interface SendLedger {
  claim(key: string, expiresAt: Date): Promise<boolean>;
  /** Gives the key back after a failed send so a retry can send it. */
  release(key: string): Promise<void>;
  markSent(key: string, messageId: string): Promise<void>;
}
