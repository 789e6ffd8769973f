// The user action of /start: mark a reading-list entry read or unread. Called by the POST route
// (after routes/writes.ts let it through) and by `arxiv-curator reading`.
import type { Context } from '../app/context.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import { setReadMark } from '../store/write/reading.ts';

export class UnknownEntryError extends Error {
  override name = 'UnknownEntryError';
}

/** Marks `entryId` read (or unread); an id the reading list does not have is refused. */
export function markReadingEntry(context: Context, entryId: string, read: boolean): boolean {
  const entries = loadReadingList(context.config.readingListPath);
  if (!entries.some((entry) => entry.id === entryId))
    throw new UnknownEntryError(`no entry "${entryId}" in ${context.config.readingListPath}`);
  return setReadMark(context.db, entryId, read, context.now().toISOString());
}
