// The days the reader opened.
import type { Db } from '../db.ts';

export function listSeenDays(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], { day: string }>('SELECT day FROM seen_days')
      .all()
      .map((row) => row.day),
  );
}
