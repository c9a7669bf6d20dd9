import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing running; `integration` (and e2e) share one set of local
// services started once per run by test/global-setup.ts (DynamoDB Local, SES stand-in, Sheets stand-in).
export default defineConfig({
  test: {
    // A JSON report lets CI print one plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
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
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files share one DynamoDB Local; each uses its own table, so they may run in parallel.
          fileParallelism: true,
        },
      },
    ],
  },
});
