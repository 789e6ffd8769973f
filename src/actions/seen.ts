// Days opened and papers seen. The page's script posts `/digest/<day>/seen` when the day opens
// (or its "Mark this day read" button does), then the papers the reader moved past in batches
// (`ids`), and "Mark the rest seen" every paper of the day (`rest`). A GET never does it.
import type { Context } from '../app/context.ts';
import { parseArxivId } from '../fetcher/ids.ts';
import { isDayStored } from '../store/read/days.ts';
import { insertSeenDay, insertSeenPapers } from '../store/write/seen.ts';
import { writeSoon } from '../app/write.ts';
import { ActionError } from './errors.ts';

// A batch is what a reader passes in a few seconds; a whole day goes as `rest`.
const MAX_IDS = 2000;

function checkDay(context: Context, day: string): void {
  if (!isDayStored(context.db, day)) throw new ActionError(404, `no announcement day ${day} is stored`);
}

export function markDaySeen(context: Context, day: string): Promise<boolean> {
  checkDay(context, day);
  const at = context.now().toISOString();
  return writeSoon(context, () => insertSeenDay(context.db, day, at));
}

/** Bare ids of `2611.01234,2611.01235` (the page's batch); a bad one is refused by name. */
export function readSeenIds(written: string): string[] {
  const ids = written.split(',').filter((text) => text.trim() !== '');
  if (ids.length > MAX_IDS) throw new ActionError(400, `at most ${MAX_IDS} ids at a time`);
  return ids.map((text) => {
    const parsed = parseArxivId(text);
    if (parsed === undefined) throw new ActionError(400, `"${text.slice(0, 80)}" is not an arXiv id (e.g. 2611.01234)`);
    return parsed.id;
  });
}

/** Marks papers of the day seen (`'rest'`: all of them); the number newly seen. Ids of other days are ignored. */
export function markPapersSeen(context: Context, day: string, ids: readonly string[] | 'rest'): Promise<number> {
  checkDay(context, day);
  const at = context.now().toISOString();
  return writeSoon(context, () => insertSeenPapers(context.db, day, ids === 'rest' ? undefined : ids, at));
}
