// The days the reader opened.
import type { Db } from '../db.ts';

/** Marks a day opened; false when it already was. */
export function insertSeenDay(db: Db, day: string, now: string): boolean {
  const added = db.prepare('INSERT INTO seen_days (day, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(day, now);
  return added.changes > 0;
}
