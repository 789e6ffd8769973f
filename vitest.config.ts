import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test` asserts behaviour only: timing budgets (LCP, p99, throughput) are `npm run bench`'s.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A test's timeout only catches a hang: a browser test of a dozen steps took 30 s when the
    // machine's two cores were shared with the suite's other worker and its Chromium. A step that
    // truly hangs fails sooner with its own name: playwright's actions give up after 30 s.
    testTimeout: 120_000,
    // expect.poll waits for a state (a status line shown, a row stored): as long as a busy machine
    // takes, never vitest's default of 1 s, which is a time budget in disguise.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 180_000,
    pool: 'forks',
    // One test file per core: most of the suite waits on real processes, sockets and SQLite files.
    maxWorkers: availableParallelism(),
    // A worker runs its files one after another in one process, so modules (the realistic day's
    // records, a seeded database, Chromium: tests/support) are loaded once per worker rather than
    // once per file; setup-file.ts puts back what a file may change for the next.
    isolate: false,
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/setup-file.ts'],
  },
});
