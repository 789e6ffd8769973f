import type { Db } from '../db.ts';

/** Papers per starred author id. */
export function countStarredPapers(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT author_id AS id, count(*) AS n FROM starred GROUP BY author_id').all() as {
    id: string;
    n: number;
  }[];
  return new Map(rows.map((row) => [row.id, row.n]));
}
