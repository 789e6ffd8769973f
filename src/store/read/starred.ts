// The starred flags as pages read them.
import type { Db } from '../db.ts';

/** Papers per starred author id. */
export function countStarredPapers(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT author_id AS id, count(*) AS n FROM starred GROUP BY author_id').all() as {
    id: string;
    n: number;
  }[];
  return new Map(rows.map((row) => [row.id, row.n]));
}

/**
 * The starred flags of paper `p` as one JSON array (parsed by digest.ts's parseStarred): the one
 * expression every query that shows a paper uses, so a flag reads the same on every page. A `likely`
 * match the author's own arXiv feed lists (author_confirmations) reads `exact`: arXiv says it is theirs.
 */
export const STARRED_OF_PAPER = `(SELECT json_group_array(json_object('authorId', s.author_id, 'as', s.as_written,
    'confidence', CASE WHEN s.confidence = 'likely' AND EXISTS (SELECT 1 FROM author_confirmations c
      WHERE c.paper_id = s.paper_id AND c.author_id = s.author_id) THEN 'exact' ELSE s.confidence END))
  FROM starred s WHERE s.paper_id = p.id)`;
