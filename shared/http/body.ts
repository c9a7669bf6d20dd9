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

/** Parses JSON and form-encoded bodies; anything else is refused with 415 before any work is done. */
export function parseBody(): HttpMiddleware[] {
  const require: HttpMiddleware = {
    before: async ({ event }) => {
      const type = header(event, 'content-type') ?? '';
      if (!/^application\/(json|x-www-form-urlencoded)\b/.test(type)) {
        throw Object.assign(new Error('Send application/json or application/x-www-form-urlencoded'), {
          statusCode: 415,
        });
      }
      if (event.body === undefined || event.body === '') event.body = type.includes('json') ? '{}' : '';
    },
  };
  const shape: HttpMiddleware = {
    before: async ({ event }) => {
      if (!event.body || typeof event.body !== 'object' || Array.isArray(event.body)) {
        throw Object.assign(new Error('The body must be an object'), { statusCode: 400 });
      }
    },
  };
  // middy 7 answers malformed JSON with 422; a body that cannot be parsed at all is a 400 here, as an
  // array or a scalar body is, so 422 keeps meaning "a field is invalid".
  const json = jsonBodyParser({ disableContentTypeError: true }) as unknown as HttpMiddleware;
  const parseJson: HttpMiddleware = {
    before: async (request) => {
      try {
        await json.before?.(request);
      } catch (e) {
        throw Object.assign(new Error('The body is not valid JSON'), { statusCode: 400, cause: e });
      }
    },
  };
  return [
    require,
    parseJson,
    urlencodeBodyParser({ disableContentTypeError: true }) as unknown as HttpMiddleware,
    shape,
  ];
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
