/**
 * The key in a customer's own status link: derived from the case number with a secret, so it proves the
 * link came from the case's email (stored nowhere, guessed by no one) — the way in for a complainant who
 * gave no phone and so has no last four digits to type.
 */
export interface StatusKeys {
  keyFor(caseNo: string): string;
  /** Constant-time check of a key someone presents for a case. */
  matches(caseNo: string, key: string): boolean;
}
