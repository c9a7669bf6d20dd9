/** Input validation as middleware: the parsed, typed input lands on `event.input` for the handler. */
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResult, ValidatedEvent } from './types.js';

export function validateInput<T>(
  parse: (event: HttpEvent) => T,
): MiddlewareObj<ValidatedEvent<T>, HttpResult, Error, Context> {
  return {
    before: async ({ event }) => {
      event.input = parse(event);
    },
  };
}
