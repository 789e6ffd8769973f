// Opening the database: one place that sets the pragmas and runs the migrations. Every failure
// to open names the file (`data/curator.db: file is not a database`).
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, SchemaError, SCHEMA_VERSION, type MigrationReport } from './migrations.ts';
import { firstLineOf } from '../text/first-line.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Run migrations (default true). */
  migrate?: boolean;
  /** Open for reading only: nothing is created, migrated or written (a read-only data directory). */
  readOnly?: boolean;
  /** Progress of long migrations (a search index rebuild): one call per step. */
  report?: MigrationReport;
}

/** The database cannot be opened or read; the message names the file. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  /** The file cannot be written (a read-only folder or file): reading it may still work. */
  readonly readOnly: boolean;
  /** CURATOR_DB names something that cannot be a database (a directory): a broken configuration. */
  readonly misconfigured: boolean;

  constructor(
    path: string,
    reason: string,
    options: ErrorOptions & { readOnly?: boolean; misconfigured?: boolean } = {},
  ) {
    super(`${path}: ${reason}`, options);
    this.readOnly = options.readOnly ?? false;
    this.misconfigured = options.misconfigured ?? false;
  }
}

/** Opens (creating if needed) the SQLite file and brings its schema up to date. */
export function openDb(path: string, options: OpenOptions = {}): Db {
  try {
    return options.readOnly ? openReadOnly(path) : openReadWrite(path, options);
  } catch (error) {
    throw toDatabaseError(path, error);
  }
}

function openReadWrite(path: string, options: OpenOptions): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new Error('EISDIR');
  }
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
 * A WAL database is read beside its -shm file, which a read-only folder cannot hold: SQLite then
 * refuses to read it. With no -shm there, no process is writing it, so it is read as immutable
 * (https://sqlite.org/uri.html#uriimmutable; cli.ts runProcess turns URI filenames on).
 */
function openReadOnly(path: string): Db {
  try {
    return checkSchema(new Database(path, { readonly: true, fileMustExist: true }));
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_CANTOPEN') throw error;
    try {
      return checkSchema(new Database(`file:${encodeURI(path)}?immutable=1`, { readonly: true }));
    } catch {
      throw error;
    }
  }
}

function checkSchema(db: Db): Db {
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

function toDatabaseError(path: string, error: unknown): Error {
  if (error instanceof SchemaError) return new DatabaseError(path, error.message, { cause: error });
  const code = (error as { code?: string }).code ?? (error as Error).message;
  const message = firstLineOf(error);
  if (code === 'EISDIR')
    return new DatabaseError(path, 'a directory, not a database file (CURATOR_DB)', {
      cause: error,
      misconfigured: true,
    });
  if (code === 'SQLITE_NOTADB') return new DatabaseError(path, 'file is not a database', { cause: error });
  if (code === 'SQLITE_CORRUPT')
    return new DatabaseError(path, `the database is corrupt (${message})`, { cause: error });
  const readOnly = /^SQLITE_READONLY|^EACCES|^EROFS/.test(code);
  return new DatabaseError(path, message, { cause: error, readOnly });
}
