// Import bench: 100,000 real-shaped API entries, 50 files of 2,000, built from the real fixture
// entries with new ids, imported end to end by the CLI (parse, validate, store, index, commit) under
// /usr/bin/time -v; compared with Python feedparser's parse-only rate on the same bytes in the same
// run. Fails (exit 1) below 5x feedparser or above 195 MB peak RSS. BENCH_IMPORT_FILES=10 shortens
// it; BENCH_IMPORT_MEMORY=0 leaves out the memory-per-MB runs after it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRealisticDay, renderDayAsRss } from '../tests/support/realistic-day.ts';
import { describeLoad } from './support.ts';
import { judge } from './targets.ts';

const FILES = Number(process.env.BENCH_IMPORT_FILES ?? 50);
const PER_FILE = 2000;
const FEEDPARSER_FILES = Math.min(FILES, Number(process.env.BENCH_FEEDPARSER_FILES ?? FILES));
const out = join('bench', 'out', 'import');
const fixtures = [
  'api-query-all_testing-start0-max100-2026-04-12.xml',
  'api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml',
];

/** The real `<entry>` elements of the API fixtures, and the feed header to wrap them in. */
function readRealEntries(): { head: string; entries: string[] } {
  let head = '';
  const entries: string[] = [];
  for (const name of fixtures) {
    const xml = readFileSync(join('tests', 'fixtures', 'arxiv', name), 'utf8');
    if (head === '') head = xml.slice(0, xml.indexOf('<entry>'));
    for (const match of xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)) entries.push(match[0]);
  }
  return { head, entries };
}

/** Gives an entry a fresh new-style id (and its links), keeping everything else byte for byte. */
function renumber(entry: string, n: number): string {
  const yymm = `24${String(1 + (n % 12)).padStart(2, '0')}`;
  const id = `${yymm}.${String(Math.floor(n / 12)).padStart(5, '0')}`;
  const old = /<id>https?:\/\/arxiv\.org\/abs\/([^<]+?)(v\d+)<\/id>/.exec(entry);
  if (!old) throw new Error('fixture entry without an abs id');
  return entry.split(old[1]!).join(id);
}

function buildFiles(): string[] {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { head, entries } = readRealEntries();
  const files: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const body: string[] = [];
    for (let i = 0; i < PER_FILE; i++)
      body.push(renumber(entries[(f * PER_FILE + i) % entries.length]!, f * PER_FILE + i));
    const file = join(out, `api-${String(f).padStart(2, '0')}.xml`);
    writeFileSync(file, `${head}${body.join('\n  ')}\n</feed>\n`);
    files.push(file);
  }
  return files;
}

/** What the import bench must show: the ratio and the memory the issue set (README, Performance). */
const TARGET_RATIO = 5;
const TARGET_PEAK_MB = 195;

/** Which start path the CLI takes here (dist/ when built, else the sources through a loader): said beside the figures. */
function describeLoader(): string {
  const run = spawnSync('node', ['bin/arxiv-curator.js', 'authors'], {
    env: { ...process.env, LOG_LEVEL: 'debug', CURATOR_DB: join(out, 'loader.db') },
    encoding: 'utf8',
  });
  return /cli\.loader via=(\w+)/.exec(run.stderr)?.[1] ?? 'unknown';
}

function runImport(files: string[]): { seconds: number; peakMb: number } {
  const db = join(out, 'bench.db');
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', 'node', 'bin/arxiv-curator.js', 'import', ...files], {
    env: { ...process.env, CURATOR_DB: db, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr.slice(-2000)}`);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]);
  // The index's own table of sizes (one row a paper): Debian's sqlite3 (3.40) cannot open the
  // index itself (contentless_delete came in 3.43), though its pages back up and check fine.
  const count = 'SELECT count(*) FROM papers; SELECT count(*) FROM papers_fts_docsize;';
  const stored = execFileSync('sqlite3', [db, count], { encoding: 'utf8' });
  const [papers, indexed] = stored.trim().split('\n').map(Number);
  if (papers !== FILES * PER_FILE || indexed !== papers)
    throw new Error(`stored ${papers} papers, indexed ${indexed}, expected ${FILES * PER_FILE}`);
  const index = execFileSync('sqlite3', [db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%_fts%'"], {
    encoding: 'utf8',
  });
  console.log(`  search index: ${(Number(index) / 2 ** 20).toFixed(1)} MB`);
  return { seconds, peakMb: peakKb / 1024 };
}

const FEEDPARSER = `
import sys, time, feedparser
files = sys.argv[1:]
blobs = [open(f, 'rb').read() for f in files]
t = time.perf_counter(); n = 0
for b in blobs:
    d = feedparser.parse(b)
    n += len(d.entries)
print(n, time.perf_counter() - t)
`;

function runFeedparser(files: string[]): number {
  const run = spawnSync('/usr/bin/python3', ['-c', FEEDPARSER, ...files], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr.slice(-500)}`);
  const [entries, seconds] = run.stdout.trim().split(' ').map(Number);
  return entries! / seconds!;
}

const files = buildFiles();
const total = FILES * PER_FILE;
console.log(`import bench: ${FILES} files x ${PER_FILE} real-shaped API entries = ${total} papers`);
console.log(`  at the start: ${describeLoad()}; the CLI runs ${describeLoader()}`);
const imported = runImport(files);
const rate = total / imported.seconds;
const python = runFeedparser(files.slice(0, FEEDPARSER_FILES));
const ratio = rate / python;
console.log(
  `  arxiv-curator import (end to end, one process): ${imported.seconds.toFixed(2)} s, ${Math.round(rate)} papers/s, peak RSS ${imported.peakMb.toFixed(0)} MB`,
);
console.log(`  python feedparser parse only, ${FEEDPARSER_FILES * PER_FILE} entries: ${Math.round(python)} entries/s`);
const ratioMet = ratio >= TARGET_RATIO;
const memoryMet = imported.peakMb <= TARGET_PEAK_MB;
console.log(
  `  ratio: ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x): ${judge(ratioMet)}; ` +
    `peak RSS ${imported.peakMb.toFixed(0)} MB (target <= ${TARGET_PEAK_MB} MB): ${judge(memoryMet)}; at the end: ${describeLoad()}`,
);

// Memory per MB parsed: RSS files of realistic days (the real captures' titles,
// abstracts and names, 6 copies of a 1,310-paper day: 15 MB) imported alone and five at once, and
// one of 48 MB, near the 50 MB cap. Peak RSS above an import of a 3-item file, per MB of input.
function buildBigRss(day: string, copies: number, offset: number): string {
  const base = buildRealisticDay({ day });
  const papers = Array.from({ length: copies }, (_, k) =>
    base.map((paper, j) => ({
      ...paper,
      id: `26${String(1 + (k % 12)).padStart(2, '0')}.${String(offset + Math.floor(k / 12) * 30000 + j * 2 + (k % 2)).padStart(5, '0')}`,
    })),
  ).flat();
  const file = join(out, `rss-${day}-x${copies}.xml`);
  writeFileSync(file, renderDayAsRss(day, papers));
  return file;
}

function peakOf(files: string[]): { peakMb: number; seconds: number } {
  const db = join(out, 'memory.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', 'node', 'bin/arxiv-curator.js', 'import', ...files], {
    env: { ...process.env, CURATOR_DB: db, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`import failed: ${run.stderr.slice(-2000)}`);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]);
  return { peakMb: peakKb / 1024, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

if (process.env.BENCH_IMPORT_MEMORY !== '0') measureMemoryPerMb();

function measureMemoryPerMb(): void {
  const tiny = ['tests/fixtures/arxiv/rss2-cs.LG-2026-04-27-trimmed-3items.xml'];
  const baseline = peakOf(tiny).peakMb;
  const baselineTwo = peakOf([
    ...tiny,
    'tests/fixtures/arxiv/rss2-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24-trimmed-4items.xml',
  ]).peakMb;
  const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  const fifteen = days.map((day, i) => buildBigRss(day, 6, i * 6000));
  const cap = buildBigRss('2026-11-30', 19, 0);
  const mb = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0) / 1048576;
  console.log(
    `\nmemory per MB parsed (peak RSS of the import process; baseline ${baseline.toFixed(0)} MB for one tiny file, ${baselineTwo.toFixed(0)} MB for two)`,
  );
  for (const [what, files, base] of [
    ['one RSS file', fifteen.slice(0, 1), baseline],
    ['five RSS files in one run', fifteen, baselineTwo],
    ['one RSS file near the 50 MB cap', [cap], baseline],
  ] as const) {
    const { peakMb, seconds } = peakOf([...files]);
    const largest = Math.max(...files.map((file) => statSync(file).size)) / 1048576;
    console.log(
      `  ${what} (${mb([...files]).toFixed(1)} MB, largest ${largest.toFixed(1)} MB): peak RSS ${peakMb.toFixed(0)} MB in ${seconds.toFixed(1)} s, ` +
        `${((peakMb - base) / largest).toFixed(1)} MB above the baseline per MB of the largest file`,
    );
  }
}
