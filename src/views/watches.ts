// The keyword watches' matches in a window of papers (a day's page, the last week's feeds),
// computed once for every page and feed that shows them: the day's page in each of its forms
// (filters, orders, text, JSON, mail) and the week's feeds and watches page ask the same question
// of the same papers. Kept by what the answer depends on (the watches' queries and the papers'
// text, hashed), so it is found again until an ingest or a watch changes it, and never stale.
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { matchWatches, type WatchedPaper, type WatchToMatch } from '../store/read/watch-matches.ts';
import { QueryError, readWatchQuery } from '../text/query.ts';

/** Windows remembered: a day's page and the week, per process (each render thread has its own). */
const REMEMBERED = 8;
const remembered = new Map<string, ReadonlyMap<string, readonly string[]>>();

/** The ids of the papers each watch matches, by slug, in the papers' order. */
export function findWatchMatches(
  db: Db,
  watches: readonly WatchToMatch[],
  papers: readonly WatchedPaper[],
): ReadonlyMap<string, readonly string[]> {
  if (watches.length === 0) return new Map();
  const key = fingerprint(watches, papers);
  let found = remembered.get(key);
  if (found === undefined) {
    found = matchWatches(db, watches, papers);
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
  } else remembered.delete(key);
  remembered.set(key, found);
  return found;
}

/** The slugs of the watches each paper matches, by paper id (papers no watch matches left out). */
export function watchesByPaper(
  db: Db,
  watches: readonly WatchToMatch[],
  papers: readonly WatchedPaper[],
): ReadonlyMap<string, string[]> {
  const byPaper = new Map<string, string[]>();
  for (const [slug, ids] of findWatchMatches(db, watches, papers))
    for (const id of ids) {
      const slugs = byPaper.get(id);
      if (slugs === undefined) byPaper.set(id, [slug]);
      else slugs.push(slug);
    }
  return byPaper;
}

function fingerprint(watches: readonly WatchToMatch[], papers: readonly WatchedPaper[]): string {
  const hash = createHash('sha256');
  for (const watch of watches) hash.update(`${watch.slug}\u0000${watch.query}\u0001`);
  for (const paper of papers)
    hash.update(
      `${paper.id}\u0000${paper.title}\u0000${paper.abstract}\u0000${paper.authors.join('\u0002')}\u0000${paper.categories.join(' ')}\u0001`,
    );
  return hash.digest('base64');
}

/** Why a stored watch's query no longer reads (one kept from before a rule), or undefined. */
export function findWatchProblem(query: string): string | undefined {
  try {
    readWatchQuery(query);
    return undefined;
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
}
