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
  // 2: email sends, one row per announcement day. `sent_at` survives a failed
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
  // 4: the rest of the advice. The fetch log says which part of the daily round a request
  // belongs to (arXiv's feed and API, the starred authors' uploads, the blogs, the popularity
  // counts), and each part keeps its last outcome. Items of other feeds (blogs) are not papers: a
  // table of their own, with a small full-text index (few rows, so triggers keep it). Papers an
  // author's arXiv feed lists confirm that author's `likely` matches. Read marks of the reading list,
  // and Hugging Face's daily upvotes (kept for papers not stored too: they may come later).
  (db) => {
    db.exec(`
      ALTER TABLE fetch_runs ADD COLUMN part TEXT NOT NULL DEFAULT 'arxiv';
      CREATE INDEX fetch_runs_part ON fetch_runs (part, id);
      CREATE TABLE round_parts (
        part TEXT PRIMARY KEY,
        finished_at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        summary TEXT NOT NULL,
        problems TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE author_confirmations (
        author_id TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        PRIMARY KEY (paper_id, author_id)
      ) WITHOUT ROWID;
      CREATE TABLE source_items (
        feed_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        feed_title TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        summary TEXT NOT NULL,
        published TEXT,
        first_seen TEXT NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_id)
      );
      CREATE INDEX source_items_day ON source_items (day);
      CREATE VIRTUAL TABLE source_items_fts USING fts5(
        title, summary, content='source_items', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER source_items_ai AFTER INSERT ON source_items BEGIN
        INSERT INTO source_items_fts (rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
      END;
      CREATE TRIGGER source_items_ad AFTER DELETE ON source_items BEGIN
        INSERT INTO source_items_fts (source_items_fts, rowid, title, summary) VALUES ('delete', old.rowid, old.title, old.summary);
      END;
      CREATE TRIGGER source_items_au AFTER UPDATE ON source_items BEGIN
        INSERT INTO source_items_fts (source_items_fts, rowid, title, summary) VALUES ('delete', old.rowid, old.title, old.summary);
        INSERT INTO source_items_fts (rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
      END;
      CREATE TABLE reading_marks (entry_id TEXT PRIMARY KEY, read_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE popularity (
        date TEXT NOT NULL,
        paper_id TEXT NOT NULL,
        title TEXT NOT NULL,
        upvotes INTEGER NOT NULL,
        comments INTEGER,
        github_repo TEXT,
        github_stars INTEGER,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (date, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX popularity_paper ON popularity (paper_id);
    `);
  },
  // 5: what the processes sharing one database agree on. `leases`: one holder at a time
  // per name, until `expires_at` (ms since the epoch) unless renewed: `scheduler` (one `serve` runs
  // the scheduler) and `arxiv-request` (one request to arXiv at a time). `request_pacing`: when the
  // last exchange with a remote started and ended, so every process keeps ARXIV_MIN_INTERVAL_MS.
  (db) => {
    db.exec(`
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        token TEXT NOT NULL,
        holder TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE request_pacing (
        remote TEXT PRIMARY KEY,
        last_start_at INTEGER NOT NULL,
        last_end_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  // 6: search finds what people type. The index holds the text people read (TeX accents
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
  // 7: what the reader does: saved and hidden papers (one mark per paper id, so a hidden
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
  // Sign-in sessions of a server that needs CURATOR_TOKEN: the SHA-256 of each session's random id
  // (the cookie holds the id and its HMAC, never the token), until `expires_at` (ms since the
  // epoch). Signing out deletes the row; so does a sign-in after expiry, for the expired ones.
  (db) => {
    db.exec(`
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  // Seen papers: the papers of a day the reader moved past on its page (with the keys, or scrolled
  // past), per day, so opening the day again, on any device, resumes at the first paper not seen.
  (db) => {
    db.exec(`
      CREATE TABLE seen_papers (
        day TEXT NOT NULL,
        paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (day, paper_id)
      ) WITHOUT ROWID;
    `);
  },
  // Search and watches share one query language: the index holds words as written (no porter
  // stemmer, which made "transformer" find "Fourier transform"); a word is looked up in its forms
  // (text/word-forms.ts), author names in the authors column (`author:graves` is not Grave), so
  // the second, unstemmed table of names goes. Rebuilt from the stored papers.
  (db, report) => {
    db.exec(`
      DROP TRIGGER papers_ad;
      DROP TABLE papers_fts;
      DROP TABLE names_fts;
      CREATE VIRTUAL TABLE papers_fts USING fts5(
        title, abstract, authors, categories, content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 2', detail=full
      );
      CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        DELETE FROM papers_fts WHERE rowid = unixepoch(old.search_day) / 86400 * 4294967296 + old.rowid;
      END;
    `);
    rebuildSearchIndex(db, report);
  },
  // Versions from the database. Every page and feed is cached under one data version (ETag and
  // Last-Modified, store/read/version.ts); triggers on every table a page or feed shows move it and
  // record when, so no writer has to remember to (the hand-bumped `generation` in meta goes). Not
  // shown, so not versioned: the fetch log, HTTP validators, leases, pacing, sends and meta (the
  // scheduler's status and /healthz read those live). The marks' own count of changes, what the
  // ranking was trained on (read/training.ts), moves by trigger too.
  (db) => {
    db.exec(`
      CREATE TABLE data_version (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        changed_at REAL NOT NULL
      );
      INSERT INTO data_version (id, version, changed_at) VALUES (1, 1, ${UNIX_NOW_SQL});
      DELETE FROM meta WHERE key = 'generation';
    `);
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(`CREATE TRIGGER marks_generation_${event.toLowerCase()} AFTER ${event} ON marks BEGIN
        INSERT INTO meta (key, value) VALUES ('marks_generation', '1')
          ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
      END`);
    addVersionTriggers(db, [
      'papers',
      'announcements',
      'days',
      'starred',
      'author_confirmations',
      'source_items',
      'reading_marks',
      'popularity',
      'round_parts',
      'marks',
      'watches',
      'seen_days',
      'rank_model',
      'paper_scores',
      'seen_papers',
    ]);
    // One setting of meta shows on the pages: the reader's default order of a day.
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(`CREATE TRIGGER meta_default_sort_version_${event.toLowerCase()} AFTER ${event} ON meta
        WHEN ${event === 'DELETE' ? 'old' : 'new'}.key = 'default_sort' BEGIN
        UPDATE data_version SET version = version + 1, changed_at = ${UNIX_NOW_SQL};
      END`);
  },
];

// Seconds since the epoch, with milliseconds, from SQLite's own clock: julianday, since unixepoch's
// 'subsec' needs SQLite 3.42 and a write from an older sqlite3 shell must not fail.
const UNIX_NOW_SQL = "(julianday('now') - 2440587.5) * 86400.0";

/**
 * Triggers that move the data version on every insert, update and delete of each table: a later
 * migration adding a table a page or feed shows calls this too. One UPDATE of a one-row table per
 * changed row (a few microseconds: 0.1 s in a 50,000-paper import).
 */
function addVersionTriggers(db: Database.Database, tables: readonly string[]): void {
  for (const table of tables)
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(`CREATE TRIGGER ${table}_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
        UPDATE data_version SET version = version + 1, changed_at = ${UNIX_NOW_SQL};
      END`);
}

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema to `target` (default: latest). Refuses a database written by newer code.
 * Each step reads the version inside its own BEGIN IMMEDIATE transaction, so two processes
 * opening a new database at once run every step once: the second finds it done. `report` hears a
 * long step's progress (the search index's rebuild).
 */
export function migrate(db: Database.Database, target = SCHEMA_VERSION, report: MigrationReport = () => {}): void {
  const readVersion = () => db.pragma('user_version', { simple: true }) as number;
  // Up to date, the usual case: a read, so opening never waits for another process's write lock.
  while (refuseNewer(readVersion()) < target) {
    db.transaction(() => {
      const current = refuseNewer(readVersion());
      if (current >= target) return;
      MIGRATIONS[current]!(db, report);
      db.pragma(`user_version = ${current + 1}`);
    }).immediate();
  }
}

function refuseNewer(current: number): number {
  if (current > SCHEMA_VERSION)
    throw new SchemaError(
      `database schema version ${current} is newer than this arxiv-curator understands (${SCHEMA_VERSION}); upgrade arxiv-curator`,
    );
  return current;
}
