import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb, type Db } from '../../src/store/db.ts';
import { ingestFeed } from '../../src/store/write/ingest.ts';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { SCHEMA_VERSION } from '../../src/store/migrations.ts';
import type { PaperRecord, ParsedFeed, StarredMatch } from '../../src/types.ts';

const CATEGORIES = ['cs.LG', 'cs.NE', 'stat.ML'];
const names = new Map([['yoshua-bengio', 'Yoshua Bengio']]);
const flag = (authors: readonly string[]): StarredMatch[] =>
  authors.includes('Yoshua Bengio')
    ? [{ authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' }]
    : [];

function paper(over: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: '2604.01234',
    version: 1,
    title: 'A title',
    abstract: 'An abstract.',
    authors: ['Ada Lovelace'],
    categories: ['cs.LG', 'stat.ML'],
    announceType: 'new',
    ...over,
  };
}

function rss(day: string, papers: PaperRecord[]): ParsedFeed {
  return { format: 'rss', announcedOn: day, papers };
}

let dir: string;
let db: Db;
const ingest = (feed: ParsedFeed, day?: string) =>
  ingestFeed(db, feed, {
    source: feed.format,
    categories: CATEGORIES,
    flags: { hash: 'test', flag },
    now: '2026-04-27T05:00:00.000Z',
    ...(day && { day }),
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-store-'));
  db = openDb(join(dir, 'curator.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function dump(): unknown {
  const tables = ['papers', 'announcements', 'days', 'starred'];
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}

describe('ingesting feeds into the store', () => {
  it('stores the same feed twice as the same rows', () => {
    const feed = rss('2026-04-27', [paper(), paper({ id: '2604.05678', authors: ['Yoshua Bengio'] })]);
    ingest(feed);
    const first = dump();
    const again = ingest(feed);
    expect(again).toMatchObject({ inserted: 0, unchanged: 2 });
    expect(dump()).toEqual(first);
  });

  it('lets a newer version update the paper', () => {
    ingest(rss('2026-04-27', [paper({ version: 1, title: 'First title' })]));
    ingest(rss('2026-04-29', [paper({ version: 2, title: 'Second title', announceType: 'replace' })]));
    const row = db.prepare('SELECT version, title FROM papers WHERE id = ?').get('2604.01234');
    expect(row).toEqual({ version: 2, title: 'Second title' });
  });

  it('never lets an older version overwrite a newer one', () => {
    ingest(rss('2026-04-29', [paper({ version: 3, title: 'Third title', announceType: 'replace' })]));
    ingest({ format: 'atom', papers: [paper({ version: 1, title: 'First title', comment: '12 pages' })] });
    const row = db.prepare('SELECT version, title, comment FROM papers').get();
    // The old version's comment fills a gap, its title does not win.
    expect(row).toEqual({ version: 3, title: 'Third title', comment: '12 pages' });
  });

  it('stores a paper seen in two single-category feeds on one day once', () => {
    ingest(rss('2026-04-27', [paper({ announceType: 'cross' })]));
    ingest(rss('2026-04-27', [paper({ announceType: 'new' })]));
    const papers = getDayPapers(db, '2026-04-27', names);
    expect(papers.map((p) => [p.id, p.announceType])).toEqual([['2604.01234', 'new']]);
  });

  it('records an empty feed as a stored day without papers', () => {
    ingest(rss('2026-03-29', []));
    expect(db.prepare('SELECT day, papers FROM days').all()).toEqual([{ day: '2026-03-29', papers: 0 }]);
  });

  it('tells new from cross-list by the primary category when the API does not say', () => {
    const api: ParsedFeed = {
      format: 'atom',
      papers: [
        paper({ id: '2604.00001', announceType: undefined, categories: ['cs.LG'] }),
        paper({ id: '2604.00002', announceType: undefined, categories: ['math.OC', 'cs.LG'] }),
        paper({ id: '2604.00003', announceType: undefined, version: 2, categories: ['stat.ML'] }),
      ],
    };
    ingest(api, '2026-04-28');
    const types = getDayPapers(db, '2026-04-28', names).map((p) => [p.id, p.announceType]);
    expect(types).toEqual([
      ['2604.00001', 'new'],
      ['2604.00002', 'cross'],
      ['2604.00003', 'replace'],
    ]);
  });

  it('files an API day of first submissions as version 1, new or cross, even when revised since', () => {
    const api: ParsedFeed = {
      format: 'atom',
      papers: [
        paper({ id: '2604.00001', announceType: undefined, version: 3, categories: ['cs.LG'] }),
        paper({ id: '2604.00002', announceType: undefined, version: 2, categories: ['math.OC', 'stat.ML'] }),
      ],
    };
    ingestFeed(db, api, {
      source: 'api',
      day: '2026-04-28',
      categories: CATEGORIES,
      flags: { hash: 'test', flag },
      now: '2026-04-28T05:00:00Z',
      firstSubmissions: true,
    });
    const announced = getDayPapers(db, '2026-04-28', names).map((p) => [p.id, p.version, p.announceType]);
    expect(announced).toEqual([
      ['2604.00001', 1, 'new'],
      ['2604.00002', 1, 'cross'],
    ]);
    expect(db.prepare('SELECT version FROM papers ORDER BY id').all()).toEqual([{ version: 3 }, { version: 2 }]);
  });

  it('flags starred authors and finds them through full-text search', () => {
    ingest(
      rss('2026-04-27', [
        paper({ id: '2604.05678', title: 'Deep <b>nets</b> & LaTeX $x^2$', authors: ['Yoshua Bengio'] }),
      ]),
    );
    const [found] = getDayPapers(db, '2026-04-27', names);
    expect(found!.starred).toEqual([
      { authorId: 'yoshua-bengio', name: 'Yoshua Bengio', as: 'Yoshua Bengio', confidence: 'exact' },
    ]);
    expect(found!.title).toBe('Deep <b>nets</b> & LaTeX $x^2$');
    const hits = db.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'bengio'").all();
    expect(hits).toHaveLength(1);
  });

  it('rolls back the whole feed when one paper fails', () => {
    ingest(rss('2026-04-27', [paper()]));
    const before = dump();
    const broken = rss('2026-04-28', [
      paper({ id: '2604.09999' }),
      { ...paper({ id: '2604.08888' }), title: null as unknown as string },
    ]);
    expect(() => ingest(broken)).toThrow(/NOT NULL/);
    expect(dump()).toEqual(before);
  });
});

describe('the schema', () => {
  it('refuses a database written by a newer arxiv-curator', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDb(path)).toThrow(/newer than this arxiv-curator understands/);
  });

  it('runs in WAL mode with a busy timeout', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
