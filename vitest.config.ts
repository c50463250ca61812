import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 120_000, // generous: CI shares two cores; a hung test still fails
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
