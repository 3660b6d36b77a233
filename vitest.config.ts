import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Under CI each run also writes a JSON report that .ci/run sums into one closing line.
const report = `test-results/unit-${process.env.VITEST_REPORT ?? 'pglite'}.json`;

// Unit and integration tests of every workspace. Browser journeys have their own config (e2e/).
export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on CI's two cores, idle while
    // a test waits on a timer or a job. Two workers there; the default on bigger machines.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Makes a place for the run's migrated database, which test files copy (apps/api/src/testing).
    globalSetup: ['apps/api/src/testing/test-run.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    reporters: process.env.CI ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
