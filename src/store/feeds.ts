// Queries behind the starred-author feeds and pages.
import type { Db } from './db.ts';
import type { AnnounceType, StarredMatch } from '../types.ts';
import type { AuthorNames } from './digest.ts';

export interface StarredPaper {
  id: string;
  version: number | null;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  comment?: string;
  day: string;
  announceType: AnnounceType;
  starred: StarredMatch[];
}

interface Row {
  id: string;
  version: number | null;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
  comment: string | null;
  day: string;
  announce_type: AnnounceType;
  starred: string;
}

/**
 * Announcements of papers by starred authors, newest announcement day first; one row per
 * (paper, day), so a replacement is a new item. `authorId` narrows to one author.
 */
export function listStarredAnnouncements(db: Db, names: AuthorNames, options: { authorId?: string; limit?: number } = {}): StarredPaper[] {
  const filter = options.authorId === undefined ? '' : 'AND s.author_id = @authorId';
  const rows = db
    .prepare(`
      SELECT p.id, a.version, p.title, p.abstract, p.authors, p.categories, p.comment, a.day, a.announce_type,
        (SELECT json_group_array(json_object('authorId', s2.author_id, 'as', s2.as_written, 'confidence', s2.confidence))
           FROM starred s2 WHERE s2.paper_id = p.id) AS starred
      FROM announcements a JOIN papers p ON p.id = a.paper_id
      WHERE a.paper_id IN (SELECT s.paper_id FROM starred s WHERE 1 ${filter})
      ORDER BY a.day DESC, p.id DESC
      LIMIT @limit`)
    .all({ limit: options.limit ?? 100, ...(options.authorId !== undefined && { authorId: options.authorId }) }) as Row[];
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: row.title,
    abstract: row.abstract,
    authors: JSON.parse(row.authors) as string[],
    categories: JSON.parse(row.categories) as string[],
    ...(row.comment !== null && { comment: row.comment }),
    day: row.day,
    announceType: row.announce_type,
    starred: (JSON.parse(row.starred) as Omit<StarredMatch, 'name'>[])
      .filter((flag) => names.has(flag.authorId))
      .map((flag) => ({ ...flag, name: names.get(flag.authorId)! })),
  }));
}
