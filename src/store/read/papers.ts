import type { Db } from '../db.ts';

export function countPapers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
}

/** A stored paper's author list, or undefined for an unknown id. */
export function getPaperAuthors(db: Db, id: string): string[] | undefined {
  const row = db.prepare<[string], { authors: string }>('SELECT authors FROM papers WHERE id = ?').get(id);
  return row && (JSON.parse(row.authors) as string[]);
}
