// Synthetic, real-shaped data for the bench: ~500 papers per announcement day (new, cross,
// replace, replace-cross as arXiv lists them), ~70-char titles, 1,000-char abstracts, 4-6
// authors, about 0.5% of papers by a starred author. Written with prepared statements in big
// transactions: ingestFeed's per-paper lookups are not needed for data known to be fresh.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { openDb, type Db } from '../src/store/db.ts';
import { countPapers } from '../src/store/read/papers.ts';
import { prepareSearchIndex } from '../src/store/write/search-index.ts';
import { addDays, weekday } from '../src/calendar/days.ts';
import type { AnnounceType, StarredAuthor } from '../src/types.ts';

export const BENCH_AUTHORS: StarredAuthor[] = [
  { id: 'yoshua-bengio', name: 'Yoshua Bengio', variants: ['Y. Bengio'], not: [] },
  { id: 'geoffrey-hinton', name: 'Geoffrey Hinton', variants: [], not: [] },
  { id: 'yann-lecun', name: 'Yann LeCun', variants: [], not: [] },
];

export const WORDS = (
  'learning neural network model training data graph attention transformer optimization gradient stochastic ' +
  'bayesian inference reinforcement policy agent robust adversarial generative diffusion latent representation kernel ' +
  'convex bound regret sample efficient sparse scaling language vision benchmark dataset causal estimation theory'
).split(' ');
export const NAMES =
  'Ada Alan Grace Edsger Barbara Donald John Leslie Tony Frances Radia Shafi Judea Michael Daphne Fei-Fei'.split(' ');
export const FAMILIES =
  'Lovelace Turing Hopper Dijkstra Liskov Knuth McCarthy Lamport Hoare Allen Perlman Goldwasser Pearl Jordan Koller Li Wang Zhang Chen Kumar'.split(
    ' ',
  );
const CATEGORIES = ['cs.LG', 'cs.NE', 'stat.ML'];
const CROSS = ['cs.CV', 'cs.CL', 'cs.AI', 'math.OC', 'stat.ME', 'eess.SP', 'cs.RO', 'q-bio.NC'];
const PER_DAY = 500;

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function words(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${WORDS[Math.floor(random() * WORDS.length)]} `;
  return text.trim();
}

/** Fills an empty, migrated database with `count` papers; returns the number of days. */
export function fillSyntheticDb(db: Db, count: number): number {
  const random = createRandom(42);
  const paper = db.prepare(`INSERT INTO papers (id, version, title, abstract, authors, categories, comment, first_seen,
    search_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const searchIndex = prepareSearchIndex(db);
  const announce = db.prepare(
    "INSERT INTO announcements (day, paper_id, version, announce_type, source) VALUES (?, ?, ?, ?, 'rss')",
  );
  const star = db.prepare('INSERT INTO starred (paper_id, author_id, as_written, confidence) VALUES (?, ?, ?, ?)');
  const dayRow = db.prepare("INSERT INTO days (day, papers, source, stored_at) VALUES (?, ?, 'rss', ?)");
  const days = Math.ceil(count / PER_DAY);
  let day = addDays('2026-09-25', -Math.ceil((days * 7) / 5) - 7);
  let written = 0;
  const writeDay = db.transaction((date: string, size: number) => {
    for (let index = 0; index < size; index++, written++) {
      const share = index / size;
      const type: AnnounceType =
        share < 0.45 ? 'new' : share < 0.6 ? 'cross' : share < 0.9 ? 'replace' : 'replace-cross';
      const id = `${String(1000 + Math.floor(written / 99999)).padStart(4, '0')}.${String(written % 99999).padStart(5, '0')}`;
      const authors = Array.from(
        { length: 4 + Math.floor(random() * 3) },
        () => `${NAMES[Math.floor(random() * NAMES.length)]} ${FAMILIES[Math.floor(random() * FAMILIES.length)]}`,
      );
      const starred = random() < 0.005 ? BENCH_AUTHORS[Math.floor(random() * BENCH_AUTHORS.length)]! : undefined;
      if (starred) authors[1] = starred.name;
      const primary = type.includes('cross') ? CROSS[index % CROSS.length]! : CATEGORIES[index % CATEGORIES.length]!;
      const v = type.startsWith('replace') ? 2 : 1;
      const at = `${date}T04:00:00Z`;
      // Real titles run 20 to 150 characters, 71 on average (the captured feeds); abstracts ~1,000.
      const [title, abstract, authorList] = [
        words(random, 35 + Math.floor(random() * 60)),
        words(random, 1000),
        JSON.stringify(authors),
      ];
      const categories = [primary, 'cs.AI'];
      const { lastInsertRowid } = paper.run(
        id,
        v,
        title,
        abstract,
        authorList,
        JSON.stringify(categories),
        index % 3 === 0 ? '12 pages, 4 figures' : null,
        at,
        date,
      );
      searchIndex.add(lastInsertRowid, date, { title, abstract, authors, categories });
      announce.run(date, id, v, type);
      if (starred) star.run(id, starred.id, starred.name, 'exact');
    }
    searchIndex.flush();
    dayRow.run(date, size, `${date}T04:00:05Z`);
  });
  for (let left = count; left > 0; left -= PER_DAY) {
    while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
    writeDay(day, Math.min(PER_DAY, left));
    day = addDays(day, 1);
  }
  db.prepare("INSERT INTO meta (key, value) VALUES ('authors_hash', 'bench')").run();
  return days;
}

const OUT = new URL('./out/', import.meta.url).pathname;

/**
 * bench/out/bench-<size>.db, built once and kept: a database of an earlier schema is migrated
 * as the server would (and the migration's time printed), one of another size rebuilt.
 */
export function openSyntheticDb(size: number): Db {
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}bench-${size}.db`;
  if (existsSync(path)) {
    const started = Date.now();
    const db = openDb(path, {
      report: (event, fields) => event.endsWith('.end') && console.log(`migrated ${path}: ${JSON.stringify(fields)}`),
    });
    if (countPapers(db) === size) {
      if (Date.now() - started > 1000) console.log(`opened in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return db;
    }
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
