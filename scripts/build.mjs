// `npm run build` (and `prepare`, which `npm install` and `npm ci` run): compiles src/ to dist/ with
// tsc. dist/ is what the CLI runs on every Node (bin/arxiv-curator.js), so a start never pays for a
// TypeScript loader nor looks at src/. `--if-stale` builds only when a source is newer than the
// build: `npm start` and the tests' global setup call it, so an edited checkout never runs old code.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A build left by a process that died holds its lock no longer than this. */
const STALE_LOCK_MS = 5 * 60_000;

/** The newest modification time among the sources and the compiler's settings. */
function newestSource(root) {
  const times = ['tsconfig.json', 'tsconfig.build.json'].map((file) => statSync(`${root}${file}`).mtimeMs);
  for (const file of readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' }))
    times.push(statSync(`${root}src/${file}`).mtimeMs);
  return Math.max(...times);
}

/** Whether dist/ is missing, or a source changed after the build began. */
export function isStale(root = ROOT) {
  let built;
  try {
    built = statSync(`${root}dist/.built`).mtimeMs;
  } catch {
    return true;
  }
  return newestSource(root) > built;
}

/** Compiles into a fresh folder and swaps it in, so a CLI started meanwhile finds the whole old build or the new one. */
export function build(root = ROOT) {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  if (!existsSync(tsc)) {
    if (existsSync(`${root}dist/.built`)) return 'kept';
    throw new Error('cannot build dist/: TypeScript is not installed (npm install without --omit=dev builds it)');
  }
  const started = new Date();
  const out = `${root}dist.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  const compile = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`, '--outDir', out], {
    stdio: 'inherit',
  });
  if (compile.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`cannot build dist/: tsc exited with ${compile.status ?? compile.signal}`);
  }
  // tsc compiles .ts only: the page's script (src/client/, served as it is) goes beside
  // render/html-script.ts, which reads it.
  for (const file of existsSync(`${root}src/client`) ? readdirSync(`${root}src/client`) : []) {
    if (file.endsWith('.js')) cpSync(`${root}src/client/${file}`, `${out}/client/${file}`);
  }
  // The stamp bears the time the build began: a source saved during the build makes it stale.
  writeFileSync(`${out}/.built`, `${started.toISOString()}\n`);
  utimesSync(`${out}/.built`, started, started);
  rmSync(`${root}dist`, { recursive: true, force: true });
  renameSync(out, `${root}dist`);
  return 'built';
}

/** Builds when stale; one build at a time per checkout (a second caller waits, then finds it fresh). */
export function buildIfStale(root = ROOT) {
  if (!isStale(root)) return 'fresh';
  const lock = `${root}dist.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > STALE_LOCK_MS) rmSync(lock, { force: true, recursive: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return isStale(root) ? build(root) : 'fresh';
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const outcome = process.argv.includes('--if-stale') ? buildIfStale() : build();
    if (outcome === 'kept') console.log('arxiv-curator: no TypeScript compiler installed; keeping the built dist/');
  } catch (error) {
    console.error(`arxiv-curator: ${error.message}`);
    process.exitCode = 1;
  }
}
