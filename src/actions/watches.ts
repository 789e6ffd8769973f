// Keyword watches: added and removed from the page (`POST /watches`, `/watches/<slug>/remove`),
// the CLI (`arxiv-curator watch add|remove`) and `marks import`. A query is read (text/query.ts)
// before it is stored, and the watches are bounded: each runs on every day's papers.
import type { Context } from '../app/context.ts';
import { foldToAscii } from '../text/fold.ts';
import { slugify, uniqueSlug } from '../text/slug.ts';
import { QueryError, readWatchQuery } from '../text/query.ts';
import { listWatches } from '../store/read/watches.ts';
import { deleteWatch, insertWatch } from '../store/write/watches.ts';
import { writeSoon } from '../app/write.ts';
import { ActionError } from './errors.ts';

/** Watches kept at most: a hundred broad ones still leave the day's page light and quick. */
export const MAX_WATCHES = 100;

export interface NewWatch {
  query: string;
  /** Its matches are pinned into the mail (default). */
  mail?: boolean;
}

/** Adds a watch under a slug of its words (`-2`, `-3` … when taken); the slug. */
export async function addWatch(context: Context, query: string, options: { mail?: boolean } = {}): Promise<string> {
  const trimmed = query.trim();
  const [slug] = await addWatches(context, [{ query: trimmed, ...options }], (existing) => {
    if (existing.some((watch) => watch.query === trimmed)) throw new ActionError(409, `already watching "${trimmed}"`);
  });
  return slug!;
}

/**
 * Adds watches, all or none: every query is read first (an error names the one at fault and
 * why), queries already watched are left out, and the watches stay at most MAX_WATCHES. The
 * slugs of those added.
 */
export function addWatches(
  context: Context,
  watches: readonly NewWatch[],
  check: (existing: readonly { slug: string; query: string }[]) => void = () => {},
): Promise<string[]> {
  for (const [i, watch] of watches.entries()) {
    try {
      readWatchQuery(watch.query.trim());
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
      const which = watches.length === 1 ? '' : `watches[${i}]: `;
      throw new ActionError(400, `${which}watch "${watch.query.trim().slice(0, 80)}": ${error.message}`);
    }
  }
  const wanted = [...new Map(watches.map((watch) => [watch.query.trim(), watch])).values()];
  const at = context.now().toISOString();
  // Read and written in one transaction: two adds at once cannot take the same slug or pass the cap.
  return writeSoon(context, () => {
    const existing = listWatches(context.db);
    check(existing);
    const stored = new Set(existing.map((watch) => watch.query));
    const added = wanted.filter((watch) => !stored.has(watch.query.trim()));
    if (existing.length + added.length > MAX_WATCHES)
      throw new ActionError(
        409,
        `at most ${MAX_WATCHES} watches: ${existing.length} are kept` +
          (added.length === 1 ? '; remove one before adding another' : `, and ${added.length} would be added`),
      );
    const taken = new Set(existing.map((watch) => watch.slug));
    return added.map((watch) => {
      const slug = uniqueSlug(slugifyWatch(watch.query), taken);
      taken.add(slug);
      insertWatch(context.db, { slug, query: watch.query.trim(), mail: watch.mail ?? true }, at);
      return slug;
    });
  });
}

export async function removeWatch(context: Context, slug: string): Promise<void> {
  const removed = await writeSoon(context, () => deleteWatch(context.db, slug));
  if (!removed) throw new ActionError(404, `no watch is called "${slug.slice(0, 80)}"`);
}

/** A slug for a watch: its words, lower case, hyphenated, at most 40 characters. */
export function slugifyWatch(query: string): string {
  return slugify(foldToAscii(query).replace(/cat:/g, ''), 40, 'watch');
}
