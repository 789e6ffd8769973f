// Read marks of the reading list (/start): a user action, written through actions/reading.ts.
import type { Db } from '../db.ts';
import { bumpGeneration } from './meta.ts';

/** Marks an entry read (or unread); true when that changed anything. */
export function setReadMark(db: Db, entryId: string, read: boolean, now: string): boolean {
  return db.transaction(() => {
    const changes = read
      ? db.prepare('INSERT OR IGNORE INTO reading_marks (entry_id, read_at) VALUES (?, ?)').run(entryId, now).changes
      : db.prepare('DELETE FROM reading_marks WHERE entry_id = ?').run(entryId).changes;
    if (changes > 0) bumpGeneration(db);
    return changes > 0;
  })();
}
