import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'templates/**/*.test.ts'],
    // Type-level tests run the TypeScript compiler and corpus tests read ~1000 files.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
