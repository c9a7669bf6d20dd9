/**
 * Typed errors thrown by the domain, the use cases and the request middleware: the one error channel.
 * The HTTP layer maps `kind` to a status code in one table (shared/http/error-mapper.ts); the sheet
 * sync shows `message` next to the offending row. An error caused by another keeps it as `cause`.
 */
export type ErrorKind =
  | 'malformed' // 400: the body cannot be read (malformed JSON or form, not an object)
  | 'unsupported_type' // 415: the body is neither JSON nor a form
  | 'validation' // 422: a field is invalid
  | 'transition' // 409: the lifecycle refuses this change
  | 'conflict' // 409: someone else changed the case first (retry with fresh data)
  | 'idempotency' // 422: the same idempotency key was used for a different submission
  | 'not_found' // 404
  | 'unauthorized' // 401
  | 'forbidden' // 403: who asked may not have this (a case file for someone not on the roster)
  | 'rate_limited' // 429
  | 'too_large' // 413
  | 'internal'; // 500: anything unexpected (a store down or timing out); nothing is known to be saved

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

/** Too many requests: `retryAfterSeconds` is the time actually left until the client may try again. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests from this address; try again later',
  ) {
    super('rate_limited', message);
    this.name = 'RateLimitedError';
  }
}

export const validationError = (message: string, issues: FieldIssue[] = []) =>
  new DomainError('validation', message, issues);
export const transitionError = (message: string) => new DomainError('transition', message);
export const conflictError = (message: string, cause?: unknown) =>
  new DomainError('conflict', message, [], cause === undefined ? undefined : { cause });
export const notFoundError = (message: string) => new DomainError('not_found', message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
