import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StatusKeys } from '../ports/status-keys.js';

/** HMAC-SHA256 of the case number under a key derived from the app secret; 128 bits are kept. */
export function makeStatusKeys(secret: string): StatusKeys {
  const key = createHmac('sha256', secret).update('status-link').digest();
  const keyFor = (caseNo: string) =>
    createHmac('sha256', key).update(caseNo).digest('base64url').slice(0, 22);
  return {
    keyFor,
    matches(caseNo, given) {
      const expected = Buffer.from(keyFor(caseNo));
      const actual = Buffer.from(given);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
