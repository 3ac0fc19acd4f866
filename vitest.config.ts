import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'templates/**/*.test.ts'],
    globalSetup: ['test/build-generator.ts'],
    // Test files share a worker's module cache: TypeScript and ts-morph load once per worker,
    // not once per file (most of the suite's time before). No test relies on a fresh module state.
    isolate: false,
    // Vitest's default leaves a core idle (cores - 1 workers); much of the suite waits on child
    // processes, servers and timers, so one worker per core keeps every core busy.
    maxWorkers: '100%',
    // Type-level tests run the TypeScript compiler and corpus tests read ~1000 files.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
