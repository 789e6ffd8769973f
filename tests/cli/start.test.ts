// One way to start: bin/arxiv-curator.js runs the compiled dist/ on every Node, never the sources,
// and says how to build it when it is missing; scripts/build.mjs --if-stale (npm start, the tests)
// rebuilds dist/ once a source is newer than the build, and only then. Played in a small copy of
// the layout inside the checkout (its node_modules for tsc and @types/node).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TMP = join(REPO, 'tmp');

let root: string;
beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  root = mkdtempSync(join(TMP, 'start-'));
  for (const dir of ['bin', 'src', 'scripts']) mkdirSync(join(root, dir));
  for (const file of ['bin/arxiv-curator.js', 'scripts/build.mjs', 'tsconfig.json', 'tsconfig.build.json'])
    copyFileSync(join(REPO, file), join(root, file));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A CLI whose runProcess prints where it comes from and its arguments, and exits 3. */
const cli = (from: string) =>
  `export async function runProcess(argv: string[]): Promise<void> {\n` +
  `  console.log('${from}', argv.join(' '));\n  process.exitCode = 3;\n}\n`;

function run(file: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, file), ...args], { encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, seconds));

describe('bin/arxiv-curator.js', () => {
  it('runs dist/, even when a source is newer, and never the sources', () => {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/cli.js'), cli('dist').replace(/: string\[\]|: Promise<void>/g, ''));
    writeFileSync(join(root, 'src/cli.ts'), cli('src'));
    utimesSync(join(root, 'dist/cli.js'), at(0), at(0));
    expect(run('bin/arxiv-curator.js', 'a', 'b')).toEqual({ stdout: 'dist a b\n', stderr: '', status: 3 });
  });

  it('says in one line how to build dist/ when it is missing', () => {
    expect(run('bin/arxiv-curator.js', 'authors')).toEqual({
      stdout: '',
      stderr: 'arxiv-curator: dist/ is not built: run `npm run build` (npm install does it)\n',
      status: 2,
    });
  });
});

describe('scripts/build.mjs --if-stale', () => {
  it('builds dist/ when it is missing or older than a source, and leaves it alone otherwise', () => {
    writeFileSync(join(root, 'src/cli.ts'), cli('first'));
    expect(run('scripts/build.mjs', '--if-stale').status).toBe(0);
    expect(run('bin/arxiv-curator.js', 'x')).toMatchObject({ stdout: 'first x\n', status: 3 });
    const stamp = join(root, 'dist/.built');
    const built = statSync(stamp).mtimeMs;
    expect(run('scripts/build.mjs', '--if-stale').status).toBe(0);
    expect(statSync(stamp).mtimeMs).toBe(built);
    writeFileSync(join(root, 'src/cli.ts'), cli('second'));
    const later = new Date(built + 1000);
    utimesSync(join(root, 'src/cli.ts'), later, later);
    expect(run('scripts/build.mjs', '--if-stale').status).toBe(0);
    expect(run('bin/arxiv-curator.js', 'y')).toMatchObject({ stdout: 'second y\n', status: 3 });
    expect(readFileSync(join(root, 'dist/cli.js'), 'utf8')).not.toContain('string[]');
  }, 120_000);
});
