// Append-only migrations keyed by `PRAGMA user_version`, each in its own transaction
// (the Signal-Desktop pattern). Never edit a released migration: add the next one.
import type Database from 'better-sqlite3';
import { rebuildSearchIndex } from './write/rebuild-search.ts';

/** Where a long migration says how far it got: an event name and counts (the logger's shape). */
export type MigrationReport = (event: string, fields: Record<string, string | number>) => void;

type Migration = (db: Database.Database, report: MigrationReport) => void;

export class SchemaError extends Error {
  override name = 'SchemaError';
}

const MIGRATIONS: readonly Migration[] = [
  // 1: papers, versions, announcements, fetch runs, HTTP validators, full-text index.
  // The index keeps columns but not positions (detail=column): search quotes single words, never
  // phrases, so positions would only cost ~15% of the import time and disk.
  (db) => {
    db.exec(`
      CREATE TABLE papers (
        id TEXT PRIMARY KEY,
        version INTEGER,
        title TEXT NOT NULL,
        abstract TEXT NOT NULL,
        authors TEXT NOT NULL,
        categories TEXT NOT NULL,
        primary_category TEXT NOT NULL,
        comment TEXT,
        journal_ref TEXT,
        doi TEXT,
        license TEXT,
        published TEXT,
        updated TEXT,
        first_seen TEXT NOT NULL
      );
      CREATE TABLE versions (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        updated TEXT,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (paper_id, version)
      ) WITHOUT ROWID;
      CREATE TABLE announcements (
        day TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        version INTEGER,
        announce_type TEXT NOT NULL CHECK (announce_type IN ('new', 'cross', 'replace', 'replace-cross')),
        source TEXT NOT NULL,
        PRIMARY KEY (day, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX announcements_paper ON announcements (paper_id);
      CREATE TABLE days (
        day TEXT PRIMARY KEY,
        papers INTEGER NOT NULL,
        source TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE fetch_runs (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status INTEGER,
        day TEXT,
        counts TEXT,
        error TEXT
      );
      CREATE TABLE http_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE starred (
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        author_id TEXT NOT NULL,
        as_written TEXT NOT NULL,
        confidence TEXT NOT NULL CHECK (confidence IN ('exact', 'likely')),
        PRIMARY KEY (paper_id, author_id)
      ) WITHOUT ROWID;
      CREATE INDEX starred_author ON starred (author_id);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE VIRTUAL TABLE papers_fts USING fts5(
        title, abstract, authors, content='papers', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2',
        detail=column
      );
      -- Inserts and updates of the index are made by store/papers.ts, not by triggers: FTS5 flushes
      -- its pending terms at every statement savepoint a trigger opens, which made each paper its
      -- own index segment and the import four times slower.
      CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        INSERT INTO papers_fts (papers_fts, rowid, title, abstract, authors) VALUES ('delete', old.rowid, old.title, old.abstract, old.authors);
      END;
    `);
  },
  // 2: email sends, one row per announcement day (issue 6). `sent_at` survives a failed
  // --force resend, so a day once delivered never turns pending again.
  (db) => {
    db.exec(`
      CREATE TABLE sends (
        day TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        message_id TEXT NOT NULL,
        recipients TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        first_attempt_at TEXT NOT NULL,
        last_attempt_at TEXT NOT NULL,
        sent_at TEXT
      ) WITHOUT ROWID;
      CREATE INDEX sends_status ON sends (status);
    `);
  },
  // 3: nothing read papers.primary_category (categories[0] is the primary) or the versions table
  // (the announcements say which version was announced on which day): both go.
  (db) => {
    db.exec(`
      DROP TABLE versions;
      ALTER TABLE papers DROP COLUMN primary_category;
    `);
  },
  // 4: search finds what people type (issue 12). The index holds the text people read (TeX accents
  // decoded), stemmed (porter), with positions (phrases, NEAR, and bm25 is ten times faster than with
  // detail=column), categories as tokens; a second, unstemmed table holds names, so `author:graves`
  // is Graves and not Grave. Both are contentless (the indexed text is not the stored text) and keyed
  // by date (`papers.search_day`, see search-text.ts). The rebuild reports its progress.
  (db, report) => {
    db.exec(`
      DROP TRIGGER papers_ad;
      DROP TABLE papers_fts;
      ALTER TABLE papers ADD COLUMN search_day TEXT NOT NULL DEFAULT '';
      CREATE VIRTUAL TABLE papers_fts USING fts5(
        title, abstract, authors, categories, content='', contentless_delete=1,
        tokenize='porter unicode61 remove_diacritics 2', detail=full
      );
      CREATE VIRTUAL TABLE names_fts USING fts5(
        authors, categories, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', detail=full
      );
      CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        DELETE FROM papers_fts WHERE rowid = unixepoch(old.search_day) / 86400 * 4294967296 + old.rowid;
        DELETE FROM names_fts WHERE rowid = unixepoch(old.search_day) / 86400 * 4294967296 + old.rowid;
      END;
    `);
    rebuildSearchIndex(db, report);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to `target` (default: latest). Refuses a database written by newer code. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION, report: MigrationReport = () => {}): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new SchemaError(
      `database schema version ${current} is newer than this arxiv-curator understands (${SCHEMA_VERSION}); upgrade arxiv-curator`,
    );
  }
  for (let version = current + 1; version <= target; version++) {
    const step = MIGRATIONS[version - 1]!;
    db.transaction(() => {
      step(db, report);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
