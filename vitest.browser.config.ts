import { defineConfig } from 'vitest/config';

// Headless Chromium against the built app served by the real relay (npm run build first).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A real Chromium and relay on a shared two-core machine: what a page shows after a tap may
    // take more than expect.poll's default second. A poll that never holds still fails, 5 s later.
    expect: { poll: { timeout: 5_000 } },
    pool: 'forks',
  },
});
