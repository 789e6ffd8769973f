// vitest's setup file (vitest.config.ts), run before each test file in its worker. The workers run
// many files one after another (isolate: false): what a file may leave behind for the next one is
// put back here. The loopback guard (loopback-only.cjs) is loaded in this process too, and a file
// whose tests, or the processes they started, looked up a host beyond 127.0.0.1 fails naming it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { resetPaperIds } from './build-db.ts';

createRequire(import.meta.url)('./loopback-only.cjs');

let file = '';
beforeAll(() => {
  resetPaperIds();
  file = relative(process.cwd(), expect.getState().testPath ?? 'an unknown test file');
  process.env.CURATOR_TEST_FILE = file;
});

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  delete process.env.CURATOR_TEST_FILE;
  const log = process.env.CURATOR_TEST_NETWORK_LOG;
  const reached = log && existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const mine = reached
    .filter((line) => line.startsWith(`${file}\t`))
    .map((line) => line.split('\t').slice(1).join(' from '));
  if (mine.length > 0)
    throw new Error(
      `this file's tests looked up hosts beyond 127.0.0.1 (refused; play them on loopback): ${[...new Set(mine)].join('; ')}`,
    );
});
