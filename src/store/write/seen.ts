// The days the reader opened, and the papers of a day the reader moved past.
import type { Db } from '../db.ts';

/** Marks a day opened; false when it already was. */
export function insertSeenDay(db: Db, day: string, now: string): boolean {
  const added = db.prepare('INSERT INTO seen_days (day, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(day, now);
  return added.changes > 0;
}

/**
 * Marks papers of a day seen (only papers announced that day), and the day opened; the number
 * newly seen. `ids` undefined: every paper of the day ("mark the rest seen").
 */
export function insertSeenPapers(db: Db, day: string, ids: readonly string[] | undefined, now: string): number {
  return db.transaction(() => {
    insertSeenDay(db, day, now);
    let added = 0;
    if (ids === undefined)
      added = db
        .prepare(
          `INSERT INTO seen_papers (day, paper_id, seen_at)
           SELECT day, paper_id, ? FROM announcements WHERE day = ? ON CONFLICT DO NOTHING`,
        )
        .run(now, day).changes;
    else {
      const insert = db.prepare(
        `INSERT INTO seen_papers (day, paper_id, seen_at)
         SELECT day, paper_id, ? FROM announcements WHERE day = ? AND paper_id = ? ON CONFLICT DO NOTHING`,
      );
      for (const id of ids) added += insert.run(now, day, id).changes;
    }
    return added;
  })();
}
