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

describe('a database written before the reader could save, hide and watch (schema 3)', () => {
  /** A database at schema 3 with one announced, flagged paper, written as that version did. */
  function databaseAt3(): string {
    const path = join(dir, 'v3.db');
    const old = openDb(path, { migrate: false });
    migrate(old, 3);
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
    const db = openDb(databaseAt3());
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
