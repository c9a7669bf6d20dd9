/** What the form's origin may send: the middleware answers with it, and the CDK stack's preflight too. */
export const CORS_METHODS = ['GET', 'POST'] as const;
export const CORS_HEADERS = ['content-type', 'idempotency-key', 'x-staff-code'] as const;
