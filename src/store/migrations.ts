// Append-only migrations keyed by `PRAGMA user_version`, each in its own transaction
// (the Signal-Desktop pattern). Never edit a released migration: add the next one.
import type Database from 'better-sqlite3';

type Migration = (db: Database.Database) => void;

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
  // (issue 11) What the reader does: saved and hidden papers (one mark per paper id, so a hidden
  // paper's replacements stay hidden), keyword watches, the days opened, and the ranking model
  // trained from them (derived data, kept with the fingerprint of what it was trained on).
  (db) => {
    db.exec(`
      CREATE TABLE marks (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('saved', 'hidden')),
        marked_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX marks_kind ON marks (kind, marked_at);
      CREATE TABLE watches (
        slug TEXT PRIMARY KEY,
        query TEXT NOT NULL,
        mail INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE seen_days (day TEXT PRIMARY KEY, seen_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE rank_model (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        kind TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        trained_at TEXT NOT NULL,
        model TEXT NOT NULL
      );
      -- The recent days' papers as the stored model scores them, written with it: a page reads
      -- its scores rather than computing them.
      CREATE TABLE paper_scores (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        why TEXT,
        circle TEXT
      ) WITHOUT ROWID;
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to `target` (default: latest). Refuses a database written by newer code. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new SchemaError(
      `database schema version ${current} is newer than this arxiv-curator understands (${SCHEMA_VERSION}); upgrade arxiv-curator`,
    );
  }
  for (let version = current + 1; version <= target; version++) {
    const step = MIGRATIONS[version - 1]!;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
