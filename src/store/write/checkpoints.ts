// How often the write-ahead log is copied into the database (a checkpoint, https://sqlite.org/wal.html
// §3). SQLite does it after any commit that leaves the log over 1,000 pages (4 MB), with an fsync: a
// bulk import commits a file at a time, 5 MB or more each, so it would wait for one after every file.
import type { Db } from '../db.ts';

/**
 * Pages of log between checkpoints while a bulk write runs: 160 MB, some twenty files of an import.
 * A checkpoint copies each page once however often the log rewrote it since the last, and ends
 * with an fsync the importing thread waits for: at 40 MB, an import of 100,000 API entries spent a
 * sixth of its time in checkpoints (ten of 170 to 260 ms). The log file keeps its largest size.
 */
export const BULK_CHECKPOINT_PAGES = 40_000;

/**
 * Runs `work` with this connection checkpointing every `pages` pages, then restores its setting and
 * copies what is left without waiting for readers (PASSIVE), so the next small write of another
 * connection (a save in `serve`) does not inherit a long copy.
 */
export async function withBulkCheckpoints<T>(
  db: Db,
  work: () => Promise<T>,
  pages = BULK_CHECKPOINT_PAGES,
): Promise<T> {
  const before = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${pages}`);
  try {
    return await work();
  } finally {
    db.pragma(`wal_autocheckpoint = ${before}`);
    if (!db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
  }
}

/**
 * This connection never copies the log (serve's web thread): a commit that leaves it over 1,000 pages
 * would copy it and fsync on the thread that answers HTTP, 100 ms and more on a busy disk. The
 * connections that write on a clock or in bulk copy it instead: serve's scheduler thread (its lease
 * renewed every 10 s) and ranking thread (after each store), and other processes.
 */
export function leaveCheckpointsToOthers(db: Db): void {
  db.pragma('wal_autocheckpoint = 0');
}
