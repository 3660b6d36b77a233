import { defineConfig } from 'vitest/config';

// Browser journeys and whole-process checks: a real server on a free port with a temporary data dir,
// driven by Debian's Chromium. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '../test-results/e2e.json' }]]
      : ['default'],
  },
});
