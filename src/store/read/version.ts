// The "data version": what every page and feed is a function of. Triggers on every table a page
// or feed shows move it and record when (migrations.ts, `data_version`), so one cheap query per
// change tells whether a cached body (and the client's ETag) is still good.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.ts';

export interface DataVersion {
  /** Opaque; changes whenever any page could change. */
  tag: string;
  /** ISO instant of the last change (a feed's lastBuildDate). */
  changedAt?: string;
  /**
   * HTTP-date of the last change, once the second it names is over. An HTTP-date has whole seconds:
   * sent during that second, a later change in the same second would carry the same date, and a
   * client asking If-Modified-Since with it would be told 304 for a copy that lacks that change.
   */
  lastModified?: string;
  /**
   * How many times this connection had written when the version was read: the web thread's writes
   * are the reader's own actions (a save), which routes/cache.ts never answers with an older body.
   */
  ownWrites?: number;
}

interface VersionRow {
  version: number;
  changedAt: number;
}

const VERSION_SQL = 'SELECT version, changed_at AS changedAt FROM data_version';

// total_changes() moves when this connection writes (asked on every request: well under a
// microsecond); data_version when another connection commits (the pragma's table costs ~5 us,
// more on a busy machine, so it is asked at most every OTHERS_EVERY_MS: a commit by the scheduler
// thread or another process shows that much later). While both stand still the version row need
// not be read again, and the same version is answered.
const OWN_SQL = 'SELECT total_changes()';
const OTHERS_SQL = 'SELECT data_version FROM pragma_data_version';
export const OTHERS_EVERY_MS = 2;

export interface VersionClocks {
  /** Milliseconds, monotonic: when to ask for other connections' commits. */
  tick?: () => number;
  /** Milliseconds since the epoch, the clock SQLite records changes with: when Last-Modified may be sent. */
  wall?: () => number;
}

interface Known {
  /** The row as read. */
  version: number;
  seconds: number;
  httpDate: string;
  /** When the second of the change is over (ms since the epoch). */
  settlesAt: number;
  pending: DataVersion;
  settled?: DataVersion;
}

/**
 * Builds the reader once per database: preparing a statement costs more than running it. They are
 * prepared at the first request, so a database that cannot be read fails requests, not start-up.
 */
export function createVersionReader(db: Db, clocks: VersionClocks = {}): () => DataVersion {
  const tick = clocks.tick ?? (() => performance.now());
  const wall = clocks.wall ?? Date.now;
  let statements: { version: Statement<[], VersionRow>; own: Statement<[], number>; others: Statement<[], number> };
  let own = -1;
  let others = -1;
  let othersAt = Number.NEGATIVE_INFINITY;
  let known: Known | undefined;
  let ownWrites = 0;
  return () => {
    statements ??= {
      version: db.prepare(VERSION_SQL),
      own: db.prepare<[], number>(OWN_SQL).pluck(),
      others: db.prepare<[], number>(OTHERS_SQL).pluck(),
    };
    const now = tick();
    const ownNow = statements.own.get()!;
    let changed = ownNow !== own;
    if (changed && own !== -1) ownWrites++;
    own = ownNow;
    if (changed || now - othersAt >= OTHERS_EVERY_MS) {
      othersAt = now;
      const othersNow = statements.others.get()!;
      changed ||= othersNow !== others;
      others = othersNow;
    }
    if (known === undefined || changed) {
      const row = statements.version.get()!;
      if (known?.version !== row.version || known.seconds !== row.changedAt) known = describeRow(row, ownWrites);
    }
    // Once settled a version stays so: the clock is asked only in the second after a change.
    if (known.settled === undefined && wall() >= known.settlesAt)
      known.settled = { ...known.pending, lastModified: known.httpDate };
    return known.settled ?? known.pending;
  };
}

function describeRow(row: VersionRow, ownWrites: number): Known {
  const ms = Math.round(row.changedAt * 1000);
  const changedAt = new Date(ms).toISOString();
  // The time too: a database restored from a backup may count the same versions again.
  const tag = `${row.version}.${ms}`;
  return {
    version: row.version,
    seconds: row.changedAt,
    httpDate: new Date(ms).toUTCString(),
    settlesAt: (Math.floor(ms / 1000) + 1) * 1000,
    pending: { tag, changedAt, ownWrites },
  };
}
