// What a search asks, from the URL's parameters (GET, so a search is a bookmark): an arXiv id
// to open, or words, names and categories with filters, a sort and a page. Pure.
//
// Query text: words (each one found in title, abstract or authors, stemmed: "transformer" finds
// "Transformers"), "quoted phrases", `author:name` or `author:"first last"` (also `au:`),
// `title:word` (`ti:`), categories as written (`cs.CV`, or `cat:cs.CV`: any of those given).
// TeX is decoded first, so `Horv\'ath` is Horváth (and folds to Horvath, as the index does).
import { parseDay } from '../calendar/days.ts';
import { parseArxivId, type ArxivIdParts } from '../fetcher/ids.ts';
import type { SearchQuery, SearchSort } from '../store/read/search-match.ts';
import { hasToken } from '../store/read/search-match.ts';
import { MATCH_LIMIT } from '../store/read/search-keys.ts';
import { texToPlain } from '../text/tex.ts';

export const SEARCH_PAGE_SIZE = 20;
/** The deepest page: as far as a search walks its matches (store/read/search-keys.ts). */
export const MAX_SEARCH_PAGE = MATCH_LIMIT / SEARCH_PAGE_SIZE;
/** Pieces (words, phrases, names) searched at most; each adds a doclist to every query. */
export const MAX_SEARCH_PIECES = 16;

/** The URL parameters of /search; keep them stable, bookmarks hold them. */
export const SEARCH_PARAMS = ['q', 'category', 'from', 'to', 'starred', 'sort', 'page'] as const;
export type SearchParams = Partial<Record<(typeof SEARCH_PARAMS)[number], string>>;

export type SearchRequest =
  | { kind: 'empty'; params: SearchParams }
  | { kind: 'id'; params: SearchParams; found: ArxivIdParts }
  | { kind: 'query'; params: SearchParams; query: SearchQuery; page: number; truncated: boolean };

/** A parameter that cannot be used; the message names it and its value. */
export class SearchInputError extends Error {
  override name = 'SearchInputError';
}

// Archives with subject classes, and those without (https://arxiv.org/category_taxonomy).
const CATEGORY =
  /^(?:(?:cs|math|stat|physics|q-bio|q-fin|econ|eess|astro-ph|cond-mat|nlin)\.[A-Za-z]{2}(?:-[A-Za-z]{2,})?|quant-ph|gr-qc|hep-(?:th|ph|ex|lat)|math-ph|nucl-(?:th|ex))$/i;
// A piece: an optional `field:`, then a quoted phrase (closing quote optional) or a run without spaces.
const PIECE = /(?:\b(author|au|title|ti|cat):)?(?:"([^"]*)"?|(\S+))/gi;
const ARXIV_URL = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\//i;

export function parseSearchParams(params: SearchParams): SearchRequest {
  const text = params.q?.trim() ?? '';
  const found = text === '' ? undefined : parseArxivId(text.replace(ARXIV_URL, '').replace(/\.pdf$/i, ''));
  if (found !== undefined) return { kind: 'id', params, found };
  const pieces = parseQueryText(text);
  const category = params.category?.trim();
  if (category) pieces.categories.push(readCategory(category));
  const from = readDay(params.from, 'from');
  const to = readDay(params.to, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new SearchInputError(`from: ${from} is after to: ${to}`);
  const starredOnly = readStarred(params.starred);
  const { truncated, ...words } = pieces;
  if (
    !starredOnly &&
    words.terms.length + words.titleTerms.length + words.authors.length + words.categories.length === 0
  )
    return { kind: 'empty', params };
  const ranked = words.terms.length + words.titleTerms.length + words.authors.length > 0;
  const sort = readSort(params.sort, ranked ? 'relevance' : 'date');
  const query: SearchQuery = { ...words, starredOnly, sort, ...(from && { from }), ...(to && { to }) };
  return { kind: 'query', params, query, page: readPage(params.page), truncated };
}

type QueryWords = Pick<SearchQuery, 'terms' | 'titleTerms' | 'authors' | 'categories'> & { truncated: boolean };

/** Splits query text into words, phrases, names and categories. */
export function parseQueryText(text: string): QueryWords {
  const words: QueryWords = { terms: [], titleTerms: [], authors: [], categories: [], truncated: false };
  // Control and private-use characters are no part of a word (private ones mark highlights).
  const plain = texToPlain(text).replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ');
  let count = 0;
  for (const match of plain.matchAll(PIECE)) {
    const field = match[1]?.toLowerCase();
    const value = (match[2] ?? match[3] ?? '').trim();
    const quoted = match[2] !== undefined;
    const isCategory = !quoted && CATEGORY.test(value);
    if (!isCategory && !hasToken(value)) continue;
    if (++count > MAX_SEARCH_PIECES) {
      words.truncated = true;
      break;
    }
    if (field === 'author' || field === 'au') words.authors.push(value);
    else if (field === 'title' || field === 'ti') words.titleTerms.push(value);
    else if (isCategory && (field === undefined || field === 'cat')) words.categories.push(value);
    else words.terms.push(value);
  }
  return words;
}

function readCategory(value: string): string {
  if (!CATEGORY.test(value)) throw new SearchInputError(`category: "${value}" is not an arXiv category such as cs.CV`);
  return value;
}

function readDay(value: string | undefined, name: string): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const day = parseDay(text);
  if (day === undefined) throw new SearchInputError(`${name}: "${text}" is not a date in the form YYYY-MM-DD`);
  return day;
}

function readSort(value: string | undefined, fallback: SearchSort): SearchSort {
  if (!value) return fallback;
  if (value === 'relevance' || value === 'date') return value;
  throw new SearchInputError(`sort: "${value}" is not relevance or date`);
}

function readPage(value: string | undefined): number {
  if (!value) return 1;
  const page = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  if (!(page >= 1 && page <= MAX_SEARCH_PAGE))
    throw new SearchInputError(`page: "${value}" is not a page number from 1 to ${MAX_SEARCH_PAGE}`);
  return page;
}

function readStarred(value: string | undefined): boolean {
  if (!value) return false;
  if (value === '1' || value === 'on') return true;
  throw new SearchInputError(`starred: "${value}" is not 1`);
}
