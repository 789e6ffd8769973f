// The query language of search and keyword watches, read here and nowhere else (a watch is a
// saved search: store/read/search-match.ts turns a query into one full-text expression for both).
//
//   words            every one, in the title, abstract or authors, in any of its forms (text/word-forms.ts)
//   "a phrase"       its words together, in this order; the last one in any of its forms
//   word*            words that start so (at least MIN_PREFIX letters): `optim*`
//   -word -"phrase"  papers that have them are left out
//   author:name      `au:`; `author:"first last"`: the words of one name, close together, as written
//   title:word       `ti:`; the title only
//   cat:cs.CV cs.CV  in any of the categories given; `-cat:cs.CV` (or `-cs.CV`) in none of them
//
// TeX is decoded first, so `Horv\'ath` is Horváth. Pure.
import { texToPlain } from './tex.ts';
import { isKnownCategory } from './categories.ts';

/** Pieces read at most: each one adds a doclist to every search and every watch's evaluation. */
export const MAX_QUERY_PIECES = 16;
/** The shortest prefix: `a*` would merge the doclists of every word starting with an `a`. */
export const MIN_PREFIX = 3;

export type TermField = 'any' | 'title' | 'author';

/** A word, a phrase or a name: text whose words (letters and digits) are found in that order. */
export interface QueryTerm {
  field: TermField;
  /** As typed, TeX decoded; several words are a phrase (`self-supervised` is "self supervised"). */
  text: string;
  /** `word*`: the last word is a prefix. */
  prefix: boolean;
}

export interface Query {
  /** All of them must match. */
  include: QueryTerm[];
  /** None of them may match. */
  exclude: QueryTerm[];
  /** The paper is in one of these categories, if any are given (`cs.CV`, as typed). */
  categories: string[];
  /** The paper is in none of these. */
  excludedCategories: string[];
  /** More than MAX_QUERY_PIECES pieces: the first ones were read. */
  truncated: boolean;
}

/** A query that cannot be run; the message says what is wrong, quoting the piece. */
export class QueryError extends Error {
  override name = 'QueryError';
}

// A piece: `-` to leave out, an optional `field:`, then a quoted phrase (a `*` may close it) or a
// run without spaces. A quote left open takes the rest of the text (and is refused, below).
const PIECE = /(-?)(?:\b(author|au|title|ti|cat):)?(?:"([^"]*)("?\*?)|(\S+))/gi;
const WORD = /[\p{L}\p{N}]+/gu;
const FIELDS: Readonly<Record<string, TermField>> = { author: 'author', au: 'author', title: 'title', ti: 'title' };

/** True if the text has a word (letters or digits) to look for. */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Reads query text; throws QueryError for what cannot be run (an open quote, a short prefix). */
export function parseQuery(text: string): Query {
  const query: Query = { include: [], exclude: [], categories: [], excludedCategories: [], truncated: false };
  // Control and private-use characters are no part of a word (private ones mark highlights).
  const plain = texToPlain(text).replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ');
  let count = 0;
  for (const match of plain.matchAll(PIECE)) {
    const [piece, minus, rawField, quoted, closing, bare] = match;
    const negated = minus === '-';
    const field = rawField?.toLowerCase();
    if (quoted !== undefined && !closing!.startsWith('"')) throw new QueryError(`a quote is not closed: ${piece}`);
    const prefix = quoted !== undefined ? closing!.endsWith('*') || quoted.endsWith('*') : bare!.endsWith('*');
    const value = (quoted ?? bare!).replace(/\*+$/, '').trim();
    const category = quoted === undefined && !prefix && isKnownCategory(value);
    if (field === 'cat' && !category) throw new QueryError(`not an arXiv category such as cs.CV: ${piece}`);
    if (!category && !hasWord(value)) continue;
    if (++count > MAX_QUERY_PIECES) {
      query.truncated = true;
      break;
    }
    if (category && (field === undefined || field === 'cat')) {
      (negated ? query.excludedCategories : query.categories).push(value);
      continue;
    }
    if (prefix) checkPrefix(piece, value);
    const term: QueryTerm = { field: FIELDS[field ?? ''] ?? 'any', text: value, prefix };
    (negated ? query.exclude : query.include).push(term);
  }
  return query;
}

function checkPrefix(piece: string, value: string): void {
  const last = value.match(WORD)?.at(-1) ?? '';
  if ([...last].length < MIN_PREFIX)
    throw new QueryError(`a prefix needs at least ${MIN_PREFIX} letters before the *: ${piece}`);
}

/** The words of a term as the index splits them: letters and digits, lower case, accents dropped. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(WORD) ?? [];
}

/** The query asks for something: a word, phrase or name to find, or a category. */
export function asksForSomething(query: Query): boolean {
  return query.include.length > 0 || query.categories.length > 0;
}

/** A category as typed in a query, or undefined if it is none (`category=` of the search form). */
export function readCategory(text: string): string | undefined {
  const value = text.trim();
  return isKnownCategory(value) ? value : undefined;
}

/** The longest watch: a watch runs on every day's papers, so its cost is kept small. */
export const MAX_WATCH_QUERY = 200;

/** Reads a keyword watch: a query with its limits kept (no piece dropped), that looks for something. */
export function readWatchQuery(text: string): Query {
  if (text.length > MAX_WATCH_QUERY) throw new QueryError(`a watch is at most ${MAX_WATCH_QUERY} characters`);
  const query = parseQuery(text);
  if (query.truncated)
    throw new QueryError(`a watch has at most ${MAX_QUERY_PIECES} words, phrases, names and categories`);
  if (!asksForSomething(query))
    throw new QueryError('a watch needs a word, a "phrase", an author: or a cat: to look for');
  return query;
}
