import { createHmac } from 'node:crypto';
import { contactIdentities } from '../domain/contact.js';
import type { ContactHasher } from '../ports/contact-hasher.js';

/** HMAC-SHA256 under a key derived from the app secret, so the table links a returning customer's cases. */
export function makeContactHasher(secret: string): ContactHasher {
  const key = createHmac('sha256', secret).update('contact-index').digest();
  return (c) =>
    contactIdentities(c).map((id) => createHmac('sha256', key).update(id).digest('base64url').slice(0, 32));
}
