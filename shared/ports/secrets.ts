/**
 * The secrets a function reads. A value may change while the function runs (the staff access code is
 * rotated without a redeploy), so read it where it is used, each time: reads are cached.
 */
export interface Secrets<N extends string = string> {
  /** The current value; fails, naming the secret (never its value), if it is absent or malformed. */
  get(name: N): Promise<string>;
  /** Whether this environment provides the secret at all (for optional ones). */
  has(name: N): boolean;
}
