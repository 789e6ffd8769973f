// `npm run dev [-- <command>]`: the CLI from the sources through tsx, restarted whenever a file it
// loaded changes (`tsx watch`); `serve` when no command is given. Worker threads load their
// TypeScript through app/source-worker.mjs. What users run is dist/ (bin/arxiv-curator.js).
import { runProcess } from '../src/cli.ts';

const argv = process.argv.slice(2);
await runProcess(argv.length > 0 ? argv : ['serve']);
