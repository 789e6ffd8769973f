import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The tests that run the CLI or `serve` as users do run dist/: rebuilt first when a source is newer.
const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  globalSetup: 'tests/support/fresh-dist.ts',
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'suite',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.timing.test.ts'],
          // One test file per core: most of the suite waits on real processes, sockets and SQLite files.
          maxWorkers: availableParallelism(),
        },
      },
      {
        test: {
          ...shared,
          // Budgets a user feels (a throttled phone's first paint) are measured alone, once the rest
          // of the suite is done: on two shared cores a parallel test file skews them by a second.
          name: 'timing',
          include: ['tests/**/*.timing.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
