// Papers an author's own arXiv feed lists (https://arxiv.org/a/<id>.atom): they confirm that author's
// `likely` name matches on those papers, which read/digest.ts then shows as `exact`.
import type { Db } from '../db.ts';

/** Records that `authorId`'s arXiv feed lists these (stored) papers. */
export function confirmAuthorPapers(db: Db, authorId: string, paperIds: readonly string[]): number {
  const insert = db.prepare<[string, string]>(
    `INSERT OR IGNORE INTO author_confirmations (author_id, paper_id)
    SELECT ?, id FROM papers WHERE id = ?`,
  );
  let added = 0;
  for (const id of paperIds) added += insert.run(authorId, id).changes;
  return added;
}
