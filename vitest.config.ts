import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // picocolors turns colours on whenever CI is set; tests read plain text (CLIs they spawn inherit this).
    env: { NO_COLOR: '1' },
  },
});
