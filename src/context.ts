// Builds the world a command or the server runs in: config, database, starred authors.
import type { Config } from './config.ts';
import { openDb, type Db } from './store/db.ts';
import { reflagIfChanged, type FlagPaper } from './store/starred.ts';
import { loadAuthorsConfig } from './curate/authors-config.ts';
import { createMatcher, matchAuthors, type Matcher } from './curate/authors.ts';
import { createLogger, type Logger } from './log.ts';
import type { StarredAuthor } from './types.ts';

export interface Context {
  config: Readonly<Config>;
  db: Db;
  authors: StarredAuthor[];
  matcher: Matcher;
  /** Canonical names by author id. */
  authorNames: Map<string, string>;
  flag: FlagPaper;
  log: Logger;
  now: () => Date;
}

export interface ContextOptions {
  now?: () => Date;
  log?: Logger;
}

/**
 * Loads authors.json first (a broken file stops everything before the database is touched),
 * then opens the database and re-flags stored papers if the authors list changed.
 */
export function openContext(config: Readonly<Config>, options: ContextOptions = {}): Context {
  const log = options.log ?? createLogger(config.logLevel);
  const { authors, hash } = loadAuthorsConfig(config.authorsPath);
  const matcher = createMatcher(authors);
  const flag: FlagPaper = (names) => matchAuthors(matcher, names);
  const db = openDb(config.dbPath);
  try {
    const reflag = reflagIfChanged(db, hash, flag);
    if (reflag && reflag.reflagged > 0) log.info('authors.reflagged', { papers: reflag.reflagged, authors: authors.length });
  } catch (error) {
    db.close();
    throw error;
  }
  const authorNames = new Map(authors.map((author) => [author.id, author.name]));
  return { config, db, authors, matcher, authorNames, flag, log, now: options.now ?? createClock(config.fixedNow) };
}

/** The real clock, or (CURATOR_NOW, tests only) one that starts at `start` and runs at real speed. */
function createClock(start: Date | undefined): () => Date {
  if (start === undefined) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
