// Read marks of the reading list (/start): a user action, written through actions/reading.ts.
import type { Db } from '../db.ts';

/** Marks an entry read (or unread); true when that changed anything. */
export function setReadMark(db: Db, entryId: string, read: boolean, now: string): boolean {
  const changes = read
    ? db.prepare('INSERT OR IGNORE INTO reading_marks (entry_id, read_at) VALUES (?, ?)').run(entryId, now).changes
    : db.prepare('DELETE FROM reading_marks WHERE entry_id = ?').run(entryId).changes;
  return changes > 0;
}
