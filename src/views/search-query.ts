// What a search asks, from the URL's parameters (GET, so a search is a bookmark): an arXiv id
// to open, or a query (text/query.ts: the language watches speak too) with filters, a sort and a
// page. Pure.
import { parseDay } from '../calendar/days.ts';
import { parseArxivId, type ArxivIdParts } from '../fetcher/ids.ts';
import type { SearchQuery, SearchSort } from '../store/read/search-match.ts';
import { MATCH_LIMIT } from '../store/read/search-keys.ts';
import { asksForSomething, parseQuery, QueryError, readCategory } from '../text/query.ts';

export const SEARCH_PAGE_SIZE = 20;
/** The deepest page: as far as a search walks its matches (store/read/search-keys.ts). */
export const MAX_SEARCH_PAGE = MATCH_LIMIT / SEARCH_PAGE_SIZE;

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

export function parseSearchParams(params: SearchParams): SearchRequest {
  const text = params.q?.trim() ?? '';
  const found = text === '' ? undefined : parseArxivId(text);
  if (found !== undefined) return { kind: 'id', params, found };
  const query = readQuery(text);
  const category = params.category?.trim();
  if (category) query.categories.push(readCategoryParam(category));
  const from = readDay(params.from, 'from');
  const to = readDay(params.to, 'to');
  if (from !== undefined && to !== undefined && from > to)
    throw new SearchInputError(`from: ${from} is after to: ${to}`);
  const starredOnly = readStarred(params.starred);
  const asks = asksForSomething(query);
  if (!asks && (query.exclude.length > 0 || query.excludedCategories.length > 0))
    throw new SearchInputError(`q: "${text}" leaves papers out but names nothing to look for`);
  if (!starredOnly && !asks) return { kind: 'empty', params };
  const ranked = query.include.length > 0;
  const sort = readSort(params.sort, ranked ? 'relevance' : 'date');
  const searched: SearchQuery = { query, starredOnly, sort, ...(from && { from }), ...(to && { to }) };
  return { kind: 'query', params, query: searched, page: readPage(params.page), truncated: query.truncated };
}

function readQuery(text: string) {
  try {
    return parseQuery(text);
  } catch (error) {
    if (error instanceof QueryError) throw new SearchInputError(`q: ${error.message}`);
    throw error;
  }
}

function readCategoryParam(value: string): string {
  const category = readCategory(value);
  if (category === undefined) throw new SearchInputError(`category: "${value}" is not an arXiv category such as cs.CV`);
  return category;
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
