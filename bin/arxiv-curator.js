#!/usr/bin/env node
// Entry point for `npx arxiv-curator` and `npm start`. It runs, in order of preference:
// 1. dist/, the sources as `npm install` compiled them (scripts/build.mjs): the fastest start,
//    because Node 20 runs TypeScript only through a loader thread (module.register) that costs
//    ~150 ms; taken only while no file in src/ is newer than the build, so an edited checkout
//    never runs old code;
// 2. src/ as it is, where Node strips the types itself (22.18+, 24: process.features.typescript);
// 3. src/ through tsx.
import { readdirSync, statSync } from 'node:fs';

// `arxiv-curator digest | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// SQLite URI filenames, read by better-sqlite3 when it loads: a database in a read-only folder is
// opened as `file:…?immutable=1` (src/store/db.ts). CURATOR_DB itself may not start with `file:`.
process.env.SQLITE_USE_URI = '1';

const root = new URL('../', import.meta.url);

/** Whether dist/ is built and no source is newer than the build. */
function freshBuild() {
  let built;
  try {
    built = statSync(new URL('dist/.built', root)).mtimeMs;
  } catch {
    return false;
  }
  const src = new URL('src/', root);
  return readdirSync(src, { recursive: true, encoding: 'utf8' }).every(
    (file) => !/\.(ts|mjs)$/.test(file) || statSync(new URL(file, src)).mtimeMs <= built,
  );
}

/** @typedef {{ main: (argv: string[]) => Promise<number> }} Cli */

/** @returns {Promise<{ via: string, cli: Cli }>} */
async function loadCli() {
  /** @type {(path: string) => Promise<Cli>} */
  const load = (path) => import(new URL(path, root).href);
  if (freshBuild()) return { via: 'dist', cli: await load('dist/cli.js') };
  if (process.features.typescript) return { via: 'strip', cli: await load('src/cli.ts') };
  const { register } = await import('tsx/esm/api');
  register();
  return { via: 'tsx', cli: await load('src/cli.ts') };
}

const { via, cli } = await loadCli();
if (process.env.LOG_LEVEL === 'debug')
  process.stderr.write(`${new Date().toISOString()} debug cli.loader via=${via}\n`);
process.exitCode = await cli.main(process.argv.slice(2));
