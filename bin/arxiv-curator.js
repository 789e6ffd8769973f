#!/usr/bin/env node
// Entry point for `npx arxiv-curator` and `npm start`: runs the TypeScript sources through tsx,
// so a checkout works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

// `arxiv-curator digest | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
