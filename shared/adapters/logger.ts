/**
 * JSON lines for CloudWatch, written by Powertools Logger (levels, the Lambda request id, cold start and
 * X-Ray trace id on every line). What this module adds: personal data never reaches a log. Known personal
 * fields are dropped by name, and any string that still looks like an email address or a phone number is
 * masked — in the message and in every field, whatever logs it.
 */
import { LogFormatter, LogItem, Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import type { MiddlewareObj } from '@middy/core';
import { maskContactsInText } from '../domain/contact.js';
import type { Logger } from '../ports/logger.js';

type Level = 'debug' | 'info' | 'warn' | 'error';

const REDACT_KEYS = new Set([
  'complainant',
  'name',
  'phone',
  'email',
  'wechat',
  'contact',
  'accesscode',
  'authorization',
  'cookie',
  'set-cookie',
  'body',
  'description',
  'last4',
]);

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return maskContactsInText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = REDACT_KEYS.has(k.toLowerCase()) ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** Powertools' line, with the data and the message redacted; its own fields come last, so data never overwrites them. */
class RedactingFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    return new LogItem({
      attributes: {
        ...(redact(additional) as LogAttributes),
        level: attributes.logLevel,
        message: redact(attributes.message),
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: context?.coldStart,
        function_name: context?.functionName,
        function_request_id: context?.awsRequestId,
        xray_trace_id: attributes.xRayTraceId,
      },
    });
  }
}

/** The app's logger, and the middleware that puts each invocation's Lambda context on its lines. */
export interface AppLogger extends Logger {
  lambdaContext: MiddlewareObj;
}

export function makeLogger(opts: { service: string; level?: Level }): AppLogger {
  const logger = new PowertoolsLogger({
    serviceName: opts.service,
    logLevel: (opts.level ?? 'info').toUpperCase() as Uppercase<Level>,
    logFormatter: new RedactingFormatter(),
  });
  return {
    info: (m, d) => logger.info(m, ...(d ? [d] : [])),
    warn: (m, d) => logger.warn(m, ...(d ? [d] : [])),
    error: (m, d) => logger.error(m, ...(d ? [d] : [])),
    lambdaContext: injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj,
  };
}
