import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOfficialHolidays } from '../../../shared/adapters/official-holidays.js';
import { wireCore } from '../../../shared/wiring/core.js';
import { logsOf } from '../../support/logs.js';

const env = {
  TABLE_NAME: 'cases',
  APP_SECRET: 'x'.repeat(32),
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
  LOG_LEVEL: 'warn',
};

describe('wireCore', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('knows how far the official holiday data reaches', () => {
    expect(loadOfficialHolidays().coveredThrough).toMatch(/^\d{4}-12-31$/);
  });

  it('warns at cold start when deadlines may reach past the official holiday data', async () => {
    const through = loadOfficialHolidays().coveredThrough ?? '';
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    vi.stubEnv('CLOCK_NOW', `${through.slice(0, 4)}-11-22T02:00:00Z`);
    expect(await logsOf(() => wireCore('test'))).toContain('official holiday data ends soon');
    vi.stubEnv('CLOCK_NOW', `${through.slice(0, 4)}-06-01T02:00:00Z`);
    expect(await logsOf(() => wireCore('test'))).not.toContain('official holiday data');
    vi.stubEnv('USE_PRC_HOLIDAYS', 'false');
    vi.stubEnv('CLOCK_NOW', `${through.slice(0, 4)}-11-22T02:00:00Z`);
    expect(await logsOf(() => wireCore('test'))).not.toContain('official holiday data');
  });
});
