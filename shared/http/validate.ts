/** Input validation as middleware: the parsed, typed input lands on `event.input` for the handler. */
import type { HttpEvent, HttpMiddleware } from './types.js';

export function validateInput<T>(parse: (event: HttpEvent) => T): HttpMiddleware {
  return {
    before: async ({ event }) => {
      event.input = parse(event);
    },
  };
}
