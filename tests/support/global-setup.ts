// vitest's global setup (vitest.config.ts), once per run in the main process:
// - dist/ as `npm install` builds it, built again when a source is newer: the tests run the CLI as
//   a user does (bin/arxiv-curator.js), which runs dist/; so a test never runs yesterday's code,
//   in watch mode too;
// - nothing beyond 127.0.0.1: every process the tests start loads tests/support/loopback-only.cjs
//   (NODE_OPTIONS), which refuses other hosts' names and notes them; the run fails listing them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GUARD = fileURLToPath(new URL('./loopback-only.cjs', import.meta.url));
/** How loopback-only.cjs names a lookup no test file made. */
const NO_FILE = 'outside any test file';

/** Builds dist/ as `npm install` does (scripts/build.mjs) when a source is newer than it; a second
 *  vitest meanwhile waits for the same build (the script's lock). */
export function buildIfStale(): void {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`the tests need dist/, and \`npm run build\` failed:\n${build.stdout}${build.stderr}`);
}

/** NODE_OPTIONS quotes a path with spaces; a backslash or a quote inside it is escaped. */
function quoteOption(path: string): string {
  return `"${path.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export default function setup(project: TestProject): () => void {
  buildIfStale();
  project.onTestsRerun(() => buildIfStale());
  const dir = mkdtempSync(join(tmpdir(), 'curator-test-run-'));
  const log = join(dir, 'network.log');
  process.env.CURATOR_TEST_NETWORK_LOG = log;
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require=${quoteOption(GUARD)}`.trim();
  return () => {
    const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    rmSync(dir, { recursive: true, force: true });
    // Each test file fails for its own lookups (setup-file.ts); these are the ones no file owned.
    const unowned = lines.filter((line) => line.startsWith(`${NO_FILE}\t`));
    if (unowned.length > 0) {
      process.exitCode = 1;
      throw new Error(`lookups of hosts beyond 127.0.0.1 outside any test file (refused):\n${unowned.join('\n')}`);
    }
  };
}
