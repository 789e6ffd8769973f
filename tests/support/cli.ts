// Runs the CLI: in-process through main() for speed, or as the real `bin/arxiv-curator.js` process.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { main } from '../../src/cli.ts';
import type { Io } from '../../src/commands/types.ts';
import { QUIET_ROUND_ENV } from './quiet-round.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = fileURLToPath(new URL('../../bin/arxiv-curator.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/arxiv/', import.meta.url));

/** In-process; `sleep` replaces the real waits between requests and retries. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, sleep?: Io['sleep']): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { LOG_LEVEL: 'warn', ...QUIET_ROUND_ENV, ...env },
    ...(sleep && { sleep }),
  });
  return { code, stdout, stderr };
}

/** What a child process wrote and its exit code, once it has closed. */
export function collectOutput(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The real process, as a user runs it. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const withQuietRound = { ...process.env, LOG_LEVEL: 'warn', ...QUIET_ROUND_ENV, ...env };
  return collectOutput(spawn(process.execPath, [BIN, ...args], { env: withQuietRound }));
}

/** The real process, watched while it runs: `stderrSaid(text)` resolves once its stderr contains `text`. */
export function startCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...QUIET_ROUND_ENV, ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    for (const waiter of waiters.filter((w) => stderr.includes(w.text))) waiter.resolve();
  });
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return {
    done,
    kill: (signal: NodeJS.Signals) => child.kill(signal),
    stderrSaid: (text: string) =>
      new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : waiters.push({ text, resolve }))),
  };
}

/** A temporary folder with a database path in it; `cleanup()` removes it. */
export function makeTempDb(): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'curator-cli-'));
  return { dir, db: join(dir, 'curator.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every row of the data tables (the fetch log is a log and is left out). */
export function dumpData(dbPath: string): Record<string, unknown[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const tables = ['papers', 'announcements', 'days', 'starred', 'http_validators'];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
  } finally {
    db.close();
  }
}
