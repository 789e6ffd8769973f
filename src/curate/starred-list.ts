// The starred authors as everything else uses them: the list, its content hash (which list the
// stored flags came from), the matcher, and canonical names by id (stored flags show the current name).
import type { FlagPaper, StarredAuthor } from '../types.ts';
import { loadAuthorsConfig } from './authors-config.ts';
import { createMatcher, matchAuthors, type Matcher } from './authors.ts';

export interface StarredList {
  authors: readonly StarredAuthor[];
  /** sha256 of the file's bytes. */
  hash: string;
  matcher: Matcher;
  names: ReadonlyMap<string, string>;
  flag: FlagPaper;
}

export function buildStarredList(authors: StarredAuthor[], hash: string): StarredList {
  const matcher = createMatcher(authors);
  return {
    authors,
    hash,
    matcher,
    names: new Map(authors.map((author) => [author.id, author.name])),
    flag: (names) => matchAuthors(matcher, names),
  };
}

/** Reads config/authors.json; a broken file throws AuthorsConfigError naming the file, the JSON path and the problem. */
export function loadStarredList(path: string): StarredList {
  const { authors, hash } = loadAuthorsConfig(path);
  return buildStarredList(authors, hash);
}
