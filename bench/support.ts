// What the benches share: wrk runs and their figures, the synthetic databases (built once, kept
// in bench/out/), and the real `serve` process as users run it.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { openDb } from '../src/store/db.ts';
import { countPapers } from '../src/store/read/papers.ts';
import { fillSyntheticDb } from './synthetic.ts';

export const OUT = new URL('./out/', import.meta.url).pathname;

export interface WrkResult {
  requestsPerSec: number;
  p50: string;
  p99: string;
  max: string;
  non2xx: number;
  requests: number;
}

/** wrk with `--latency`; asynchronous, so a server in this very process keeps answering. */
export async function runWrk(url: string, args: string[], options: { headers?: string[]; script?: string } = {}) {
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
  return {
    requestsPerSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: percentile('50'),
    p99: percentile('99'),
    max: /Latency\s+\S+\s+\S+\s+(\S+)/.exec(output)?.[1] ?? '?',
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
    requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? 0),
  } satisfies WrkResult;
}

/** bench/out/bench-<size>.db with `size` synthetic papers, built the first time. */
export function openBenchDb(size: number) {
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}bench-${size}.db`;
  if (existsSync(path)) {
    const db = openDb(path);
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

/** `node bin/arxiv-curator.js serve` on a free port; its URL read from "arxiv-curator: serving <url>". */
export function startServe(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/arxiv-curator.js', 'serve'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`  [serve] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before serving`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /arxiv-curator: serving (\S+)/.exec(stdout)?.[1];
      if (url)
        resolve({
          url,
          child,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
    });
  });
}
