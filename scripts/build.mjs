// `npm run build` (and `prepare`, which `npm install` and `npm ci` run): compiles src/ to dist/
// with tsc, so `npx arxiv-curator` starts without a TypeScript loader (see bin/arxiv-curator.js).
// Without the TypeScript compiler (an install without dev dependencies) there is nothing to do:
// the CLI then runs the sources through Node's type stripping or tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;
if (!existsSync(tsc)) {
  console.log('arxiv-curator: no TypeScript compiler installed; the CLI will run the sources directly');
  process.exit(0);
}
rmSync(`${root}dist`, { recursive: true, force: true });
const compile = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (compile.status !== 0) process.exit(compile.status ?? 1);
// tsc compiles .ts only: the worker entry points (.mjs) are copied beside what they load, and the
// page's script (src/client/, served as it is) beside render/html-script.ts, which reads it.
for (const file of readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' })) {
  if (file.endsWith('.mjs') || /^client[/\\][^/\\]+\.js$/.test(file))
    cpSync(`${root}src/${file}`, `${root}dist/${file}`);
}
// The stamp's time is the build's: bin/arxiv-curator.js runs dist/ only while no source is newer.
writeFileSync(`${root}dist/.built`, `${new Date().toISOString()}\n`);
