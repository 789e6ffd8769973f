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

// total_changes() moves when this connection writes (asked on every request: well under a
// microsecond); data_version when another connection commits (the pragma's table costs ~5 us,
// more on a busy machine, so it is asked at most every OTHERS_EVERY_MS: a commit by the scheduler
// thread or another process shows that much later). While both stand still the version query (a
// scan of `days`) need not run again, and the same version is answered.
const OWN_SQL = 'SELECT total_changes()';
const OTHERS_SQL = 'SELECT data_version FROM pragma_data_version';
export const OTHERS_EVERY_MS = 2;

/**
 * Builds the reader once per database: preparing a statement costs more than running it. They are
 * prepared at the first request, so a database that cannot be read fails requests, not start-up.
 */
export function createVersionReader(
  db: Db,
  clock: () => number = () => performance.now(),
): (extra: string) => DataVersion {
  let statements: { version: Statement<[], VersionRow>; own: Statement<[], number>; others: Statement<[], number> };
  let own = -1;
  let others = -1;
  let othersAt = Number.NEGATIVE_INFINITY;
  let stored: { tag: string; lastModified?: string } | undefined;
  let answer: { extra: string; version: DataVersion } | undefined;
  return (extra) => {
    statements ??= {
      version: db.prepare(VERSION_SQL),
      own: db.prepare<[], number>(OWN_SQL).pluck(),
      others: db.prepare<[], number>(OTHERS_SQL).pluck(),
    };
    const now = clock();
    const ownNow = statements.own.get()!;
    let changed = ownNow !== own;
    own = ownNow;
    if (changed || now - othersAt >= OTHERS_EVERY_MS) {
      othersAt = now;
      const othersNow = statements.others.get()!;
      changed ||= othersNow !== others;
      others = othersNow;
    }
    if (stored === undefined || changed) {
      stored = describeRow(statements.version.get()!);
      answer = undefined;
    }
    if (answer?.extra !== extra) answer = { extra, version: { ...stored, tag: `${stored.tag}|${extra}` } };
    return answer.version;
  };
}

function describeRow(row: VersionRow): { tag: string; lastModified?: string } {
  const newest = [row.storedAt, row.finishedAt]
    .filter((value): value is string => value !== null)
    .sort()
    .pop();
  const tag = `${row.generation}|${row.storedAt}|${row.days}|${row.authors}|${row.runId}|${row.finishedAt}`;
  return newest === undefined ? { tag } : { tag, lastModified: new Date(newest).toUTCString() };
}
