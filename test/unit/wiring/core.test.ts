import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOfficialHolidays } from '../../../shared/adapters/official-holidays.js';
import { wireCore } from '../../../shared/wiring/core.js';

const env = {
  TABLE_NAME: 'cases',
  APP_SECRET: 'x'.repeat(32),
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
  LOG_LEVEL: 'warn',
};

function logsOf(fn: () => void): string {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('wireCore', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('knows how far the official holiday data reaches', () => {
    expect(loadOfficialHolidays().coveredThrough).toMatch(/^\d{4}-12-31$/);
  });

  it('warns at cold start when deadlines may reach past the official holiday data', () => {
    const through = loadOfficialHolidays().coveredThrough ?? '';
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    vi.stubEnv('CLOCK_NOW', `${through.slice(0, 4)}-11-22T02:00:00Z`);
    expect(logsOf(() => wireCore('test'))).toContain('official holiday data ends soon');
    vi.stubEnv('CLOCK_NOW', `${through.slice(0, 4)}-06-01T02:00:00Z`);
    expect(logsOf(() => wireCore('test'))).not.toContain('official holiday data');
    vi.stubEnv('USE_PRC_HOLIDAYS', 'false');
    vi.stubEnv('CLOCK_NOW', `${through.slice(0, 4)}-11-22T02:00:00Z`);
    expect(logsOf(() => wireCore('test'))).not.toContain('official holiday data');
  });
});
