// Which papers of a window (a day's, the last week's) each keyword watch matches. A watch is a
// saved search: its query is read (text/query.ts) and compiled (search-match.ts) as a search's,
// and runs on the window's papers in a scratch index with the search index's tokenizer and text,
// so it finds exactly the papers of its window that searching its query finds, at a cost that
// grows with the window and the watches, never with the store.
import { parseQuery, QueryError } from '../../text/query.ts';
import type { Db } from '../db.ts';
import { toReadableText, type PaperText } from '../search-text.ts';
import { withScratchIndex } from './scratch-index.ts';
import { compileQuery } from './search-match.ts';

export interface WatchedPaper extends PaperText {
  id: string;
}

export interface WatchToMatch {
  slug: string;
  query: string;
}

/**
 * The ids of the papers each watch matches (by slug, in the papers' order). A stored query that
 * no longer reads (one kept from before a rule) matches nothing.
 */
export function matchWatches(
  db: Db,
  watches: readonly WatchToMatch[],
  papers: readonly WatchedPaper[],
): Map<string, string[]> {
  const expressions = watches.map((watch) => ({ slug: watch.slug, match: compileWatch(watch.query) }));
  const matches = new Map(watches.map((watch): [string, string[]] => [watch.slug, []]));
  if (papers.length === 0 || expressions.every((watch) => watch.match === undefined)) return matches;
  return withScratchIndex(db, papers.map(toReadableText), (index) => {
    for (const { slug, match } of expressions) {
      if (match === undefined) continue;
      const found = index.match(match).sort((a, b) => a - b);
      matches.set(
        slug,
        found.map((position) => papers[position]!.id),
      );
    }
    return matches;
  });
}

function compileWatch(query: string): string | undefined {
  try {
    return compileQuery(parseQuery(query));
  } catch (error) {
    if (error instanceof QueryError) return undefined;
    throw error;
  }
}
