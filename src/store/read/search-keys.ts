// Which papers a query finds, as index keys in the order asked for, at a bounded cost. Both
// full-text tables are keyed by date (../search-text.ts), so date order, date ranges and "the
// newest N matches" are rowid ranges FTS5 walks without sorting; ranking (bm25) is what costs,
// and it runs over at most RANK_BUDGET matches: the newest ones, plus the papers of a name.
import type { Db } from '../db.ts';
import { firstKeyOf, KEYS_PER_DAY } from '../search-text.ts';
import type { MatchPlan, SearchQuery } from './search-match.ts';

/**
 * Matches bm25 ranks at most. A word in every abstract ("the", "learning") matches 100,000
 * papers in a store of 100,000; ranking 20,000 costs ~15 ms (bench/search.ts).
 */
export const RANK_BUDGET = 20_000;

// Weights per column: a word in the title counts most, then in the author list, then in the abstract.
const BM25 = { papers_fts: 'bm25(papers_fts, 10.0, 1.0, 5.0, 0.0)', names_fts: 'bm25(names_fts, 1.0, 0.0)' };
const KEY_OF_PAPER = `unixepoch(p.search_day) / 86400 * ${KEYS_PER_DAY} + p.rowid`;
const STARRED_KEYS = `SELECT ${KEY_OF_PAPER} AS key FROM papers p WHERE p.id IN (SELECT paper_id FROM starred)`;

export interface KeyPage {
  total: number;
  keys: number[];
  /** Set when relevance was ranked among the newest RANK_BUDGET matches only. */
  rankedAmong?: number;
}

interface Params {
  match: string;
  names?: string;
  tier?: string;
  lo: number;
  hi: number;
}

export interface KeyWindow {
  offset: number;
  limit: number;
  /** Matches bm25 ranks at most (default RANK_BUDGET). */
  rankBudget?: number;
}

export function findKeys(db: Db, plan: MatchPlan, query: SearchQuery, window: KeyWindow): KeyPage {
  const { offset, limit } = window;
  const budget = window.rankBudget ?? RANK_BUDGET;
  const params: Params = { match: plan.match, lo: keyOfDay(query.from, 0), hi: keyOfDay(query.to, 1) - 1 };
  if (plan.names !== undefined) params.names = plan.names;
  if (plan.table === undefined) return findStarredKeys(db, params, offset, limit);
  const table = plan.table;
  const where = whereOf(table, plan, query);
  const total = db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(params) as number;
  if (total === 0 || offset >= total) return { total, keys: [] };
  const page = { ...params, limit, offset };
  if (query.sort === 'date') {
    const keys = db.prepare(
      `SELECT rowid FROM ${table} WHERE ${where} ORDER BY rowid DESC LIMIT @limit OFFSET @offset`,
    );
    return { total, keys: keys.pluck().all(page) as number[] };
  }
  const capped = total > budget;
  const bound = capped
    ? (db
        .prepare(`SELECT rowid FROM ${table} WHERE ${where} ORDER BY rowid DESC LIMIT 1 OFFSET @skip`)
        .pluck()
        .get({ ...params, skip: budget - 1 }) as number)
    : params.lo;
  const keys = rankKeys(db, table, where, plan.tier, { ...page, bound });
  return capped ? { total, keys, rankedAmong: budget } : { total, keys };
}

/** The page of keys by bm25; with a name tier, the papers of that name first (all of them, however old). */
function rankKeys(db: Db, table: 'papers_fts' | 'names_fts', where: string, tier: string | undefined, params: object) {
  if (tier === undefined) {
    const sql = `SELECT rowid FROM ${table} WHERE ${where} AND rowid >= @bound ORDER BY ${BM25[table]} LIMIT @limit OFFSET @offset`;
    return db.prepare(sql).pluck().all(params) as number[];
  }
  const sql = `WITH tier(key) AS MATERIALIZED (SELECT rowid FROM names_fts WHERE names_fts MATCH @tier)
    SELECT rowid FROM ${table} WHERE ${where} AND (rowid >= @bound OR +rowid IN tier)
    ORDER BY +rowid IN tier DESC, ${BM25[table]} LIMIT @limit OFFSET @offset`;
  return db
    .prepare(sql)
    .pluck()
    .all({ ...params, tier }) as number[];
}

/**
 * The filters besides the main expression. `+rowid` keeps an IN list away from FTS5, which would
 * run the whole query again for each key of the list.
 */
function whereOf(table: string, plan: MatchPlan, query: SearchQuery): string {
  const parts = [`${table} MATCH @match`, 'rowid BETWEEN @lo AND @hi'];
  if (plan.names !== undefined) parts.push('+rowid IN (SELECT rowid FROM names_fts WHERE names_fts MATCH @names)');
  if (query.starredOnly) parts.push(`+rowid IN (${STARRED_KEYS})`);
  return parts.join(' AND ');
}

/** Starred papers alone (no words, names or categories), newest first. */
function findStarredKeys(db: Db, params: Params, offset: number, limit: number): KeyPage {
  const from = `FROM (${STARRED_KEYS}) WHERE key BETWEEN @lo AND @hi`;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const keys = db.prepare(`SELECT key ${from} ORDER BY key DESC LIMIT @limit OFFSET @offset`).pluck();
  return { total, keys: keys.all({ ...params, limit, offset }) as number[] };
}

/** The first key of a day, or of the day after (`next` 1); open ends are the ends of the key space. */
function keyOfDay(day: string | undefined, next: 0 | 1): number {
  if (day === undefined) return next === 0 ? 0 : Number.MAX_SAFE_INTEGER;
  return firstKeyOf(day) + next * KEYS_PER_DAY;
}
