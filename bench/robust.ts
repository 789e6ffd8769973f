// `npx tsx bench/robust.ts` (issue 15): the real `serve` process, as users run it, under hostile
// load and contention, on the 100,000-paper synthetic database (a copy):
//   1. a cache-busting flood (wrk -c32, a random query parameter on every request) while a probe
//      (wrk -c4) reads / : the probe's latency, the flood's rate;
//   2. a flood of one-off addresses (every day of the archive, in three formats), which must be
//      rendered: the probe's latency, and how many the render queue turned away (503);
//   3. another process holding SQLite's write lock for 8 s while the server's own scheduler has a
//      write to make: /healthz and / latency meanwhile;
//   4. a second writer: a small `import` started while a 75 MB `import` runs: how long it waited.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listStoredDays } from '../src/store/read/days.ts';
import { holdWriteLock } from '../tests/support/lock-holder.ts';
import { openBenchDb, runImport, runWrk, startReadyServe, writeImportFiles, type WrkResult } from './support.ts';

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
rmSync(dir, { recursive: true, force: true });
