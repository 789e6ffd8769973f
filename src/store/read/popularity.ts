// Hugging Face's Daily Papers counts: the most upvoted papers of a span of dates, with what we stored
// of each; and each paper's upvotes, a signal for the ranking.
import type { Db } from '../db.ts';

export interface PopularPaperRow {
  paperId: string;
  /** The date of the list where it had the most upvotes. */
  date: string;
  upvotes: number;
  comments: number | null;
  githubRepo: string | null;
  githubStars: number | null;
  /** As Hugging Face titles it (for papers we have not stored). */
  hfTitle: string;
  /** What we stored of it; null when it is not in our store. */
  stored: {
    version: number | null;
    title: string;
    authors: string[];
    categories: string[];
    /** Its latest announcement day, if announced. */
    day: string | null;
  } | null;
}

interface Row extends Omit<PopularPaperRow, 'stored'> {
  version: number | null;
  title: string | null;
  authors: string | null;
  categories: string | null;
  day: string | null;
}

/** The newest date with counts. */
export function getLatestPopularityDate(db: Db): string | undefined {
  const row = db.prepare('SELECT max(date) AS d FROM popularity').get() as { d: string | null };
  return row.d ?? undefined;
}

/** The most upvoted papers listed between `from` and `to` (inclusive), each once, with its best date. */
export function listPopularPapers(db: Db, from: string, to: string, limit: number): PopularPaperRow[] {
  // SQLite takes the bare columns of an aggregate query from the row holding the max().
  const rows = db
    .prepare(
      `SELECT h.paper_id AS paperId, h.date, max(h.upvotes) AS upvotes, h.comments, h.github_repo AS githubRepo,
        h.github_stars AS githubStars, h.title AS hfTitle, p.version, p.title, p.authors, p.categories,
        (SELECT max(day) FROM announcements a WHERE a.paper_id = h.paper_id) AS day
      FROM popularity h LEFT JOIN papers p ON p.id = h.paper_id
      WHERE h.date BETWEEN ? AND ?
      GROUP BY h.paper_id ORDER BY upvotes DESC, h.paper_id LIMIT ?`,
    )
    .all(from, to, limit) as Row[];
  return rows.map(({ version, title, authors, categories, day, ...rest }) => ({
    ...rest,
    stored:
      title === null
        ? null
        : {
            version,
            title,
            authors: JSON.parse(authors!) as string[],
            categories: JSON.parse(categories!) as string[],
            day,
          },
  }));
}

/** Each paper's most upvotes on any date, for the papers that have some (a ranking signal). */
export function getUpvotes(db: Db, paperIds: readonly string[]): Map<string, number> {
  const get = db.prepare<[string], { n: number | null }>('SELECT max(upvotes) AS n FROM popularity WHERE paper_id = ?');
  const out = new Map<string, number>();
  for (const id of paperIds) {
    const n = get.get(id)?.n;
    if (n !== null && n !== undefined) out.set(id, n);
  }
  return out;
}

/** Whether the list of `date` was stored (with at least one paper). */
export function hasPopularityList(db: Db, date: string): boolean {
  return db.prepare('SELECT 1 FROM popularity WHERE date = ? LIMIT 1').get(date) !== undefined;
}
