import { createHmac } from 'node:crypto';
import { type Complainant, contactIdentities } from '../domain/contact.js';

/**
 * Keyed hashes of a complainant's contacts. They let the table link a returning customer's cases
 * without storing the contact in any key; without the secret they cannot be reversed by guessing
 * phone numbers.
 */
export function makeContactHasher(secret: string) {
  const key = createHmac('sha256', secret).update('contact-index').digest();
  return (c: Complainant): string[] =>
    contactIdentities(c).map((id) => createHmac('sha256', key).update(id).digest('base64url').slice(0, 32));
}
export type ContactHasher = ReturnType<typeof makeContactHasher>;
