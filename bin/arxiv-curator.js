#!/usr/bin/env node
// Entry point for `npx arxiv-curator` and `npm start`: runs the TypeScript sources through tsx,
// so a checkout works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

// `arxiv-curator digest | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// SQLite URI filenames, read by better-sqlite3 when it loads: a database in a read-only folder is
// opened as `file:…?immutable=1` (src/store/db.ts). CURATOR_DB itself may not start with `file:`.
process.env.SQLITE_USE_URI = '1';
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
