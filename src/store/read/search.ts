// Full-text search over title, abstract and authors (FTS5), ranked by bm25.
import type { Db } from '../db.ts';

export interface SearchHit {
  id: string;
  version: number | null;
  title: string;
  authors: string[];
  categories: string[];
  abstract: string;
  /** Latest announcement day of the paper, if any. */
  day: string | null;
}

/**
 * User text becomes plain words: every token is quoted, so FTS5 syntax (AND, NEAR, *, ^, ",
 * column filters) in a query is searched for, never interpreted. Returns undefined for no words.
 */
export function toFtsQuery(text: string): string | undefined {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return undefined;
  return words
    .slice(0, 32)
    .map((word) => `"${word}"`)
    .join(' ');
}

export function searchPapers(db: Db, text: string, limit = 50): SearchHit[] {
  const query = toFtsQuery(text);
  if (query === undefined) return [];
  // bm25 weights: a word in the title or the author list counts more than one in the abstract.
  const rows = db
    .prepare(
      `
      SELECT p.id, p.version, p.title, p.authors, p.categories, p.abstract,
        (SELECT max(day) FROM announcements a WHERE a.paper_id = p.id) AS day
      FROM papers_fts f JOIN papers p ON p.rowid = f.rowid
      WHERE papers_fts MATCH ?
      ORDER BY bm25(papers_fts, 10.0, 1.0, 5.0)
      LIMIT ?`,
    )
    .all(query, limit) as (Omit<SearchHit, 'authors' | 'categories'> & { authors: string; categories: string })[];
  return rows.map((row) => ({
    ...row,
    authors: JSON.parse(row.authors) as string[],
    categories: JSON.parse(row.categories) as string[],
  }));
}
