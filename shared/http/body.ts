/** Body handling before anything else reads it: a size limit, then JSON or form parsing by content type. */
import jsonBodyParser from '@middy/http-json-body-parser';
import urlencodeBodyParser from '@middy/http-urlencode-body-parser';
import { DomainError } from '../domain/errors.js';
import { type HttpMiddleware, header } from './types.js';

export function bodyLimit(maxBytes: number): HttpMiddleware {
  return {
    before: async ({ event }) => {
      const raw = typeof event.body === 'string' ? event.body : '';
      const bytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw);
      if (bytes > maxBytes)
        throw new DomainError('too_large', `The request body is larger than ${maxBytes} bytes`);
    },
  };
}

const ACCEPTED_TYPES = /^application\/(json|x-www-form-urlencoded)\b/;

/**
 * Parses JSON and form-encoded bodies into an object. Anything else is refused (415) before any work is
 * done; a body that cannot be parsed, or is an array or a scalar, is malformed (400), so 422 keeps
 * meaning "a field is invalid" (middy's own parser would answer malformed JSON with 422).
 */
export function parseBody(): HttpMiddleware {
  const parsers = [
    jsonBodyParser({ disableContentTypeError: true }),
    urlencodeBodyParser({ disableContentTypeError: true }),
  ] as unknown as HttpMiddleware[];
  return {
    before: async (request) => {
      const { event } = request;
      const type = header(event, 'content-type') ?? '';
      if (!ACCEPTED_TYPES.test(type)) {
        throw new DomainError(
          'unsupported_type',
          'Send application/json or application/x-www-form-urlencoded',
        );
      }
      if (event.body === undefined || event.body === '') event.body = type.includes('json') ? '{}' : '';
      try {
        for (const parser of parsers) await parser.before?.(request);
      } catch (e) {
        throw new DomainError('malformed', 'The body is not valid JSON', [], { cause: e });
      }
      if (!event.body || typeof event.body !== 'object' || Array.isArray(event.body)) {
        throw new DomainError('malformed', 'The body must be an object');
      }
    },
  };
}

/** Reads a field of the parsed body as a string (form fields may repeat). */
export function bodyField(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Removes transport-only fields so the schema sees only case fields. */
export function withoutFields(body: unknown, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (!names.includes(k)) out[k] = v;
  return out;
}
