// Queries behind the starred-author feeds and pages.
import type { Db } from '../db.ts';
import type { AnnouncedPaper } from '../../types.ts';
import { DIGEST_COLUMNS, toDigestPaper, type AuthorNames, type DigestRow } from './digest.ts';

/**
 * Announcements of papers by starred authors, newest announcement day first; one row per
 * (paper, day), so a replacement is a new item. `authorId` narrows to one author.
 */
export function listStarredAnnouncements(
  db: Db,
  names: AuthorNames,
  options: { authorId?: string; limit?: number } = {},
): AnnouncedPaper[] {
  const filter = options.authorId === undefined ? '' : 'AND s.author_id = @authorId';
  const rows = db
    .prepare(
      `
      SELECT ${DIGEST_COLUMNS}, a.day
      FROM announcements a JOIN papers p ON p.id = a.paper_id
      WHERE a.paper_id IN (SELECT s.paper_id FROM starred s WHERE 1 ${filter})
      ORDER BY a.day DESC, p.id DESC
      LIMIT @limit`,
    )
    .all({
      limit: options.limit ?? 100,
      ...(options.authorId !== undefined && { authorId: options.authorId }),
    }) as (DigestRow & { day: string })[];
  return rows.map((row) => ({ ...toDigestPaper(row, names), day: row.day }));
}
