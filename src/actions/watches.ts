// Keyword watches: added and removed from the page (`POST /watches`, `/watches/<slug>/remove`) and
// the CLI (`arxiv-curator watch add|remove`). A query is checked before it is stored.
import type { Context } from '../app/context.ts';
import { parseWatchQuery, slugifyWatch, WatchQueryError } from '../curate/watch-query.ts';
import { listWatches } from '../store/read/watches.ts';
import { deleteWatch, insertWatch } from '../store/write/watches.ts';
import { writeSoon } from '../jobs/write.ts';
import { ActionError } from './errors.ts';

/** Adds a watch under a slug of its words (`-2`, `-3` … when taken); the slug. */
export function addWatch(context: Context, query: string, options: { mail?: boolean } = {}): Promise<string> {
  const trimmed = query.trim();
  try {
    parseWatchQuery(trimmed);
  } catch (error) {
    if (error instanceof WatchQueryError)
      throw new ActionError(400, `watch "${trimmed.slice(0, 80)}": ${error.message}`);
    throw error;
  }
  const at = context.now().toISOString();
  // Read and written in one transaction: two adds at once cannot take the same slug.
  return writeSoon(context, () => {
    const existing = listWatches(context.db);
    if (existing.some((watch) => watch.query === trimmed)) throw new ActionError(409, `already watching "${trimmed}"`);
    const taken = new Set(existing.map((watch) => watch.slug));
    const base = slugifyWatch(trimmed);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    insertWatch(context.db, { slug, query: trimmed, mail: options.mail ?? true }, at);
    return slug;
  });
}

export async function removeWatch(context: Context, slug: string): Promise<void> {
  const removed = await writeSoon(context, () => deleteWatch(context.db, slug));
  if (!removed) throw new ActionError(404, `no watch is called "${slug.slice(0, 80)}"`);
}
