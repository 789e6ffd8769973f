// Migrations on real SQLite files: a database written by an older version is brought up to the
// current schema with its data (the Signal-Desktop pattern: migrate to N-1, insert rows as that
// version wrote them, migrate to the latest, check the rows). No test pins the latest version.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrate, SCHEMA_VERSION } from '../../src/store/migrations.ts';
import { getPendingSends } from '../../src/store/read/sends.ts';
import { getDayPapers } from '../../src/store/read/digest.ts';
import { getLastFetchRun } from '../../src/store/read/runs.ts';
import { searchItems } from '../../src/store/read/source-items.ts';
import { confirmAuthorPapers } from '../../src/store/write/confirmations.ts';
import { storeSourceItems } from '../../src/store/write/source-items.ts';
import { getLease, getPacing } from '../../src/store/read/leases.ts';
import { putLease, recordExchange } from '../../src/store/write/leases.ts';
import { isSessionCurrent } from '../../src/store/read/sessions.ts';
import { insertSession } from '../../src/store/write/sessions.ts';
import { searchPapers, type SearchResult } from '../../src/store/read/search.ts';
import type { PaperRecord } from '../../src/types.ts';
import { parseQuery } from '../../src/text/query.ts';
import { spawnCli } from '../support/cli.ts';
import { buildRealisticDay, describeRealisticDay } from '../support/realistic-day.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database at schema `version` with one announced, flagged paper, written as that version did. */
function databaseAt(version: number): string {
  const path = join(dir, `v${version}.db`);
  const db = openDb(path, { migrate: false });
  migrate(db, version);
  db.prepare(
    `INSERT INTO papers (id, version, title, abstract, authors, categories, primary_category, first_seen)
     VALUES ('2611.00001', 2, 'A title', 'An abstract.', '["Yoshua Bengio"]', '["cs.LG","stat.ML"]', 'cs.LG', '2026-11-25T05:00:00Z')`,
  ).run();
  db.prepare(
    `INSERT INTO papers_fts (rowid, title, abstract, authors) SELECT rowid, title, abstract, authors FROM papers`,
  ).run();
  db.prepare(
    `INSERT INTO versions (paper_id, version, first_seen) VALUES ('2611.00001', 1, 'x'), ('2611.00001', 2, 'x')`,
  ).run();
  db.prepare(`INSERT INTO announcements VALUES ('2026-11-25', '2611.00001', 2, 'replace', 'rss')`).run();
  db.prepare(`INSERT INTO days VALUES ('2026-11-25', 1, 'rss', '2026-11-25T05:00:00Z')`).run();
  db.prepare(`INSERT INTO starred VALUES ('2611.00001', 'yoshua-bengio', 'Yoshua Bengio', 'exact')`).run();
  db.close();
  return path;
}

function tables(db: Db): string[] {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
}

describe.each([1, 2])('a database at schema version %i', (version) => {
  it('is brought to the current version with its papers, announcements, days and flags', () => {
    const db = openDb(databaseAt(version));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const [paper] = getDayPapers(db, '2026-11-25', new Map([['yoshua-bengio', 'Yoshua Bengio']]));
      expect(paper).toMatchObject({
        id: '2611.00001',
        version: 2,
        title: 'A title',
        authors: ['Yoshua Bengio'],
        categories: ['cs.LG', 'stat.ML'],
        announceType: 'replace',
        starred: [{ authorId: 'yoshua-bengio', as: 'Yoshua Bengio', confidence: 'exact' }],
      });
      // Full-text search still finds the paper through the index built before.
      expect(db.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH '"abstract"'`).all()).toHaveLength(1);
      // Migration 2: the day is due to be mailed.
      expect(getPendingSends(db)).toEqual(['2026-11-25']);
      // Migration 3: what nothing read is gone.
      expect(tables(db)).not.toContain('versions');
      expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('papers')).not.toContain(
        'primary_category',
      );
    } finally {
      db.close();
    }
  });
});

describe('a database at schema version 3 (before the rest of the advice)', () => {
  function databaseAt3(): string {
    const path = join(dir, 'v3.db');
    const db = openDb(path, { migrate: false });
    migrate(db, 3);
    db.prepare(
      `INSERT INTO papers (id, version, title, abstract, authors, categories, first_seen)
       VALUES ('2611.00002', 1, 'Forward-forward', 'An abstract.', '["G. Hinton"]', '["q-bio.NC"]', '2026-11-25T05:00:00Z')`,
    ).run();
    db.prepare(`INSERT INTO announcements VALUES ('2026-11-25', '2611.00002', 1, 'cross', 'api')`).run();
    db.prepare(`INSERT INTO days VALUES ('2026-11-25', 1, 'rss', '2026-11-25T05:00:00Z')`).run();
    db.prepare(`INSERT INTO starred VALUES ('2611.00002', 'geoffrey-hinton', 'G. Hinton', 'likely')`).run();
    db.prepare(
      `INSERT INTO fetch_runs (url, started_at, finished_at, status, day, error)
       VALUES ('https://rss.arxiv.org/rss/cs.LG', '2026-11-25T05:30:00Z', '2026-11-25T05:30:02Z', 503, '2026-11-25', 'HTTP 503')`,
    ).run();
    db.close();
    return path;
  }

  it('keeps its fetch log as arXiv requests and gains the tables of blogs, marks, counts and confirmations', () => {
    const db = openDb(databaseAt3());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // The page's notice still reports the failed arXiv fetch.
      expect(getLastFetchRun(db)).toMatchObject({ error: 'HTTP 503', status: 503 });
      expect(getLastFetchRun(db, 'blogs')).toBeUndefined();
      const names = new Map([['geoffrey-hinton', 'Geoffrey Hinton']]);
      expect(getDayPapers(db, '2026-11-25', names)[0]!.starred[0]!.confidence).toBe('likely');
      confirmAuthorPapers(db, 'geoffrey-hinton', ['2611.00002']);
      expect(getDayPapers(db, '2026-11-25', names)[0]!.starred[0]!.confidence).toBe('exact');
      const item = {
        id: 'https://example.org/p/1',
        title: 'Hacker’s guide to neural nets',
        summary: 'Backprop by hand.',
      };
      storeSourceItems(db, [item], {
        feedId: 'karpathy',
        feedTitle: 'K',
        day: '2026-11-25',
        now: '2026-11-25T05:40:00Z',
      });
      expect(searchItems(db, 'backprop').map((hit) => hit.id)).toEqual(['https://example.org/p/1']);
      expect(tables(db)).toEqual(expect.arrayContaining(['popularity', 'reading_marks', 'round_parts']));
    } finally {
      db.close();
    }
  });
});

/**
 * A database as schema version 3 wrote it (the search index of then: stored text, unstemmed,
 * no positions): the realistic day's real records, TeX names included, announced on
 * 2026-11-26, one of them again on 2026-11-27, an OAI paper never announced, and `filler`
 * more plain papers for size.
 */
function realisticDatabaseAt3(filler: number): { path: string; papers: PaperRecord[] } {
  const path = join(dir, 'v3.db');
  const db = openDb(path, { migrate: false });
  migrate(db, 3);
  const papers = buildRealisticDay();
  const insert = db.prepare(`INSERT INTO papers (id, version, title, abstract, authors, categories, published, updated,
    first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-26T05:00:00Z')`);
  const announce = db.prepare(`INSERT INTO announcements VALUES (?, ?, ?, ?, 'rss')`);
  db.transaction(() => {
    for (const p of papers) {
      insert.run(
        p.id,
        p.version,
        p.title,
        p.abstract,
        JSON.stringify(p.authors),
        JSON.stringify(p.categories),
        null,
        null,
      );
      announce.run('2026-11-26', p.id, p.version, p.announceType);
    }
    announce.run('2026-11-27', papers[0]!.id, 2, 'replace');
    insert.run(
      '1603.02001',
      null,
      'An OAI paper',
      'Never announced.',
      '["Ada Lovelace"]',
      '["cs.LG"]',
      '2016-03-01T00:00:00Z',
      '2016-03-08T00:00:00Z',
    );
    for (let i = 0; i < filler; i++)
      insert.run(
        `2510.${String(i).padStart(5, '0')}`,
        1,
        `Filler ${i}`,
        'Plain words.',
        '["A B"]',
        '["cs.LG"]',
        null,
        null,
      );
    db.exec(`INSERT INTO papers_fts (rowid, title, abstract, authors) SELECT rowid, title, abstract, authors FROM papers;
      INSERT INTO days VALUES ('2026-11-26', ${papers.length}, 'rss', '2026-11-26T05:00:00Z');
      INSERT INTO starred VALUES ('${papers[0]!.id}', 'yoshua-bengio', 'Yoshua Bengio', 'exact');`);
  })();
  db.close();
  return { path, papers };
}

function dumpTables(db: Db): Record<string, unknown[]> {
  const tables = ['announcements', 'days', 'starred', 'meta', 'sends', 'fetch_runs', 'http_validators'];
  const dump = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  const columns = 'id, version, title, abstract, authors, categories, comment, published, updated, first_seen';
  return { ...dump, papers: db.prepare(`SELECT ${columns} FROM papers ORDER BY rowid`).all() };
}

describe('the search index rebuild (a database at schema version 3)', () => {
  const ids = (result: SearchResult) => result.hits.map((hit) => hit.id).sort();
  const search = (db: Db, text: string) =>
    searchPapers(
      db,
      { query: parseQuery(text), starredOnly: false, sort: 'relevance' },
      { offset: 0, limit: 50 },
      new Map(),
    );

  it('indexes every paper as people read it, loses nothing, and reports its progress', () => {
    const { path, papers } = realisticDatabaseAt3(18_689);
    const before = openDb(path, { migrate: false });
    const stored = dumpTables(before);
    before.close();
    const events: [string, Record<string, string | number>][] = [];
    const db = openDb(path, { report: (event, fields) => events.push([event, fields]) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(dumpTables(db)).toEqual(stored);
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect(count('papers_fts')).toBe(20_000);
      expect(tables(db)).not.toContain('names_fts');
      const horvath = describeRealisticDay(papers).horvathIds.sort();
      for (const name of ['Horvath', 'Horváth', "Horv\\'ath", 'author:horvath'])
        expect(ids(search(db, name))).toEqual(horvath);
      // Filed under the latest announcement; an OAI paper under the date of its latest version.
      const day = db.prepare('SELECT search_day FROM papers WHERE id = ?').pluck();
      expect([day.get(papers[0]!.id), day.get(papers[1]!.id), day.get('1603.02001')]).toEqual([
        '2026-11-27',
        '2026-11-26',
        '2016-03-08',
      ]);
      // Built by migration 6, and again with words as written by a later one.
      const rebuild = [
        'search.rebuild.start {"papers":20000}',
        'search.rebuild.progress {"papers":10000,"of":20000}',
        'search.rebuild.progress {"papers":20000,"of":20000}',
        'search.rebuild.end {"papers":20000,"ms":0}',
      ];
      expect(
        events.map(([event, fields]) => `${event} ${JSON.stringify(fields)}`.replace(/"ms":\d+/, '"ms":0')),
      ).toEqual([...rebuild, ...rebuild]);
    } finally {
      db.close();
    }
  });

  it('shows its progress on stderr when a command opens the database', async () => {
    const { path } = realisticDatabaseAt3(0);
    const result = await spawnCli(['authors'], { CURATOR_DB: path, LOG_LEVEL: 'info' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/ info search\.rebuild\.start papers=1311\n/);
    expect(result.stderr).toMatch(/ info search\.rebuild\.end papers=1311 ms=\d+\n/);
  });
});

describe('a database at schema version 4', () => {
  it('gains the leases and the pacing record shared by processes (5), keeping its papers', () => {
    const path = join(dir, 'v4.db');
    const old = openDb(path, { migrate: false });
    migrate(old, 4);
    old
      .prepare(
        `INSERT INTO papers (id, version, title, abstract, authors, categories, first_seen)
       VALUES ('2611.00001', 1, 'A title', 'An abstract.', '["Yoshua Bengio"]', '["cs.LG"]', '2026-11-25T05:00:00Z')`,
      )
      .run();
    old.prepare(`INSERT INTO announcements VALUES ('2026-11-25', '2611.00001', 1, 'new', 'rss')`).run();
    old.close();
    const db = openDb(path);
    try {
      expect(getDayPapers(db, '2026-11-25', new Map())).toMatchObject([{ id: '2611.00001', announceType: 'new' }]);
      expect(tables(db)).toEqual(expect.arrayContaining(['leases', 'request_pacing']));
      recordExchange(db, 'arxiv', 1000, 1500);
      putLease(db, { name: 'scheduler', token: 't', holder: 'serve (pid 1)', pid: 1, host: 'h', expiresAt: 9 });
      expect(getPacing(db, 'arxiv')).toEqual({ lastStartAt: 1000, lastEndAt: 1500 });
      expect(getLease(db, 'scheduler')).toMatchObject({ holder: 'serve (pid 1)', expiresAt: 9 });
    } finally {
      db.close();
    }
  });
});

describe('a database written before the reader could save, hide and watch (schema 6)', () => {
  /** A database at schema 6 with one announced, flagged paper, written as that version did. */
  function databaseAt6(): string {
    const path = join(dir, 'v6.db');
    const old = openDb(path, { migrate: false });
    migrate(old, 6);
    old.exec(`
      INSERT INTO papers (id, version, title, abstract, authors, categories, first_seen)
        VALUES ('2611.00001', 2, 'A title', 'An abstract.', '["Yoshua Bengio"]', '["cs.LG","stat.ML"]', '2026-11-25T05:00:00Z');
      INSERT INTO announcements VALUES ('2026-11-25', '2611.00001', 2, 'replace', 'rss');
      INSERT INTO days VALUES ('2026-11-25', 1, 'rss', '2026-11-25T05:00:00Z');
      INSERT INTO starred VALUES ('2611.00001', 'yoshua-bengio', 'Yoshua Bengio', 'exact');`);
    old.close();
    return path;
  }

  it('keeps its papers and gains empty marks, watches, seen days and no model', () => {
    const db = openDb(databaseAt6());
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(tables(db)).toEqual(
        expect.arrayContaining(['marks', 'watches', 'seen_days', 'rank_model', 'paper_scores']),
      );
      expect(db.prepare('SELECT count(*) FROM marks').pluck().get()).toBe(0);
      // A mark is on a stored paper; the migrated paper can be saved, and a mark on no paper is refused.
      db.prepare(`INSERT INTO marks VALUES ('2611.00001', 'saved', '2026-11-26T08:00:00Z')`).run();
      expect(() => db.prepare(`INSERT INTO marks VALUES ('2611.99999', 'hidden', 'x')`).run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`INSERT INTO marks VALUES ('2611.00001', 'liked', 'x')`).run()).toThrow(/CHECK/);
      const [paper] = getDayPapers(db, '2026-11-25', new Map([['yoshua-bengio', 'Yoshua Bengio']]));
      expect(paper).toMatchObject({ id: '2611.00001', starred: [{ authorId: 'yoshua-bengio' }] });
    } finally {
      db.close();
    }
  });
});

describe('a database written before sign-in sessions', () => {
  it('keeps its marks and gains an empty sessions table that one sign-in fills', () => {
    const path = join(dir, 'before-sessions.db');
    const old = openDb(path, { migrate: false });
    // The version before the migration that adds sessions (others may be appended after it).
    let before = 0;
    while (!tables(old).includes('sessions')) migrate(old, ++before);
    old.close();
    const db = openDb(join(dir, 'v-before.db'), { migrate: false });
    migrate(db, before - 1);
    db.exec(`INSERT INTO papers (id, version, title, abstract, authors, categories, first_seen)
        VALUES ('2611.00001', 1, 'A title', 'An abstract.', '["Ada Lovelace"]', '["cs.LG"]', '2026-11-25T05:00:00Z');
      INSERT INTO marks VALUES ('2611.00001', 'saved', '2026-11-26T08:00:00Z');`);
    migrate(db);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT count(*) FROM marks').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
      insertSession(db, 'a'.repeat(64), 2_000, 1_000);
      expect(isSessionCurrent(db, 'a'.repeat(64), 1_999)).toBe(true);
      expect(isSessionCurrent(db, 'a'.repeat(64), 2_000)).toBe(false);
    } finally {
      db.close();
    }
  });
});

describe('a database whose search index was stemmed (schema 7)', () => {
  it('is indexed again with words as written: transformer finds Transformers, not Fourier transform', () => {
    const path = join(dir, 'v7.db');
    const old = openDb(path, { migrate: false });
    migrate(old, 7);
    const insert = old.prepare(`INSERT INTO papers (id, version, title, abstract, authors, categories, first_seen,
      search_day) VALUES (?, 1, ?, 'An abstract.', ?, '["cs.LG"]', '2026-11-25T05:00:00Z', '2026-11-25')`);
    insert.run('2611.00001', 'Transformers Learn In-Context', '["Alex Graves"]');
    insert.run('2611.00002', 'A Fourier transform of graphs', '["Edouard Grave"]');
    old.exec(`INSERT INTO announcements SELECT '2026-11-25', id, 1, 'new', 'rss' FROM papers;
      INSERT INTO papers_fts (rowid, title, abstract, authors, categories)
        SELECT unixepoch(search_day) / 86400 * 4294967296 + rowid, title, abstract, authors, 'cslg' FROM papers;`);
    old.close();
    const db = openDb(path);
    try {
      const ids = (text: string) =>
        searchPapers(
          db,
          { query: parseQuery(text), starredOnly: false, sort: 'relevance' },
          { offset: 0, limit: 50 },
          new Map(),
        ).hits.map((hit) => hit.id);
      expect(ids('transformer')).toEqual(['2611.00001']);
      expect(ids('transform')).toEqual(['2611.00002']);
      expect(ids('author:grave')).toEqual(['2611.00002']);
      expect(tables(db)).not.toContain('names_fts');
      db.prepare("INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')").run();
    } finally {
      db.close();
    }
  });
});
