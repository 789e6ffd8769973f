// The user action of /start: mark a reading-list entry read or unread. Called by the POST route
// (after routes/writes.ts let it through) and by `arxiv-curator reading`.
import type { Context } from '../app/context.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import { writeSoon } from '../app/write.ts';
import { setReadMark } from '../store/write/reading.ts';

export class UnknownEntryError extends Error {
  override name = 'UnknownEntryError';
}

/**
 * Marks `entryId` read (or unread); an id the reading list does not have is refused. The write
 * waits for SQLite's write lock without holding up the event loop (the server answers meanwhile).
 */
export function markReadingEntry(context: Context, entryId: string, read: boolean): Promise<boolean> {
  const entries = loadReadingList(context.config.readingListPath);
  if (!entries.some((entry) => entry.id === entryId))
    throw new UnknownEntryError(`no entry "${entryId}" in ${context.config.readingListPath}`);
  const now = context.now().toISOString();
  return writeSoon(context, () => setReadMark(context.db, entryId, read, now));
}
