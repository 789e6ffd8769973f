// Taking SQLite's one write lock. In WAL mode readers never wait, and writers queue for one lock.
// A transaction that reads before it writes (BEGIN DEFERRED) cannot queue: when another
// connection holds the lock, the upgrade fails with SQLITE_BUSY at once and the busy timeout is
// never applied (https://sqlite.org/lang_transaction.html, "Read transactions"; sqlite.org/wal.html
// §2.2). So every write transaction starts with BEGIN IMMEDIATE, tried in short slices (or, for a
// caller that must keep its event loop turning, without blocking at all) so that the caller can
// say whom it waits for. The holder leaves a one-line note beside the database for that.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isProcessAlive } from '../../app/process.ts';
import { sleepFor } from '../../sleep.ts';
import type { Db } from '../db.ts';

export interface WriteLockOptions {
  /** Who we are, as other writers will name us: `import`, `serve`. */
  label: string;
  /** Told when a wait starts, every `progressMs` while it lasts, and when the lock is taken. */
  onWait?: (wait: WriteWait) => void;
  /** Give up after this long (default 10 minutes). */
  maxWaitMs?: number;
  now?: () => number;
  /**
   * Leave the note beside the database that names us to other writers (default true). A writer whose
   * transactions last a millisecond (serve's web thread) leaves none: it would be read almost never,
   * and creating and removing a file each time waits on the file system's journal.
   */
  note?: boolean;
}

export interface WriteWait {
  state: 'waiting' | 'acquired';
  /** `import (pid 4242, writing for 12 s)`, or `another process` when it left no note. */
  holder: string;
  waitedMs: number;
}

export interface AsyncWriteLockOptions extends WriteLockOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/** The write lock stayed taken for longer than the caller would wait. */
export class WriteLockTimeoutError extends Error {
  override name = 'WriteLockTimeoutError';
}

const DEFAULT_MAX_WAIT_MS = 10 * 60_000;
const PROGRESS_MS = 10_000;
/** A blocking try waits this long in SQLite's busy handler before we look again. */
const SLICE_MS = 250;
/** A non-blocking caller looks again after this long. */
const POLL_MS = 50;

/** Runs `fn` in a BEGIN IMMEDIATE transaction, waiting (blocking) for the lock. Nested: `fn` joins the caller's. */
export function writeTransaction<T>(db: Db, fn: () => T, options: WriteLockOptions): T {
  if (db.inTransaction) return fn();
  beginImmediate(db, options);
  return finishTransaction(db, fn, options);
}

/** The same without blocking: between tries the event loop runs (the server, a worker that must hear "stop"). */
export async function writeTransactionAsync<T>(db: Db, fn: () => T, options: AsyncWriteLockOptions): Promise<T> {
  if (db.inTransaction) return fn();
  await beginImmediateAsync(db, options);
  return finishTransaction(db, fn, options);
}

/** BEGIN IMMEDIATE once the lock is free (blocking); the caller commits or rolls back, then calls releaseNote. */
export function beginImmediate(db: Db, options: WriteLockOptions): void {
  const wait = createWaitReport(db, options);
  for (;;) {
    if (tryBegin(db, SLICE_MS)) break;
    wait.tick();
  }
  wait.done();
  if (options.note !== false) leaveNote(db, options.label);
}

async function beginImmediateAsync(db: Db, options: AsyncWriteLockOptions): Promise<void> {
  const wait = createWaitReport(db, options);
  const sleep = options.sleep ?? sleepFor;
  for (;;) {
    options.signal?.throwIfAborted();
    if (tryBegin(db, 0)) break;
    wait.tick();
    await sleep(POLL_MS, options.signal);
  }
  wait.done();
  if (options.note !== false) leaveNote(db, options.label);
}

function finishTransaction<T>(db: Db, fn: () => T, options: WriteLockOptions): T {
  try {
    const value = fn();
    db.exec('COMMIT');
    return value;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    if (options.note !== false) releaseNote(db);
  }
}

/** One BEGIN IMMEDIATE with SQLite's busy handler waiting at most `timeoutMs`; false when still taken. */
function tryBegin(db: Db, timeoutMs: number): boolean {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${timeoutMs}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function createWaitReport(db: Db, options: WriteLockOptions) {
  const now = options.now ?? Date.now;
  const started = now();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let reportedAt: number | undefined;
  return {
    tick() {
      const waitedMs = now() - started;
      const holder = readNote(db);
      if (waitedMs > maxWaitMs)
        throw new WriteLockTimeoutError(
          `${db.name}: another writer, ${holder}, held the database for more than ${Math.round(maxWaitMs / 1000)} s; try again when it has finished`,
        );
      if (reportedAt !== undefined && now() - reportedAt < PROGRESS_MS) return;
      reportedAt = now();
      options.onWait?.({ state: 'waiting', holder, waitedMs });
    },
    done() {
      if (reportedAt !== undefined) options.onWait?.({ state: 'acquired', holder: '', waitedMs: now() - started });
    },
  };
}

// The note: `<db>-writer`, one JSON line, written by whoever holds the lock. Best effort only:
// it names the holder in messages and nothing depends on it.
interface Note {
  pid: number;
  label: string;
  since: number;
}

function notePath(db: Db): string | undefined {
  return db.memory ? undefined : `${db.name}-writer`;
}

function leaveNote(db: Db, label: string): void {
  const path = notePath(db);
  if (path === undefined) return;
  try {
    writeFileSync(path, JSON.stringify({ pid: process.pid, label, since: Date.now() } satisfies Note));
  } catch {
    // A read-only directory has no room for notes; the lock itself is SQLite's.
  }
}

/** Removes our note after COMMIT or ROLLBACK (writeTransaction does it; a caller of beginImmediate must). */
export function releaseNote(db: Db): void {
  const path = notePath(db);
  if (path === undefined) return;
  try {
    if ((JSON.parse(readFileSync(path, 'utf8')) as Note).pid === process.pid) rmSync(path, { force: true });
  } catch {
    // No note, or another writer's: leave it.
  }
}

/** Who holds the lock, from its note; a note of a process that has ended is stale. */
export function readNote(db: Db): string {
  const path = notePath(db);
  try {
    const note = JSON.parse(readFileSync(path ?? '', 'utf8')) as Note;
    if (!isProcessAlive(note.pid)) return 'another process';
    const seconds = Math.max(0, Math.round((Date.now() - note.since) / 1000));
    return `${note.label} (pid ${note.pid}, writing for ${seconds} s)`;
  } catch {
    return 'another process';
  }
}
