// Opening the database: one place that sets the pragmas and runs the migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, SCHEMA_VERSION, type MigrationReport } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Run migrations (default true). */
  migrate?: boolean;
  /** Progress of long migrations (a search index rebuild): one call per step. */
  report?: MigrationReport;
}

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export function openDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL lets the server read while the scheduler writes; busy_timeout rides out short write locks.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (options.migrate ?? true) migrate(db, SCHEMA_VERSION, options.report);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A read-only connection to a database another connection keeps migrated (a reader thread's):
 * WAL lets it read while the writer commits, and it never writes or migrates.
 */
export function openReadOnlyDb(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}
