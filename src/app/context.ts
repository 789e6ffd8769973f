// The world a command or the server runs in: config, database, starred authors, logger, clock.
// Opening it changes nothing stored: re-flagging is jobs/reflag.ts's business.
import type { Config } from '../config.ts';
import { openDb, type Db } from '../store/db.ts';
import { loadStarredList, type StarredList } from '../curate/starred-list.ts';
import { createLogger, type Logger } from './log.ts';

export interface Context {
  config: Readonly<Config>;
  db: Db;
  starred: StarredSource;
  log: Logger;
  now: () => Date;
}

/** The starred authors as last read; `reload()` reads config/authors.json again (a broken file throws). */
export interface StarredSource {
  current(): StarredList;
  reload(): StarredList;
}

export interface ContextOptions {
  now?: () => Date;
  log?: Logger;
}

/** Loads authors.json first (a broken file stops everything before the database is touched), then opens the database. */
export function openContext(config: Readonly<Config>, options: ContextOptions = {}): Context {
  const log = options.log ?? createLogger(config.logLevel);
  const starred = createStarredSource(config.authorsPath);
  const db = openDb(config.dbPath, { report: (event, fields) => log.info(event, fields) });
  return { config, db, starred, log, now: options.now ?? createClock(config.fixedNow) };
}

export function createStarredSource(path: string, initial: StarredList = loadStarredList(path)): StarredSource {
  let list = initial;
  return {
    current: () => list,
    reload: () => {
      const next = loadStarredList(path);
      if (next.hash !== list.hash) list = next;
      return list;
    },
  };
}

/** A list that never changes (tests, benches). */
export function fixedStarredSource(list: StarredList): StarredSource {
  return { current: () => list, reload: () => list };
}

/** The real clock, or (CURATOR_NOW, tests only) one that starts at `start` and runs at real speed. */
function createClock(start: Date | undefined): () => Date {
  if (start === undefined) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
