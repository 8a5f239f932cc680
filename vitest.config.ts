import { defineConfig } from 'vitest/config';

// Node-side tests of every package and the cross-package end-to-end tests.
// Browser tests run through @web/test-runner (web-test-runner.config.mjs).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/test/browser/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel, but not more than the machine has.
    maxWorkers: 2,
  },
});
