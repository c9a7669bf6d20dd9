import type { Complainant } from '../domain/contact.js';

/**
 * Keyed hashes of a complainant's contacts, one per contact identity: the only form in which a contact
 * reaches an index. Without the key they cannot be reversed by guessing phone numbers.
 */
export type ContactHasher = (complainant: Complainant) => string[];
