import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['vitest/**/*.test.ts'],
    // Three heap snapshots of the test process take a few seconds; vitest's default is 5 s.
    testTimeout: 60_000,
  },
});
