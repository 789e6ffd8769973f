// Opening the database: one place that sets the pragmas and runs the migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, SchemaError, SCHEMA_VERSION } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Run migrations (default true). */
  migrate?: boolean;
  /** Open for reading only: nothing is created, migrated or written (a read-only data directory). */
  readOnly?: boolean;
}

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export function openDb(path: string, options: OpenOptions = {}): Db {
  if (options.readOnly) return openReadOnly(path);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // WAL lets the server read while the scheduler writes; busy_timeout rides out short write locks.
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (options.migrate ?? true) migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function openReadOnly(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION)
      throw new SchemaError(
        `database schema version ${version} is not this arxiv-curator's (${SCHEMA_VERSION}); a command that writes (fetch, serve) brings it up to date`,
      );
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
