/**
 * JSON lines for CloudWatch. Personal data never reaches a log: known personal fields are dropped by
 * name, and any string that still looks like an email address or a phone number is masked.
 */
import { maskContactsInText } from '../domain/contact.js';
import type { Logger } from '../ports/logger.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

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

export function makeLogger(
  opts: { level?: Level; service: string; write?: (line: string) => void; now?: () => Date } = {
    service: 'app',
  },
): Logger {
  const min = LEVELS[opts.level ?? 'info'];
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = opts.now ?? (() => new Date());
  const log = (level: Level, message: string, data?: Record<string, unknown>) => {
    if (LEVELS[level] < min) return;
    write(
      // The line's own fields come last so data can never overwrite them.
      JSON.stringify({
        ...(data ? (redact(data) as Record<string, unknown>) : {}),
        level,
        time: now().toISOString(),
        service: opts.service,
        message: redact(message),
      }),
    );
  };
  return {
    info: (m, d) => log('info', m, d),
    warn: (m, d) => log('warn', m, d),
    error: (m, d) => log('error', m, d),
  };
}
