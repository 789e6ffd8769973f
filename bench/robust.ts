// `npx tsx bench/robust.ts`: the real `serve` process, as users run it, under hostile
// load and contention, on the 100,000-paper synthetic database (a copy):
//   1. a cache-busting flood (wrk -c32, a random query parameter on every request) while a probe
//      (wrk -c4) reads / : the probe's latency, the flood's rate;
//   2. a flood of one-off addresses (every day of the archive, in three formats), which must be
//      rendered: the probe's latency, and how many the render queue turned away (503);
//   3. another process holding SQLite's write lock for 8 s while the server's own scheduler has a
//      write to make: /healthz and / latency meanwhile;
//   4. a second writer: a small `import` started while a 75 MB `import` runs: how long it waited;
//   5. huge bodies on a server reached from beyond this machine (HOST=0.0.0.0, CURATOR_TOKEN set,
//      a realistic day stored): three 200 MB POSTs to /login, which needs no token, with a
//      Content-Length and then chunked, while a probe reads / : the probe's latency, serve's peak
//      RSS (the figure was 10.4 s and 1.17 GB for one before bodies were bounded).
// ROBUST=login runs only the fifth (no 100,000-paper store to build).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listStoredDays } from '../src/store/read/days.ts';
import { holdWriteLock } from '../tests/support/lock-holder.ts';
import { buildRealisticDay, renderDayAsRss } from '../tests/support/realistic-day.ts';
import {
  describeLoad,
  openBenchDb,
  runImport,
  runWrk,
  startReadyServe,
  writeImportFiles,
  type WrkResult,
} from './support.ts';

const FLOOD = ['-t2', '-c32', '-d10s'];
const PROBE = ['-t1', '-c4', '-d10s'];
const dir = mkdtempSync(join(tmpdir(), 'curator-robust-'));

function luaScript(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

function row(what: string, result: WrkResult): string {
  return `| ${what} | ${result.requestsPerSec.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.max} | ${result.non2xx} of ${result.requests} |`;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5000));

async function floods(url: string, days: string[]): Promise<string[]> {
  const busting = (path: string) =>
    luaScript(
      `busting-${path.replace(/\W/g, '')}.lua`,
      `math.randomseed(os.time())
request = function() return wrk.format("GET", "${path}?r=" .. math.random(1, 1000000000)) end`,
    );
  const oneOff = luaScript(
    'one-off.lua',
    `math.randomseed(os.time())
days = { ${days.map((day) => `"${day}"`).join(', ')} }
formats = { "", ".txt", ".json" }
request = function() return wrk.format("GET", "/digest/" .. days[math.random(#days)] .. formats[math.random(#formats)]) end`,
  );
  const rows = [row('probe alone: /', await runWrk(url, PROBE))];
  for (const [name, script] of [
    ['cache-busting flood /?r=random', busting('/')],
    ['cache-busting flood /rss/daily.xml?r=random', busting('/rss/daily.xml')],
    ['one-off flood /digest/D[.txt|.json], 200 days', oneOff],
  ] as const) {
    await settle();
    const [flood, probe] = await Promise.all([runWrk(url, FLOOD, { script }), runWrk(url, PROBE)]);
    rows.push(row(`${name}: the flood`, flood), row(`${name}: probe /`, probe));
  }
  return rows;
}

/** 8 s of another process's write lock, with a re-flag of the server's own waiting for it. */
async function heldLock(url: string, db: string, authors: string): Promise<string[]> {
  const holder = await holdWriteLock(db);
  const list = JSON.parse(readFileSync(authors, 'utf8')) as { authors: object[] };
  list.authors.push({ id: 'ada-lovelace', name: 'Ada Lovelace' });
  writeFileSync(authors, JSON.stringify(list));
  const probe = ['-t1', '-c4', '-d8s'];
  const [health, page] = await Promise.all([runWrk(`${url}healthz`, probe), runWrk(url, probe)]);
  await holder.release();
  return [row('write lock held 8 s by another process: /healthz', health), row('write lock held 8 s: /', page)];
}

async function secondWriter(): Promise<string> {
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  const files = writeImportFiles(dir, days, 6);
  const db = join(dir, 'import.db');
  let small!: ReturnType<typeof runImport>;
  let began!: () => void;
  const started = new Promise<void>((resolve) => (began = resolve));
  const big = runImport(db, files, () => {
    small = runImport(db, ['tests/fixtures/arxiv/rss2-cs.LG-2026-04-27-trimmed-3items.xml']);
    began();
  });
  await started;
  const [first, second] = await Promise.all([big, small]);
  const waited = /writing now \(waited ([\d.]+ s)\)/.exec(second.stderr)?.[1] ?? 'no wait';
  return (
    `second writer: a 3-paper import started once a 75 MB import (5 files) had stored its first file: ` +
    `exit ${second.code} after ${second.seconds.toFixed(1)} s, of which ${waited} waiting for the write lock ` +
    `(the 75 MB import: exit ${first.code} in ${first.seconds.toFixed(1)} s)`
  );
}

const HUGE_BYTES = 200 * 1024 * 1024;

/** Sends a 200 MB body to /login as fast as the server takes it; what came back and how much was sent. */
function postHugeLogin(url: string, chunked: boolean): Promise<{ status: string; sentMb: number; seconds: number }> {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let sent = 0;
    let status = 'no answer';
    const block = Buffer.alloc(64 * 1024, 0x61);
    const frame = chunked ? Buffer.concat([Buffer.from('10000\r\n'), block, Buffer.from('\r\n')]) : block;
    socket.on(
      'data',
      (data: Buffer) => (status = status === 'no answer' ? data.toString('latin1').split('\r\n')[0]! : status),
    );
    socket.on('error', () => undefined);
    socket.on('close', () =>
      resolve({ status, sentMb: sent / (1024 * 1024), seconds: (performance.now() - started) / 1000 }),
    );
    const length = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${HUGE_BYTES}`;
    socket.write(
      // From this site, as a browser's form would be: the same-site check passes, the body limit is what refuses it.
      `POST /login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: http://${hostname}:${port}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\n${length}\r\n\r\n`,
    );
    const pump = (): void => {
      while (sent < HUGE_BYTES && !socket.destroyed) {
        sent += block.length;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (!socket.destroyed) socket.end(chunked ? '0\r\n\r\n' : '');
    };
    pump();
  });
}

/** serve's resident memory now, from /proc (Linux). */
function readRssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

async function hugeBodies(): Promise<string[]> {
  const db = join(dir, 'login.db');
  const day = join(dir, 'day.xml');
  writeFileSync(day, renderDayAsRss('2026-11-24', buildRealisticDay({ day: '2026-11-24' })));
  await runImport(db, [day]);
  const serve = await startReadyServe({ CURATOR_DB: db, HOST: '0.0.0.0', CURATOR_TOKEN: 'bench-token-0123456789' });
  const url = serve.url.replace('0.0.0.0', '127.0.0.1');
  try {
    const rows = [row('probe alone: /', await runWrk(url, PROBE))];
    for (const chunked of [false, true]) {
      const before = readRssMb(serve.child.pid!);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, readRssMb(serve.child.pid!))), 50);
      const [probe, ...posts] = await Promise.all([
        runWrk(url, PROBE),
        ...[1, 2, 3].map(() => postHugeLogin(url, chunked)),
      ]);
      clearInterval(sampler);
      const how = chunked ? 'chunked' : 'with Content-Length';
      const ends = posts.map(
        (post) => `${post.status} after ${post.sentMb.toFixed(1)} MB, ${post.seconds.toFixed(2)} s`,
      );
      rows.push(
        row(`3 x 200 MB POST /login ${how}: probe /`, probe),
        `| 3 x 200 MB POST /login ${how}: serve's RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB; each POST: ${ends.join('; ')} | | | | | |`,
      );
      await settle();
    }
    return rows;
  } finally {
    await serve.stop();
  }
}

if (process.env.ROBUST === 'login') {
  console.log(
    `\nserve HOST=0.0.0.0 with CURATOR_TOKEN on a realistic day; probe wrk ${PROBE.join(' ')}, ${describeLoad()}\n`,
  );
  console.log(
    ['| what | req/s | p50 | p99 | max | non-2xx |', '|---|---|---|---|---|---|', ...(await hugeBodies())].join('\n'),
  );
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const source = openBenchDb(100_000);
const days = listStoredDays(source).map((day) => day.day);
source.close();
const db = join(dir, 'serve.db');
copyFileSync(source.name, db);
const authors = join(dir, 'authors.json');
copyFileSync('config/authors.json', authors);
const serve = await startReadyServe({ CURATOR_DB: db, CURATOR_AUTHORS: authors });
try {
  const rows = [
    '| what | req/s | p50 | p99 | max | non-2xx |',
    '|---|---|---|---|---|---|',
    ...(await floods(serve.url, days)),
    // The renders the last flood queued (their clients gone) finish first: measured from there.
    ...(await settle().then(() => heldLock(serve.url, db, authors))),
  ];
  console.log(`\nserve on 100,000 papers; flood wrk ${FLOOD.join(' ')}, probe wrk ${PROBE.join(' ')} (--latency)\n`);
  console.log(rows.join('\n'));
} finally {
  await serve.stop();
}
console.log(`\n${await secondWriter()}`);
console.log(`\nhuge bodies, ${describeLoad()}\n`);
console.log(
  ['| what | req/s | p50 | p99 | max | non-2xx |', '|---|---|---|---|---|---|', ...(await hugeBodies())].join('\n'),
);
rmSync(dir, { recursive: true, force: true });
