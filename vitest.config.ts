import { defineConfig } from 'vitest/config';

// Under CI each run also writes a JSON report that .ci/run sums into one closing line.
const report = `test-results/unit-${process.env.VITEST_REPORT ?? 'pglite'}.json`;

// Unit and integration tests of every workspace. Browser journeys have their own config (e2e/).
export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    reporters: process.env.CI ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
