// vitest's global setup: the tests that run the CLI or `serve` as a user does run dist/ (bin/
// arxiv-curator.js), so dist/ is rebuilt first when a source changed since the last build, and
// only then (scripts/build.mjs --if-stale; a second vitest meanwhile waits for the same build).
import { spawnSync } from 'node:child_process';

const BUILD = new URL('../../scripts/build.mjs', import.meta.url).pathname;

export default function setup(): void {
  const build = spawnSync(process.execPath, [BUILD, '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`building dist/ failed (exit ${build.status ?? build.signal}; see above)`);
}
