// Papers as the digest and the feeds show them: one announcement of a paper, with its flags.
// getDayPapers has one caller, views/day.ts: every output gets a day's digest from there.
import type { Db } from '../db.ts';
import type { AnnounceType, DigestPaper, StarredMatch } from '../../types.ts';
import { STARRED_OF_PAPER } from './starred.ts';

/** A paper's stored columns as SQLite gives them: lists as JSON text, absent fields as null. */
export interface PaperColumns {
  id: string;
  version: number | null;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
  comment: string | null;
  journal_ref: string | null;
  doi: string | null;
}

export interface DigestRow extends PaperColumns {
  announce_type: AnnounceType;
  starred: string | null;
}

/** The paper those columns describe (the one place that reads them). */
export function readPaperColumns(row: PaperColumns): Omit<DigestPaper, 'announceType' | 'starred'> {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    abstract: row.abstract,
    authors: JSON.parse(row.authors) as string[],
    categories: JSON.parse(row.categories) as string[],
    ...(row.comment !== null && { comment: row.comment }),
    ...(row.journal_ref !== null && { journalRef: row.journal_ref }),
    ...(row.doi !== null && { doi: row.doi }),
  };
}

/** The columns of a DigestRow, for a query over `announcements a JOIN papers p`. */
export const DIGEST_COLUMNS = `p.id, a.version, p.title, p.abstract, p.authors, p.categories, p.comment, p.journal_ref, p.doi,
  a.announce_type, ${STARRED_OF_PAPER} AS starred`;

// arXiv lists new, cross, replace, replace-cross, each block by id descending (fetcher/FORMATS.md §1).
const DAY_SQL = `
  SELECT ${DIGEST_COLUMNS}
  FROM announcements a JOIN papers p ON p.id = a.paper_id
  WHERE a.day = ?
  ORDER BY CASE a.announce_type WHEN 'new' THEN 0 WHEN 'cross' THEN 1 WHEN 'replace' THEN 2 ELSE 3 END, p.id DESC`;

/** Canonical names by author id, so stored flags show the current name from authors.json. */
export type AuthorNames = ReadonlyMap<string, string>;

export function getDayPapers(db: Db, day: string, names: AuthorNames): DigestPaper[] {
  const rows = db.prepare<[string], DigestRow>(DAY_SQL).all(day);
  return rows.map((row) => toDigestPaper(row, names));
}

export function toDigestPaper(row: DigestRow, names: AuthorNames): DigestPaper {
  return {
    ...readPaperColumns(row),
    announceType: row.announce_type,
    starred: parseStarred(row.starred, names),
  };
}

export function parseStarred(json: string | null, names: AuthorNames): StarredMatch[] {
  if (json === null) return [];
  const flags = JSON.parse(json) as Omit<StarredMatch, 'name'>[];
  return flags
    .filter((flag) => names.has(flag.authorId))
    .map((flag) => ({
      authorId: flag.authorId,
      name: names.get(flag.authorId)!,
      as: flag.as,
      confidence: flag.confidence,
    }));
}

/** One stored paper with its latest announcement (a paper never announced, e.g. from OAI, as new). */
export function getStoredPaper(db: Db, id: string, names: AuthorNames): (DigestPaper & { day?: string }) | undefined {
  const row = db
    .prepare<[string], DigestRow & { day: string | null }>(
      `SELECT ${DIGEST_COLUMNS.replace('a.version', 'coalesce(a.version, p.version) AS version').replace(
        'a.announce_type',
        "coalesce(a.announce_type, 'new') AS announce_type",
      )}, a.day
       FROM papers p LEFT JOIN announcements a
         ON a.paper_id = p.id AND a.day = (SELECT max(day) FROM announcements WHERE paper_id = p.id)
       WHERE p.id = ?`,
    )
    .get(id);
  if (row === undefined) return undefined;
  return { ...toDigestPaper(row, names), ...(row.day !== null && { day: row.day }) };
}
