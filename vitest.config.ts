import { defineConfig } from 'vitest/config';

// Three projects: `unit` needs nothing running; `integration` (and e2e) and `faults` share one set of
// local services started once per run by test/global-setup.ts (DynamoDB Local, SES and Sheets stand-ins).
/** Files that wait on timeouts, restarts and load: slow by nature, so outside the everyday `npm test`. */
const FAULTS = ['test/integration/faults/**/*.test.ts', 'test/integration/local/dynamodb-killed.test.ts'];

/** Projects on the local services share one set, started once per run by test/global-setup.ts. */
const SERVICES = {
  environment: 'node' as const,
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Files share one DynamoDB Local; each uses its own table, so they may run in parallel.
  fileParallelism: true,
};

export default defineConfig({
  test: {
    // A JSON report lets CI print one plain "N passed, N failed" line.
    // (`npm run test:faults` writes its own with --outputFile.json.)
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: FAULTS,
          ...SERVICES,
        },
      },
      {
        // `npm run test:faults` (CI runs it after `npm test`): services stopped, paused, failing, killed, loaded.
        test: { name: 'faults', include: FAULTS, ...SERVICES },
      },
    ],
  },
});
