// Which papers a query finds, as index keys in the order asked for, at a bounded cost. The
// full-text table is keyed by date (../search-text.ts), so "newest first" and date ranges are
// rowid order and rowid ranges FTS5 walks without sorting. What costs is walking many matches
// (~0.3 us each) and ranking them (bm25, ~3 us a word each), so both stop: one walk takes the
// newest MATCH_LIMIT matches (their count, the date order, and the range bm25 ranks), bm25 ranks
// the newest MATCH_LIMIT / words of them, and a name's papers rank first, however old, when the
// words match no more papers than one walk takes. The name is looked for in the author column of
// the same index: words in nearly every abstract ("learning gradient", "the") are in no author
// list, but FTS5 reads their positions to find out (~10 ms at 100,000 papers), and so many
// matches are a topic's, not a person's (a name that common still ranks its papers high by bm25).
import type { Db } from '../db.ts';
import { firstKeyOf, KEYS_PER_DAY } from '../search-text.ts';
import type { MatchPlan, SearchQuery } from './search-match.ts';

/**
 * Matches walked at most: counted, listed by date (250 pages of 20), and ranked for one word. A
 * word in every abstract ("the") matches every paper; ranking 5,000 takes ~15 ms of one core.
 */
export const MATCH_LIMIT = 5000;

// Weights per column: a word in the title counts most, then in the author list, then in the
// abstract; a name's papers are ranked by the author list alone.
const BM25 = 'bm25(papers_fts, 10.0, 1.0, 5.0, 0.0)';
const BM25_NAMES = 'bm25(papers_fts, 0.0, 0.0, 1.0, 0.0)';
const KEY_OF_PAPER = `unixepoch(p.search_day) / 86400 * ${KEYS_PER_DAY} + p.rowid`;
const STARRED_KEYS = `SELECT ${KEY_OF_PAPER} AS key FROM papers p WHERE p.id IN (SELECT paper_id FROM starred)`;

export interface KeyPage {
  /** Matches, counted up to MATCH_LIMIT + 1. */
  total: number;
  keys: number[];
  /** Set when relevance was ranked among the newest this many matches only. */
  rankedAmong?: number;
}

export interface KeyWindow {
  offset: number;
  limit: number;
  /** Matches bm25 ranks at most (default and most MATCH_LIMIT). */
  rankBudget?: number;
}

interface Params {
  lo: number;
  hi: number;
}

export function findKeys(db: Db, plan: MatchPlan, query: SearchQuery, window: KeyWindow): KeyPage {
  const params: Params = { lo: keyOfDay(query.from, 0), hi: keyOfDay(query.to, 1) - 1 };
  if (plan.match === undefined) return findStarredKeys(db, params, window);
  const where = whereOf(query);
  const walk = `SELECT rowid FROM papers_fts WHERE ${where} ORDER BY rowid DESC LIMIT ${MATCH_LIMIT + 1}`;
  const match = plan.match;
  const newest = db
    .prepare(walk)
    .pluck()
    .all({ ...params, match }) as number[];
  const total = newest.length;
  const end = window.offset + window.limit;
  if (query.sort === 'date' || total === 0) return { total, keys: newest.slice(window.offset, end) };
  // Ranking costs per matched word or phrase: two words rank half as many matches as one.
  const budget = Math.min(window.rankBudget ?? MATCH_LIMIT, Math.floor(MATCH_LIMIT / Math.max(1, plan.weighed)));
  const capped = total > budget;
  // The newest `budget` matches are those from the budget-th newest on. One lower bound only: FTS5
  // seeks to one and would walk every match from the other.
  const ranking = capped ? { ...params, lo: newest[budget - 1]! } : params;
  const named = plan.tier === undefined || total > MATCH_LIMIT ? [] : rankName(db, plan.tier, query, params, end);
  const rank = `SELECT rowid FROM papers_fts WHERE ${where} ORDER BY ${BM25} LIMIT @count`;
  const ranked = db
    .prepare(rank)
    .pluck()
    .all({ ...ranking, match, count: end + named.length }) as number[];
  const first = new Set(named);
  const keys = [...named, ...ranked.filter((key) => !first.has(key))].slice(window.offset, end);
  return capped ? { total, keys, rankedAmong: budget } : { total, keys };
}

/** The papers of a name in the range given, best first (bm25 over the author list: a short list ranks higher), the newest first among equals. */
function rankName(db: Db, tier: string, query: SearchQuery, range: Params, end: number): number[] {
  const sql = `SELECT rowid FROM papers_fts WHERE ${whereOf(query)} ORDER BY ${BM25_NAMES}, rowid DESC LIMIT @end`;
  return db
    .prepare(sql)
    .pluck()
    .all({ ...range, match: tier, end }) as number[];
}

/**
 * The expression and the filters beside it. `+rowid` keeps an IN list away from FTS5, which would
 * run the whole query again for each key of the list.
 */
function whereOf(query: SearchQuery): string {
  const parts = ['papers_fts MATCH @match', 'rowid BETWEEN @lo AND @hi'];
  if (query.starredOnly) parts.push(`+rowid IN (${STARRED_KEYS})`);
  return parts.join(' AND ');
}

/** Starred papers alone (no words, names or categories), newest first: few, by nature. */
function findStarredKeys(db: Db, params: Params, window: KeyWindow): KeyPage {
  const from = `FROM (${STARRED_KEYS}) WHERE key BETWEEN @lo AND @hi`;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const keys = db.prepare(`SELECT key ${from} ORDER BY key DESC LIMIT @limit OFFSET @offset`).pluck();
  return { total, keys: keys.all({ ...params, limit: window.limit, offset: window.offset }) as number[] };
}

/** The first key of a day, or of the day after (`next` 1); open ends are the ends of the key space. */
function keyOfDay(day: string | undefined, next: 0 | 1): number {
  if (day === undefined) return next === 0 ? 0 : Number.MAX_SAFE_INTEGER;
  return firstKeyOf(day) + next * KEYS_PER_DAY;
}
