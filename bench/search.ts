// `npx tsx bench/search.ts`: search on 100,000 synthetic papers (BENCH_SIZES=100000,1000000
// for more), through the process users run: `arxiv-curator serve` on the bench database.
// 1. p50/p99 of one- and two-word searches over HTTP, each URL asked once (no cached body);
//    the synthetic vocabulary puts each of its 38 words in nearly every abstract, so most are
//    the worst case, a word in every paper. Target: p99 < 50 ms at 100,000 papers.
// 2. wrk on / and /rss.xml, alone and while clients loop over heavy searches ("the", "quantum",
//    "learning", ...): the searches run on reader threads and must not move /'s p99.
// Also the same searches in this process, straight on the store (the engine without HTTP).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Db } from '../src/store/db.ts';
import { searchPapers } from '../src/store/read/search.ts';
import { parseSearchParams } from '../src/views/search-query.ts';
import { FAMILIES, NAMES, openSyntheticDb, WORDS } from './synthetic.ts';
import { runWrk, WRK_ARGS, type WrkResult } from './wrk.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
const HEAVY = ['the', 'quantum', 'learning', 'model data', 'neural network', 'graph attention'];
const LOOP_CLIENTS = 2;

/** Distinct one- and two-word searches: every word and name, pairs of words, first and last names. */
function buildQueries(): { one: string[]; two: string[] } {
  let seed = 7;
  // The high bits of a linear congruential generator: its low bits repeat with a short period.
  const pick = <T>(list: readonly T[]) =>
    list[Math.floor(((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) * list.length)]!;
  const one = [...WORDS, ...NAMES, ...FAMILIES, 'the', 'quantum', 'transformers'].flatMap((word) => [
    `q=${encodeURIComponent(word)}`,
    `q=${encodeURIComponent(word)}&page=2`,
  ]);
  const two = new Set<string>();
  while (two.size < 200) two.add(`q=${encodeURIComponent(`${pick(WORDS)} ${pick(WORDS)}`)}`);
  while (two.size < 260) two.add(`q=${encodeURIComponent(`${pick(NAMES)} ${pick(FAMILIES)}`)}`);
  return { one, two: [...two] };
}

function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return `n=${sorted.length} p50 ${at(50).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms, max ${at(100).toFixed(1)} ms`;
}

/**
 * The store alone: the same searches on this process's connection, in wall time and in CPU time
 * of this process (one thread here: what a search costs, whatever else runs on the machine).
 */
function timeEngine(db: Db, queries: string[]): string {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const query of queries) {
    const request = parseSearchParams(Object.fromEntries(new URLSearchParams(query)));
    if (request.kind !== 'query') throw new Error(`not a search: ${query}`);
    const [started, used] = [performance.now(), process.cpuUsage()];
    searchPapers(db, request.query, { offset: (request.page - 1) * 20, limit: 20 }, new Map());
    wall.push(performance.now() - started);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return `wall ${percentiles(wall)}; CPU ${percentiles(cpu).replace(/^n=\d+ /, '')}`;
}

async function timeHttp(url: string, queries: string[]): Promise<string> {
  const ms: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const response = await fetch(`${url}search?${query}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`/search?${query}: HTTP ${response.status}`);
    ms.push(performance.now() - started);
  }
  return percentiles(ms);
}

/** Clients asking heavy searches one after another (a new page each time: no cached body) until stopped. */
function loopSearches(url: string): { stop: () => Promise<string> } {
  let running = true;
  const ms: number[] = [];
  let refused = 0;
  const client = async (offset: number) => {
    for (let n = offset; running; n += LOOP_CLIENTS) {
      const query = HEAVY[n % HEAVY.length]!;
      const started = performance.now();
      const response = await fetch(
        `${url}search?q=${encodeURIComponent(query)}&page=${1 + (Math.floor(n / HEAVY.length) % 500)}`,
      );
      await response.arrayBuffer();
      if (response.status === 503) refused++;
      else ms.push(performance.now() - started);
    }
  };
  const clients = Array.from({ length: LOOP_CLIENTS }, (_, i) => client(i));
  return {
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return `${percentiles(ms)}, ${refused} refused (503)`;
    },
  };
}

function findClosedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `arxiv-curator serve` on the database; its scheduler fails fast on a closed port and waits to retry. */
async function startServe(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const closed = `http://127.0.0.1:${await findClosedPort()}`;
  const child = spawn(process.execPath, ['bin/arxiv-curator.js', 'serve'], {
    env: {
      ...process.env,
      CURATOR_DB: dbPath,
      PORT: '0',
      HOST: '127.0.0.1',
      // Its scheduler's failures to reach the closed port are expected.
      LOG_LEVEL: 'silent',
      ARXIV_RSS_BASE: `${closed}/rss/`,
      ARXIV_API_URL: `${closed}/api/query`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /arxiv-curator: serving (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with code ${code}`)));
  });
  return { url, child };
}

function row(size: number, target: string, result: WrkResult): string {
  return `| ${size.toLocaleString('en')} | ${target} | ${result.requestsPerSec.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.non2xx} |`;
}

async function benchSize(size: number): Promise<string[]> {
  const db = openSyntheticDb(size);
  const index = db
    .prepare(`SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'papers_fts%' OR name LIKE 'names_fts%'`)
    .pluck()
    .get() as number;
  console.log(`${size} papers: search index ${(index / 2 ** 20).toFixed(1)} MB`);
  const queries = buildQueries();
  console.log(`  store, one word:  ${timeEngine(db, queries.one)}`);
  console.log(`  store, two words: ${timeEngine(db, queries.two)}`);
  const path = db.name;
  db.close();
  const serve = await startServe(path);
  try {
    await fetch(serve.url).then((response) => response.arrayBuffer());
    console.log(`  HTTP /search, one word:  ${await timeHttp(serve.url, queries.one)}`);
    console.log(`  HTTP /search, two words: ${await timeHttp(serve.url, queries.two)}`);
    const rows = [row(size, '/', await runWrk(serve.url)), row(size, '/rss.xml', await runWrk(`${serve.url}rss.xml`))];
    let loop = loopSearches(serve.url);
    rows.push(row(size, `/ with ${LOOP_CLIENTS} clients looping heavy searches`, await runWrk(serve.url)));
    console.log(`  heavy searches during wrk on /: ${await loop.stop()}`);
    loop = loopSearches(serve.url);
    rows.push(
      row(size, `/rss.xml with ${LOOP_CLIENTS} clients looping heavy searches`, await runWrk(`${serve.url}rss.xml`)),
    );
    console.log(`  heavy searches during wrk on /rss.xml: ${await loop.stop()}`);
    return rows;
  } finally {
    const exited = new Promise((resolve) => serve.child.once('exit', resolve));
    serve.child.kill('SIGTERM');
    await exited;
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
console.log(`load average at the start: ${load()} (timings under load are not the machine's)`);
const lines = ['| papers | target | req/s | p50 | p99 | non-2xx/3xx |', '|---|---|---|---|---|---|'];
for (const size of SIZES) lines.push(...(await benchSize(size)));
console.log(`load average at the end: ${load()}`);
console.log(`\nwrk ${WRK_ARGS.join(' ')} <url>, against arxiv-curator serve; heavy searches: ${HEAVY.join(', ')}\n`);
console.log(lines.join('\n'));
