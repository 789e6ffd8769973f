import type { Db } from '../db.ts';

export function countPapers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM papers').get() as { n: number }).n;
}
