// One parsed feed into the store, in one transaction: a parse error before it, or a crash
// or kill -9 during it, leaves the database exactly as it was (SQLite's atomic commit).
import type { Db } from '../db.ts';
import type { AnnounceType, PaperRecord, ParsedFeed, Validators } from '../../types.ts';
import { prepareAnnouncementStatements, markDayStored, refreshDayCount } from './announcements.ts';
import { preparePaperStatements, upsertPaper } from './papers.ts';
import { saveValidators } from './runs.ts';
import { alignFlags, insertFlags, prepareStarredStatements, writeFlags, type FlagList } from './starred.ts';

export interface IngestOptions {
  /** Where the feed came from: `rss`, `api`, `oai` or `import`. */
  source: string;
  /** Announcement day; defaults to the feed's own (RSS). Without one, papers are stored unannounced. */
  day?: string;
  /** The configured categories, to tell new from cross-list where the feed does not say. */
  categories: readonly string[];
  /** The starred authors to flag papers with; stored flags from another list are redone first. */
  flags: FlagList;
  now: string;
  /**
   * The feed lists papers by first submission (the API's submittedDate window of a day): each
   * was announced that day as version 1, new or cross-list, whatever version it has reached since.
   */
  firstSubmissions?: boolean;
  /** Validators of the HTTP response, saved only if the ingest commits. */
  validators?: { url: string; validators: Validators };
  /**
   * false: the papers join the day without marking it stored (a source that is not the day's own
   * announcement, such as a starred author's uploads: the day's feed must still be fetched).
   */
  storesDay?: boolean;
}

export interface IngestResult {
  day: string | undefined;
  papers: number;
  inserted: number;
  updated: number;
  unchanged: number;
  byType: Partial<Record<AnnounceType, number>>;
}

// BEGIN IMMEDIATE: the ingest reads before it writes, and a deferred transaction could not wait
// for the write lock (store/write/lock.ts); nested in a caller's transaction, it is a savepoint.
export function ingestFeed(db: Db, feed: ParsedFeed, options: IngestOptions): IngestResult {
  return db
    .transaction(() => {
      const ingest = startIngest(db, feed.announcedOn, options);
      ingest.add(feed.papers);
      return ingest.finish();
    })
    .immediate();
}

export interface Ingest {
  add(papers: readonly PaperRecord[]): void;
  /** Marks the day stored and saves the validators; the caller commits. */
  finish(): IngestResult;
}

/**
 * The steps of one ingest, for a caller that holds the transaction open itself (an import that
 * receives a file's papers in chunks from a worker thread). Every call must run inside it.
 */
export function startIngest(db: Db, announcedOn: string | undefined, options: IngestOptions): Ingest {
  const day = options.day ?? announcedOn;
  alignFlags(db, options.flags);
  const papers = preparePaperStatements(db);
  const announcements = prepareAnnouncementStatements(db);
  const starred = prepareStarredStatements(db);
  const result: IngestResult = { day, papers: 0, inserted: 0, updated: 0, unchanged: 0, byType: {} };
  const addOne = (paper: PaperRecord) => {
    const outcome = upsertPaper(papers, paper, options.now, day);
    if (outcome === 'replaced') writeFlags(starred, paper.id, options.flags.flag(paper.authors));
    if (outcome === 'inserted') insertFlags(starred, paper.id, options.flags.flag(paper.authors));
    result[outcome === 'inserted' ? 'inserted' : outcome === 'unchanged' ? 'unchanged' : 'updated']++;
    result.papers++;
    if (day === undefined) return;
    const first = options.firstSubmissions === true;
    const type = paper.announceType ?? inferAnnounceType(first ? { ...paper, version: 1 } : paper, options.categories);
    announcements.upsert.run(day, paper.id, first ? 1 : paper.version, type, options.source);
    result.byType[type] = (result.byType[type] ?? 0) + 1;
  };
  return {
    add: (batch) => batch.forEach(addOne),
    finish: () => {
      papers.index.flush();
      if (day !== undefined && options.storesDay === false) refreshDayCount(db, day, options.now);
      else if (day !== undefined) markDayStored(db, day, options.source, options.now);
      if (options.validators) saveValidators(db, options.validators.url, options.validators.validators, options.now);
      return result;
    },
  };
}

/**
 * The API and OAI-PMH do not say how a paper was announced. What they do say: the primary
 * category (in our set: a submission, else a cross-list) and the version (1: new, else a replacement).
 * OAI `arXiv` metadata has no version; a record with an `updated` date counts as a replacement.
 */
export function inferAnnounceType(paper: PaperRecord, categories: readonly string[]): AnnounceType {
  const primary = paper.categories[0]?.toLowerCase();
  const ours = categories.some((category) => category.toLowerCase() === primary);
  const first = paper.version === 1 || (paper.version === null && paper.updated === paper.published);
  if (ours) return first ? 'new' : 'replace';
  return first ? 'cross' : 'replace-cross';
}
