import type { Db } from '../db.ts';

export function countPapers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
}

/** Which of these arXiv ids are stored. */
export function findStoredIds(db: Db, ids: readonly string[]): Set<string> {
  const get = db.prepare<[string]>('SELECT 1 FROM papers WHERE id = ?');
  return new Set(ids.filter((id) => get.get(id) !== undefined));
}
