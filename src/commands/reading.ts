// `reading`: the reading list of /start with its read marks; `reading read <id>` and
// `reading unread <id>` set a mark (the same action as the page's form).
import { markReadingEntry, UnknownEntryError } from '../actions/reading.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import { getReadMarks } from '../store/read/reading.ts';
import { CommandError } from './errors.ts';
import type { CommandArgs } from './types.ts';

export async function runReading({ open, io, positionals, config }: CommandArgs): Promise<number> {
  const [verb, id, ...extra] = positionals;
  if (verb === undefined) {
    const entries = loadReadingList(config.readingListPath);
    const marks = getReadMarks(open().db);
    const width = Math.max(0, ...entries.map((entry) => entry.id.length));
    for (const entry of entries) {
      const mark = marks.has(entry.id) ? `read ${marks.get(entry.id)!.slice(0, 10)}` : 'unread         ';
      io.stdout(`${entry.id.padEnd(width)}  ${mark}  ${entry.title}\n`);
    }
    return 0;
  }
  if ((verb !== 'read' && verb !== 'unread') || id === undefined || extra.length > 0)
    throw new CommandError('reading: use "reading", "reading read <id>" or "reading unread <id>"');
  try {
    const changed = await markReadingEntry(open(), id, verb === 'read');
    io.stdout(`${id}: ${changed ? 'marked' : 'already'} ${verb}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UnknownEntryError) throw new CommandError(`reading: ${error.message}`);
    throw error;
  }
}
