/** A file sent with a message: shown in the HTML where it says `cid:<contentId>`, else attached. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** Inline (a chart in the body): the HTML refers to it as `cid:<contentId>`. */
  contentId?: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** A claim to send one message, held by one run until `until`. */
export interface SendClaim {
  key: string;
  token: string;
  until: Date;
}

/**
 * Remembers which messages went out, so a retried request or a duplicate delivery never sends a
 * second email, and a run that died before sending never stops the next run from sending.
 */
/** Why a claim was refused: the message went out, or another run holds it until its claim runs out. */
export interface SendRefusal {
  refused: 'sent' | 'claimed';
}

export interface SendLedger {
  /**
   * Claims `key` until `until`; atomic, so only one caller gets the claim. Refused while the message is
   * sent or claimed, saying which; granted again once a claim has run out without a send (its run died).
   */
  claim(key: string, now: Date, until: Date): Promise<SendClaim | SendRefusal>;
  /** Gives the key back after a failed send so a retry can send it (only this claim's holder can). */
  release(claim: SendClaim): Promise<void>;
  /** Records the send; no claim is granted for the key again until `keepUntil`. */
  markSent(claim: SendClaim, messageId: string, keepUntil: Date): Promise<void>;
}
