// What the benches share: wrk runs and their figures, the synthetic databases (built once, kept
// in bench/out/), the real `serve` process as users run it, and the load average to print beside
// every timing (figures under load are not the machine's).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../src/store/db.ts';
import { getRankModelFingerprint } from '../src/store/read/model.ts';
import { countPapers } from '../src/store/read/papers.ts';
import { readTrainingFingerprint } from '../src/store/read/training.ts';
import { findClosedPort } from '../tests/support/fake-arxiv.ts';
import { buildRealisticDay, renderDayAsRss } from '../tests/support/realistic-day.ts';
import { fillSyntheticDb } from './synthetic.ts';

export const OUT = fileURLToPath(new URL('./out/', import.meta.url));

/** wrk's usual load: 2 threads, 32 connections, 10 s. */
export const WRK_ARGS = ['-t2', '-c32', '-d10s'];

export interface WrkResult {
  requestsPerSec: number;
  p50: string;
  p99: string;
  max: string;
  non2xx: number;
  /** Connect, read and write errors and timeouts: requests that got no answer at all. */
  socketErrors: number;
  requests: number;
}

/** wrk with `--latency`; asynchronous, so a server in this very process keeps answering. */
export async function runWrk(
  url: string,
  args: readonly string[] = WRK_ARGS,
  options: { headers?: string[]; script?: string } = {},
): Promise<WrkResult> {
  const { stdout: output } = await promisify(execFile)(
    'wrk',
    [
      ...args,
      '--latency',
      ...(options.headers ?? []).flatMap((header) => ['-H', header]),
      ...(options.script ? ['-s', options.script] : []),
      url,
    ],
    { encoding: 'utf8' },
  );
  const percentile = (p: string) => new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output)?.[1] ?? '?';
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requestsPerSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: percentile('50'),
    p99: percentile('99'),
    max: /Latency\s+\S+\s+\S+\s+(\S+)/.exec(output)?.[1] ?? '?',
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? 0),
  };
}

/** wrk's latency as milliseconds ("812.00us", "1.20ms", "2.01s"). */
export function toMs(latency: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(latency);
  if (!match) return Number.NaN;
  const unit = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Number(match[1]) * unit;
}

/**
 * bench/out/bench-<size>.db with `size` synthetic papers, built the first time and kept: a
 * database of an earlier schema is migrated as the server would (the migration's time printed),
 * one of another size rebuilt.
 */
export function openBenchDb(size: number): Db {
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}bench-${size}.db`;
  if (existsSync(path)) {
    const db = openDb(path, {
      report: (event, fields) => event.endsWith('.end') && console.log(`migrated ${path}: ${JSON.stringify(fields)}`),
    });
    if (countPapers(db) === size) return db;
    db.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = openDb(path);
  const started = Date.now();
  fillSyntheticDb(db, size);
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`built ${size} papers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return db;
}

export interface ServeProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

/**
 * `node bin/arxiv-curator.js serve` as a user starts it, on a free port, its URL read from
 * "arxiv-curator: serving <url>". Its scheduler runs: arXiv is a closed port on this machine, so
 * the first fetch fails and waits to be retried (the state the issue measured). Warnings and
 * errors other than those failures are passed on.
 */
export async function startServe(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const closed = `http://127.0.0.1:${await findClosedPort()}`;
  // The blogs too are asked on this machine only.
  mkdirSync(OUT, { recursive: true });
  const feeds = `${OUT}feeds-closed.json`;
  writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'blog', title: 'A blog', url: `${closed}/feed.xml` }] }));
  // BENCH_CPU_PROF=<dir>: a CPU profile of serve (each thread's) written there when it stops.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, 'bin/arxiv-curator.js', 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ARXIV_RSS_BASE: `${closed}/rss/`,
      ARXIV_API_URL: `${closed}/api/query`,
      ARXIV_OAI_URL: `${closed}/oai`,
      ARXIV_AUTHOR_URL: `${closed}/a/`,
      HF_PAPERS_URL: `${closed}/hf`,
      CURATOR_FEEDS: feeds,
      ...env,
    },
  });
  // The end of its log, for the message when it exits before serving.
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    log = (log + text).slice(-2000);
    for (const line of text.split('\n'))
      if (/ (warn|error) /.test(line) && !line.includes(closed) && !/fetch|round|retry/.test(line))
        process.stderr.write(`  [serve] ${line}\n`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before serving:\n${log}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /arxiv-curator: serving (\S+)/.exec(stdout)?.[1];
      if (url)
        resolve({
          url: url.endsWith('/') ? url : `${url}/`,
          child,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
  });
}

/**
 * serve, once its start-up work is over: the ranking's first training (on its worker, seconds on
 * a big store) would load the machine during the first measurements, and the first round (arXiv's
 * feed, then the starred authors, the reading list, the blogs and the counts, each failing against
 * the closed port after its retries) records each outcome, and every record is a change every page
 * shows. Measured then is the state the issue describes: the round over, a retry pending.
 */
export async function startReadyServe(env: NodeJS.ProcessEnv & { CURATOR_DB: string }): Promise<ServeProcess> {
  const serve = await startServe(env);
  const db = openDb(env.CURATOR_DB, { readOnly: true });
  const deadline = Date.now() + 600_000;
  const running = async () => {
    const health = (await (await fetch(`${serve.url}healthz`)).json()) as { activity: string | null };
    return /^(Checking|Fetching|Catching)/.test(health.activity ?? '');
  };
  try {
    while (getRankModelFingerprint(db) !== readTrainingFingerprint(db) && Date.now() < deadline) await delay(500);
    while ((await running()) && Date.now() < deadline) await delay(1000);
  } finally {
    db.close();
  }
  await fetch(serve.url).then((response) => response.arrayBuffer());
  return serve;
}

/** "load average 1.2, 0.9, 0.7": printed with the figures. */
export function describeLoad(): string {
  return `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(', ')}`;
}

/**
 * Real-shaped feed files in `dir`, one per day, each `copies` realistic days (1,310 papers) under
 * new ids: by default five days of 10,480 (52,400 papers), dated long before the store's days.
 */
export function writeImportFiles(
  dir: string,
  days = ['2020-01-06', '2020-01-07', '2020-01-08', '2020-01-09', '2020-01-10'],
  copies = 8,
): string[] {
  return days.map((day, i) => {
    const base = buildRealisticDay({ day });
    const prefix = `${day.slice(2, 4)}${day.slice(5, 7)}`;
    const papers = Array.from({ length: copies }, (_, k) =>
      base.map((paper, j) => ({ ...paper, id: `${prefix}.${String(i * 20000 + k * 2000 + j).padStart(5, '0')}` })),
    ).flat();
    const file = join(dir, `${day}.xml`);
    writeFileSync(file, renderDayAsRss(day, papers));
    return file;
  });
}

/** `arxiv-curator import` of `files` into `db`, as a user runs it; `onFirstLine` when it prints its first. */
export function runImport(
  db: string,
  files: string[],
  onFirstLine?: () => void,
): Promise<{ code: number | null; seconds: number; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/arxiv-curator.js', 'import', ...files], {
    env: { ...process.env, CURATOR_DB: db, LOG_LEVEL: 'warn' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => onFirstLine?.());
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, seconds: (performance.now() - started) / 1000, stderr })),
  );
}
