// The days the reader opened, and the papers of a day the reader moved past on its page.
import type { Db } from '../db.ts';

export function listSeenDays(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], { day: string }>('SELECT day FROM seen_days')
      .all()
      .map((row) => row.day),
  );
}

/** The ids of the day's papers seen on its page. */
export function listSeenPapers(db: Db, day: string): Set<string> {
  return new Set(db.prepare<[string], string>('SELECT paper_id FROM seen_papers WHERE day = ?').pluck().all(day));
}
