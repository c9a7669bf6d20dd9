/**
 * What the code under test logs (JSON lines on stdout), collected instead of printed, so a test can
 * read the logs its own actions wrote.
 */
import { vi } from 'vitest';

export interface CollectedLogs {
  text(): string;
  clear(): void;
  restore(): void;
}

export function collectLogs(): CollectedLogs {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
  return {
    text: () => lines.join(''),
    clear: () => {
      lines.length = 0;
    },
    restore: () => spy.mockRestore(),
  };
}

/** The logs written while `fn` runs. */
export function logsOf(fn: () => void): string {
  const logs = collectLogs();
  try {
    fn();
  } finally {
    logs.restore();
  }
  return logs.text();
}
