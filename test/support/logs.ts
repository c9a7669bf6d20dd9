/**
 * What the code under test logs (JSON lines: Powertools writes info to stdout, warnings and errors to
 * stderr, and Lambda keeps both), collected instead of printed, so a test can read the logs its own
 * actions wrote.
 */
import { vi } from 'vitest';

export interface CollectedLogs {
  text(): string;
  clear(): void;
  restore(): void;
}

export function collectLogs(): CollectedLogs {
  const lines: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof stream.write),
  );
  return {
    text: () => lines.join(''),
    clear: () => {
      lines.length = 0;
    },
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** The logs written while `fn` runs (and, if it returns a promise, until it settles). */
export async function logsOf(fn: () => unknown): Promise<string> {
  const logs = collectLogs();
  try {
    await fn();
  } finally {
    logs.restore();
  }
  return logs.text();
}

/** The CloudWatch embedded-metric lines among collected logs. */
export function emfLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{"_aws"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
