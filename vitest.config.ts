import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: in test mode vite-plugin-solid would switch to a DOM
// environment and the `browser` condition, and `ws` would resolve to its browser stub.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
