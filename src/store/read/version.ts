// The "data version": what every page and feed is a function of. Stored data changes only when
// an ingest changes something (the `generation` that ingestFeed bumps), the authors list changes
// or a fetch run ends, so one cheap query per request tells whether a cached body (and the
// client's ETag) is still good.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.ts';

export interface DataVersion {
  /** Opaque; changes whenever any page could change. */
  tag: string;
  /** HTTP-date of the newest stored data, if any. */
  lastModified?: string;
}

interface VersionRow {
  generation: string | null;
  storedAt: string | null;
  days: number;
  authors: string | null;
  runId: number | null;
  finishedAt: string | null;
}

const VERSION_SQL = `SELECT (SELECT value FROM meta WHERE key = 'generation') AS generation,
  (SELECT max(stored_at) FROM days) AS storedAt, (SELECT count(*) FROM days) AS days,
  (SELECT value FROM meta WHERE key = 'authors_hash') AS authors,
  (SELECT max(id) FROM fetch_runs) AS runId,
  (SELECT finished_at FROM fetch_runs ORDER BY id DESC LIMIT 1) AS finishedAt`;

// data_version moves when another connection commits, total_changes() when this one writes:
// while both stand still the version query (a scan of `days`) need not run again.
const CHANGE_SQL = 'SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others';

/**
 * Builds the reader once per database: preparing a statement costs more than running it. They are
 * prepared at the first request, so a database that cannot be read fails requests, not start-up.
 */
export function createVersionReader(db: Db): (extra: string) => DataVersion {
  let statements: { version: Statement<[], VersionRow>; changes: Statement<[], { own: number; others: number }> };
  let seen = '';
  let row: VersionRow | undefined;
  return (extra) => {
    statements ??= { version: db.prepare(VERSION_SQL), changes: db.prepare(CHANGE_SQL) };
    const { version: statement, changes } = statements;
    const change = changes.get()!;
    const mark = `${change.own}|${change.others}`;
    if (row === undefined || mark !== seen) {
      row = statement.get()!;
      seen = mark;
    }
    const newest = [row.storedAt, row.finishedAt]
      .filter((value): value is string => value !== null)
      .sort()
      .pop();
    const tag = `${row.generation}|${row.storedAt}|${row.days}|${row.authors}|${row.runId}|${row.finishedAt}|${extra}`;
    return newest === undefined ? { tag } : { tag, lastModified: new Date(newest).toUTCString() };
  };
}
