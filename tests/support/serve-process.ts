// The real `arxiv-curator serve` process, started as a user starts it, against a fake arXiv.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../../src/store/db.ts';
import { markDayStored } from '../../src/store/write/announcements.ts';
import { startFakeArxiv, type FakeArxiv } from './fake-arxiv.ts';
import { QUIET_ROUND_ENV } from './quiet-round.ts';

const BIN = fileURLToPath(new URL('../../bin/arxiv-curator.js', import.meta.url));
const AUTHORS = fileURLToPath(new URL('../../config/authors.json', import.meta.url));
export const RSS_PATH = '/rss/cs.LG+cs.NE+stat.ML';

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  url: Promise<string>;
  /** Resolves on the first stderr line containing `text`. */
  waitForLog(text: string): Promise<string>;
  /** Resolves on the first stderr line containing `text` written after this call. */
  waitForNextLog(text: string): Promise<string>;
  /** Resolves on the first stdout line containing `text`. */
  waitForOutput(text: string): Promise<string>;
  exit: Promise<{ code: number | null; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

const children: ChildProcessWithoutNullStreams[] = [];

/** Kills what a test left running (call it in afterEach). */
export function stopServeProcesses(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

/** `serve` on a free port with arXiv's URLs pointing at `arxiv`; `env` adds to (or overrides) that. */
export function startServeProcess(arxiv: FakeArxiv, env: NodeJS.ProcessEnv): ServeProcess {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base['ARXIV_MIN_INTERVAL_MS'];
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...base,
      PORT: '0',
      LOG_LEVEL: 'info',
      ARXIV_RSS_BASE: `${arxiv.url}/rss/`,
      ARXIV_API_URL: `${arxiv.url}/api/query`,
      ...QUIET_ROUND_ENV,
      ...env,
    },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const logWaiters = createWaiters(() => stderr);
  const outputWaiters = createWaiters(() => stdout);
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    logWaiters.check();
  });
  const url = new Promise<string>((resolve) =>
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      outputWaiters.check();
      const match = /serving (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    }),
  );
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  return {
    child,
    url,
    exit,
    waitForLog: (text) => logWaiters.wait(text),
    waitForNextLog: (text) => logWaiters.wait(text, stderr.length),
    waitForOutput: outputWaiters.wait,
    kill: (signal) => void child.kill(signal),
  };
}

/** Promises for the first line of a growing text (from an offset in it) that contains a given string. */
function createWaiters(read: () => string) {
  const waiters: { text: string; from: number; resolve: (line: string) => void }[] = [];
  const find = (text: string, from: number) =>
    read()
      .slice(from)
      .split('\n')
      .find((line) => line.includes(text));
  return {
    check() {
      for (const waiter of [...waiters]) {
        const line = find(waiter.text, waiter.from);
        if (line === undefined) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    },
    wait: (text: string, from = 0) =>
      new Promise<string>((resolve) => {
        const line = find(text, from);
        if (line !== undefined) resolve(line);
        else waiters.push({ text, from, resolve });
      }),
  };
}

/** Tuesday 28 April 2026, 00:40 New York time: the day the e2e tests' servers fetch. */
export const E2E_NOW = '2026-04-28T04:40:00Z';
export const E2E_DAY = '2026-04-28';
const WEEK_BEFORE = ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24', '2026-04-27'];

export interface ServeWorld {
  dir: string;
  arxiv: FakeArxiv;
  /** CURATOR_DB and CURATOR_AUTHORS in `dir`, the clock at E2E_NOW, arXiv's URLs at `arxiv`. */
  env: NodeJS.ProcessEnv & { CURATOR_DB: string; CURATOR_AUTHORS: string };
  /** Kills the servers left running, stops the fake arXiv, removes `dir`. */
  close(): Promise<void>;
}

/**
 * A data folder for real processes: the shipped authors.json, and the week before E2E_DAY marked
 * stored, so a server's only request to arXiv is that day's feed; a fake arXiv on loopback.
 */
export async function createServeWorld(prefix: string): Promise<ServeWorld> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const arxiv = await startFakeArxiv();
  const env = {
    CURATOR_DB: join(dir, 'curator.db'),
    CURATOR_AUTHORS: join(dir, 'authors.json'),
    CURATOR_NOW: E2E_NOW,
    ARXIV_MIN_INTERVAL_MS: '20',
    ARXIV_RSS_BASE: `${arxiv.url}/rss/`,
    ARXIV_API_URL: `${arxiv.url}/api/query`,
  };
  copyFileSync(AUTHORS, env.CURATOR_AUTHORS);
  const db = openDb(env.CURATOR_DB);
  for (const day of WEEK_BEFORE) markDayStored(db, day, 'rss', E2E_NOW);
  db.close();
  return {
    dir,
    arxiv,
    env,
    close: async () => {
      stopServeProcesses();
      await arxiv.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
