// The real CLI as another user, for what root cannot see (root ignores file modes): `nobody`
// (uid 65534) runs a copy of the installed app that it can reach, wherever the checkout is (a 0700
// `mktemp -d` folder, a home directory, a path with spaces). The copy, made once per process and
// removed at exit, holds what `node bin/arxiv-curator.js` loads: package.json, bin/, dist/ (built by
// global-setup.ts), src/ and config/ with their times kept (bin/ runs dist/ only while no source is
// newer), the runtime dependencies, and node itself when nobody cannot run the one running the tests.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'vitest';
import { BIN, collectOutput, type CliResult } from './cli.ts';

export const NOBODY = { uid: 65534, gid: 65534 };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const isRoot = process.getuid?.() === 0;

/** Hard links where the file system allows (instant), else copies; modes and times kept. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) cpSync(source, target, { verbatimSymlinks: true });
    else
      try {
        linkSync(source, target);
      } catch {
        cpSync(source, target, { preserveTimestamps: true });
      }
  }
}

/** The packages `dependencies` names, and theirs, as installed at the top of node_modules. */
function runtimePackages(): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (found.has(name) || !existsSync(manifest)) return;
    found.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dependency);
  };
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of Object.keys(own.dependencies)) visit(name);
  return [...found];
}

const GUARD = fileURLToPath(new URL('./loopback-only.cjs', import.meta.url));

interface App {
  node: string;
  bin: string;
  /** Where the app's copy is: the process's working directory. */
  top: string;
  /** The environment, with NODE_OPTIONS' loopback guard the copy's (nobody cannot read the checkout's). */
  env: NodeJS.ProcessEnv;
}

let copy: App | undefined;

/** The line of a stack trace that says what went wrong. */
function firstError(stderr: string): string {
  return (stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr).trim();
}

/** The app and a node that nobody can run, or the reason there is none. */
export function appForNobody(): App | { reason: string } {
  if (copy) return copy;
  const top = mkdtempSync(join(tmpdir(), 'curator-app-for-nobody-'));
  process.once('exit', () => rmSync(top, { recursive: true, force: true }));
  chmodSync(top, 0o755);
  for (const part of ['package.json', 'bin', 'dist', 'src', 'config'])
    cpSync(join(ROOT, part), join(top, part), { recursive: true, preserveTimestamps: true });
  for (const name of runtimePackages()) linkTree(join(ROOT, 'node_modules', name), join(top, 'node_modules', name));
  // The loopback guard every process of the suite loads (NODE_OPTIONS), where nobody can read it.
  copyFileSync(GUARD, join(top, 'loopback-only.cjs'));
  const options = (process.env.NODE_OPTIONS ?? '').split(GUARD).join(join(top, 'loopback-only.cjs'));
  const env = { ...process.env, NODE_OPTIONS: options };
  const probe = (node: string) => spawnSync(node, ['-e', '0'], { ...NOBODY, cwd: top, env, encoding: 'utf8' });
  let node = process.execPath;
  if (probe(node).error || probe(node).status !== 0) {
    node = join(top, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    const failed = probe(node);
    if (failed.error || failed.status !== 0)
      return {
        reason: `user ${NOBODY.uid} cannot run node, even copied to ${node}: ${failed.error?.message ?? firstError(failed.stderr)}`,
      };
  }
  copy = { node, bin: join(top, 'bin', 'arxiv-curator.js'), top, env };
  return copy;
}

/** The CLI as nobody (from the copy), or as this user when it is not root; a reason when it cannot run. */
export function runAsNobody(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> | { reason: string } {
  if (!isRoot)
    return collectOutput(
      spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } }),
    );
  const app = appForNobody();
  if ('reason' in app) return app;
  const child = spawn(app.node, [app.bin, ...args], {
    ...NOBODY,
    cwd: app.top,
    env: { ...app.env, LOG_LEVEL: 'warn', ...env },
  });
  return collectOutput(child);
}

/** Skips the test, saying why on stderr; with CI=true the reason fails it instead (CI has what every test needs). */
export function skipOrFailInCi(context: TestContext, reason: string): never {
  if (process.env.CI === 'true') throw new Error(`${reason} (CI runs every test: a skip is a failure there)`);
  process.stderr.write(`skipped: ${context.task.name}: ${reason}\n`);
  return context.skip(reason);
}

/**
 * Runs `act` with this process's effective user and group nobody's when it is root (root ignores
 * file modes, so a folder it may not write would take its file anyway); as another user, as itself.
 * Files the process has open stay usable; the tests of one worker run one at a time, so no other
 * test runs as nobody meanwhile.
 */
export async function asNobodyWhenRoot<T>(act: () => Promise<T>): Promise<T> {
  if (!isRoot) return act();
  process.setegid!(NOBODY.gid);
  process.seteuid!(NOBODY.uid);
  try {
    return await act();
  } finally {
    process.seteuid!(0);
    process.setegid!(0);
  }
}
