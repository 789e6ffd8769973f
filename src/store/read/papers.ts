import type { Db } from '../db.ts';

export function countPapers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
}

/** A stored paper's author list, or undefined for an unknown id. */
export function getPaperAuthors(db: Db, id: string): string[] | undefined {
  const row = db.prepare<[string], { authors: string }>('SELECT authors FROM papers WHERE id = ?').get(id);
  return row && (JSON.parse(row.authors) as string[]);
}

/** Which of these arXiv ids are stored. */
export function findStoredIds(db: Db, ids: readonly string[]): Set<string> {
  const get = db.prepare<[string]>('SELECT 1 FROM papers WHERE id = ?');
  return new Set(ids.filter((id) => get.get(id) !== undefined));
}
