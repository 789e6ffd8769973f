#!/usr/bin/env node
// Entry point for `npx arxiv-curator` and `npm start`: the compiled CLI in dist/, on every Node
// (scripts/build.mjs builds it at `npm install` and `npm run build`). One way to start: no
// TypeScript loader and no look at src/, so a start costs Node and the command's own modules.
// An edited checkout is rebuilt by `npm start` and the tests (build.mjs --if-stale) and runs from
// its sources through tsx with `npm run dev`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('arxiv-curator: dist/ is not built: run `npm run build` (npm install does it)\n');
  process.exit(2);
}
/** @type {{ runProcess: (argv: string[]) => Promise<void> }} */
const { runProcess } = await import(cli.href);
await runProcess(process.argv.slice(2));
