// Search: a parsed query to a page of papers, as people read them. The plan (search-match.ts) is
// the query as one full-text expression, findKeys (search-keys.ts) which papers in which order at a
// bounded cost; where the words are is views/search-highlight.ts's, from the `match` returned here.
import type { Db } from '../db.ts';
import { AUTHOR_SEPARATOR, paperRowidOf, toReadableText, type ReadableText } from '../search-text.ts';
import type { StarredMatch } from '../../types.ts';
import { parseStarred, type AuthorNames } from './digest.ts';
import { STARRED_OF_PAPER } from './starred.ts';
import { MATCH_LIMIT, findKeys, type KeyWindow } from './search-keys.ts';
import { planMatch, type SearchQuery } from './search-match.ts';

export interface SearchHit {
  id: string;
  version: number | null;
  /** Title, authors (one per line) and abstract as people read them (TeX decoded). */
  text: ReadableText;
  categories: string[];
  /** Latest announcement day of the paper, if any. */
  day: string | null;
  starred: StarredMatch[];
}

export interface SearchResult {
  /** Papers that match, up to MATCH_LIMIT (5,000). */
  total: number;
  /** More than `total` match. */
  more: boolean;
  /** Set when there were more matches than bm25 ranks: the newest this many were ranked. */
  rankedAmong?: number;
  hits: SearchHit[];
  /** The full-text expression the hits matched (what views mark in them), if the query had words. */
  match?: string;
}

/** One stored paper as an id lookup shows it: all of it, abstract included. */
export interface FoundPaper extends Omit<SearchHit, 'text'> {
  title: string;
  authors: string[];
  abstract: string;
  comment: string | null;
}

interface PaperRow {
  id: string;
  version: number | null;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
  comment: string | null;
  day: string | null;
  starred: string | null;
}

const PAPER_SQL = `SELECT p.id, p.version, p.title, p.abstract, p.authors, p.categories, p.comment,
  (SELECT max(day) FROM announcements a WHERE a.paper_id = p.id) AS day,
  ${STARRED_OF_PAPER} AS starred
  FROM papers p`;

export function searchPapers(db: Db, query: SearchQuery, page: KeyWindow, names: AuthorNames): SearchResult {
  const known = db.prepare<[string], number>('SELECT 1 FROM papers_fts WHERE papers_fts MATCH ? LIMIT 1').pluck();
  const plan = planMatch(query.query, (word) => known.get(`"${word}"`) !== undefined);
  // Nothing to search for (no words, names, categories or starred filter): views ask no such query.
  if (plan.match === undefined && !query.starredOnly) return { total: 0, more: false, hits: [] };
  const found = findKeys(db, plan, query, page);
  const select = db.prepare<[number], PaperRow>(`${PAPER_SQL} WHERE p.rowid = ?`);
  const rows = found.keys.map((key) => select.get(paperRowidOf(key))!);
  const readable = rows.map((row) =>
    toReadableText({
      ...row,
      authors: JSON.parse(row.authors) as string[],
      categories: JSON.parse(row.categories) as string[],
    }),
  );
  const hits = rows.map((row, i) => ({
    id: row.id,
    version: row.version,
    text: readable[i]!,
    categories: JSON.parse(row.categories) as string[],
    day: row.day,
    starred: parseStarred(row.starred, names),
  }));
  const counted = { total: Math.min(found.total, MATCH_LIMIT), more: found.total > MATCH_LIMIT };
  return {
    ...counted,
    hits,
    ...(found.rankedAmong && { rankedAmong: found.rankedAmong }),
    ...(plan.match !== undefined && { match: plan.match }),
  };
}

/** A stored paper by its bare id (`2611.10004`, `cs/0112017`), TeX decoded; undefined if not stored. */
export function findPaper(db: Db, id: string, names: AuthorNames): FoundPaper | undefined {
  const row = db.prepare<[string], PaperRow>(`${PAPER_SQL} WHERE p.id = ?`).get(id);
  if (row === undefined) return undefined;
  const authors = JSON.parse(row.authors) as string[];
  const categories = JSON.parse(row.categories) as string[];
  const text = toReadableText({ ...row, authors, categories });
  return {
    id: row.id,
    version: row.version,
    title: text.title,
    authors: authors.length === 0 ? [] : text.authors.split(AUTHOR_SEPARATOR),
    abstract: text.abstract,
    comment: row.comment,
    categories,
    day: row.day,
    starred: parseStarred(row.starred, names),
  };
}
