// The world a command or the server runs in: config, database, starred authors, logger, clock.
// Opening it changes nothing stored: re-flagging is jobs/reflag.ts's business.
import type { Config } from '../config.ts';
import { openDb, type Db } from '../store/db.ts';
import type { WriteLockOptions } from '../store/write/lock.ts';
import { ConfigFileError } from '../curate/json-file.ts';
import { loadStarredList, type StarredList } from '../curate/starred-list.ts';
import type { StarResult } from '../types.ts';
import { createLogger, type Logger } from './log.ts';

export interface Context {
  config: Readonly<Config>;
  db: Db;
  starred: StarredSource;
  log: Logger;
  now: () => Date;
  /** How this process queues for SQLite's write lock: its name for other writers, and who hears about waits. */
  writeLock: WriteLockOptions;
  /** serve's web thread: heavy writes it hands to another thread (a star: actions/star.ts); unset, they run here. */
  background?: BackgroundWrites;
  /**
   * Runs between an edit's read of a config file and its check that the file did not change
   * meanwhile (curate/config-write.ts), with the file's path: unset in the app; a test makes the
   * reader's hand edit land there, which no timing can do deterministically.
   */
  beforeConfigCheck?: (path: string) => void;
}

/** Writes too heavy for a thread that answers HTTP, done elsewhere on its behalf. */
export interface BackgroundWrites {
  /**
   * Stars or unstars the stored paper's author `index` (actions/star.ts `toggleStar`: authors.json
   * edited, the papers re-flagged); a refusal rejects with the action's error, a failed thread with another.
   */
  star(paperId: string, index: number): Promise<StarResult>;
}

/**
 * The starred authors as last read; `reload()` reads config/authors.json again (a broken file
 * throws, the last good list stays current, and `problem()` says what is wrong until it is fixed).
 */
export interface StarredSource {
  current(): StarredList;
  reload(): StarredList;
  problem(): ConfigFileError | undefined;
}

export interface ContextOptions {
  now?: () => Date;
  log?: Logger;
  /** Default: `{ label: 'arxiv-curator' }`, waits logged. */
  writeLock?: WriteLockOptions;
  /** Open the database for reading only (a render thread; a command on a read-only data directory). */
  readOnly?: boolean;
}

/** Loads authors.json first (a broken file stops everything before the database is touched), then opens the database. */
export function openContext(config: Readonly<Config>, options: ContextOptions = {}): Context {
  const log = options.log ?? createLogger(config.logLevel);
  const starred = createStarredSource(config.authorsPath);
  const db = openDb(config.dbPath, {
    readOnly: options.readOnly ?? false,
    report: (event, fields) => log.info(event, fields),
  });
  const writeLock = options.writeLock ?? { label: 'arxiv-curator', onWait: logWriteWait(log) };
  return { config, db, starred, log, now: options.now ?? createClock(config.fixedNow), writeLock };
}

/** Waits for another writer as log lines (the server's way; commands print them instead). */
export function logWriteWait(log: Logger): WriteLockOptions['onWait'] {
  return (wait) => {
    if (wait.state === 'waiting') log.info('db.waiting', { holder: wait.holder, waited_ms: wait.waitedMs });
    else log.info('db.acquired', { waited_ms: wait.waitedMs });
  };
}

export function createStarredSource(path: string, initial: StarredList = loadStarredList(path)): StarredSource {
  let list = initial;
  let problem: ConfigFileError | undefined;
  return {
    current: () => list,
    reload: () => {
      try {
        const next = loadStarredList(path);
        if (next.hash !== list.hash) list = next;
        problem = undefined;
        return list;
      } catch (error) {
        if (error instanceof ConfigFileError) problem = error;
        throw error;
      }
    },
    problem: () => problem,
  };
}

/** A list that never changes (tests, benches). */
export function fixedStarredSource(list: StarredList): StarredSource {
  return { current: () => list, reload: () => list, problem: () => undefined };
}

/** The real clock, or (CURATOR_NOW, tests only) one that starts at `start` and runs at real speed. */
function createClock(start: Date | undefined): () => Date {
  if (start === undefined) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
