// bin/arxiv-curator.js runs the compiled dist/ while it is as new as src/, and the sources
// otherwise (Node's own type stripping where it has it, else tsx), so an edited checkout never
// runs old code. Played in a copy of the layout inside the checkout (for node_modules/tsx).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/arxiv-curator.js', import.meta.url));
const TMP = fileURLToPath(new URL('../../tmp/', import.meta.url));

let root: string;
beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  root = mkdtempSync(join(TMP, 'loader-'));
  for (const dir of ['bin', 'src', 'dist']) mkdirSync(join(root, dir));
  copyFileSync(BIN, join(root, 'bin/arxiv-curator.js'));
  const main = (from: string) =>
    `export async function main(args) { console.log('${from}', args.join(' ')); return 3; }\n`;
  writeFileSync(join(root, 'src/cli.ts'), main('src').replace('(args)', '(args: string[]): Promise<number>'));
  writeFileSync(join(root, 'dist/cli.js'), main('dist'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function run(): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [join(root, 'bin/arxiv-curator.js'), 'a', 'b'], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'debug' },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, seconds));

it('runs dist/ while no source is newer than the build', () => {
  writeFileSync(join(root, 'dist/.built'), 'x');
  utimesSync(join(root, 'src/cli.ts'), at(0), at(0));
  utimesSync(join(root, 'dist/.built'), at(1), at(1));
  expect(run()).toMatchObject({
    stdout: 'dist a b\n',
    status: 3,
    stderr: expect.stringContaining('cli.loader via=dist'),
  });
});

it('runs the sources once one is newer than the build, or when there is none', () => {
  writeFileSync(join(root, 'dist/.built'), 'x');
  utimesSync(join(root, 'dist/.built'), at(0), at(0));
  utimesSync(join(root, 'src/cli.ts'), at(1), at(1));
  const stale = run();
  expect(stale).toMatchObject({ stdout: 'src a b\n', status: 3 });
  const via = (process.features as { typescript?: string }).typescript ? 'strip' : 'tsx';
  expect(stale.stderr).toContain(`cli.loader via=${via}`);
  rmSync(join(root, 'dist'), { recursive: true });
  expect(run()).toMatchObject({ stdout: 'src a b\n', status: 3 });
});
