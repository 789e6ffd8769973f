// Builds a populated test world without the network or the real authors.json: a Context on a
// temp SQLite file, papers ingested per announcement day through the real ingestFeed.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { loadConfig } from '../../src/config.ts';
import { fixedStarredSource, type Context } from '../../src/app/context.ts';
import { silentLogger } from '../../src/app/log.ts';
import { buildStarredList } from '../../src/curate/starred-list.ts';
import { openDb } from '../../src/store/db.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { setMeta } from '../../src/store/write/meta.ts';
import { finishFetchRun, startFetchRun } from '../../src/store/write/runs.ts';
import { QUIET_ROUND_ENV } from './quiet-round.ts';
import { OTHER_PRIMARY } from './realistic-listing.ts';
import type { AnnounceType, FlagPaper, PaperRecord, StarredAuthor, StarredMatch } from '../../src/types.ts';

export const TEST_AUTHORS: StarredAuthor[] = [
  { id: 'yoshua-bengio', name: 'Yoshua Bengio', variants: ['Y. Bengio'], not: [] },
  { id: 'geoffrey-hinton', name: 'Geoffrey Hinton', variants: ['Geoffrey E. Hinton', 'G. E. Hinton'], not: [] },
];

/** Flags by exact name (`exact`) or listed variant (`likely`): enough for rendering tests. */
export function createExactFlag(authors: readonly StarredAuthor[]): FlagPaper {
  return (names) => {
    const matches: StarredMatch[] = [];
    for (const author of authors) {
      const as = names.find((name) => name === author.name || author.variants.includes(name));
      if (as !== undefined)
        matches.push({
          authorId: author.id,
          name: author.name,
          as,
          confidence: as === author.name ? 'exact' : 'likely',
        });
    }
    return matches;
  };
}

export interface TestWorld {
  context: Context;
  dir: string;
  /** Stores one announcement day (as an RSS feed of that day would). */
  ingestDay(day: string, papers: PaperRecord[], now?: string): void;
  /** Records a finished fetch run; `error` makes it a failure. */
  recordFetch(options: { at: string; status?: number; error?: string; day?: string }): void;
  close(): void;
}

export interface TestWorldOptions {
  authors?: StarredAuthor[];
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** Flag with the real matcher (authors.json's rules) instead of exact names and variants. */
  realMatcher?: boolean;
  /** A database file to start from (a copy of it: tests/support/seeded-world.ts). */
  seed?: string;
}

export function createTestWorld(options: TestWorldOptions = {}): TestWorld {
  const dir = mkdtempSync(join(tmpdir(), 'curator-test-'));
  const config = loadConfig({
    CURATOR_DB: join(dir, 'curator.db'),
    LOG_LEVEL: 'silent',
    ...QUIET_ROUND_ENV,
    ...options.env,
  });
  const authors = options.authors ?? TEST_AUTHORS;
  if (options.seed !== undefined) copyFileSync(options.seed, config.dbPath);
  const db = openDb(config.dbPath);
  setMeta(db, 'authors_hash', 'test');
  // The real matcher stays in the list (authors check); flags come from the simpler exact flagger.
  const list = buildStarredList(authors, 'test');
  const starred = options.realMatcher ? list : { ...list, flag: createExactFlag(authors) };
  const context: Context = {
    config,
    db,
    starred: fixedStarredSource(starred),
    log: silentLogger,
    writeLock: { label: 'test' },
    now: options.now ?? (() => new Date('2026-09-25T12:00:00Z')),
  };
  return {
    context,
    dir,
    ingestDay(day, papers, now = `${day}T04:00:05Z`) {
      ingestFeed(
        db,
        { format: 'rss', announcedOn: day, papers },
        { source: 'rss', categories: config.categories, flags: starred, now },
      );
    },
    recordFetch({ at, status, error, day }) {
      const id = startFetchRun(db, 'https://rss.arxiv.org/rss/cs.LG+cs.NE+stat.ML', at);
      finishFetchRun(
        db,
        id,
        { ...(status !== undefined && { status }), ...(error && { error }), ...(day && { day }) },
        at,
      );
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let paperCounter = 0;

/** makePaper's ids start again from 2609.10001 (each test file, as if it ran alone: setup-file.ts). */
export function resetPaperIds(): void {
  paperCounter = 0;
}

/** A paper with sensible defaults; ids are unique per call unless given. */
export function makePaper(overrides: Partial<PaperRecord> = {}): PaperRecord {
  paperCounter++;
  return {
    id: `2609.${String(10000 + paperCounter).padStart(5, '0')}`,
    version: 1,
    title: `A study of things number ${paperCounter}`,
    abstract: 'We study things. Results are shown.',
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.LG'],
    announceType: 'new',
    ...overrides,
  };
}

interface FixturePaper {
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
}

/** Titles, abstracts and author lists of the real API captures, for realistic sizes. */
export function loadFixturePapers(): FixturePaper[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['entry', 'author', 'category'].includes(name),
  });
  const files = [
    'api-query-all_testing-start0-max100-2026-04-12.xml',
    'api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml',
  ];
  const papers: FixturePaper[] = [];
  for (const file of files) {
    const xml = readFileSync(new URL(`../fixtures/arxiv/${file}`, import.meta.url), 'utf8');
    const feed = parser.parse(xml) as { feed: { entry?: Record<string, unknown>[] } };
    for (const entry of feed.feed.entry ?? []) {
      const clean = (value: unknown) => (typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim();
      papers.push({
        title: clean(entry.title),
        abstract: clean(entry.summary),
        authors: ((entry.author as { name: unknown }[]) ?? []).map((author) => clean(author.name)),
        categories: ((entry.category as Record<string, string>[]) ?? [])
          .map((category) => category['@_term']!)
          .filter(Boolean),
      });
    }
  }
  return papers;
}

const CROSS_PRIMARIES = OTHER_PRIMARY.slice(0, 12);

/**
 * A realistic day of `count` papers from the fixtures: about 45% new, 15% cross, 30% replace,
 * 10% replace-cross, with `starred` of them by Yoshua Bengio.
 */
export function makeRealisticDay(count: number, starred: number, idPrefix = '2609'): PaperRecord[] {
  const fixtures = loadFixturePapers();
  return Array.from({ length: count }, (_, index) => {
    const source = fixtures[index % fixtures.length]!;
    const share = index / count;
    const announceType: AnnounceType =
      share < 0.45 ? 'new' : share < 0.6 ? 'cross' : share < 0.9 ? 'replace' : 'replace-cross';
    const authors = index < starred ? [...source.authors.slice(0, 3), 'Yoshua Bengio'] : source.authors;
    return {
      id: `${idPrefix}.${String(10000 + index).padStart(5, '0')}`,
      version: announceType.startsWith('replace') ? 2 : 1,
      title: source.title,
      abstract: source.abstract,
      authors,
      categories: announceType.includes('cross')
        ? [CROSS_PRIMARIES[index % CROSS_PRIMARIES.length]!, 'stat.ML']
        : [...new Set(['cs.LG', ...source.categories.slice(0, 2)])],
      announceType,
      ...(index % 3 === 0 && { comment: '12 pages, 4 figures' }),
    };
  });
}
