// The read model of /search: a parsed request (search-query.ts) run on the store, then shaped for
// the page: marked text, links, pages. In `serve` it runs on a render thread, as every page
// missing from the cache does (routes/site.ts), so a search never holds up `/` or a feed.
import type { Context } from '../app/context.ts';
import { arxivLabel, arxivLinks } from '../fetcher/arxiv-links.ts';
import { findPaper, searchPapers, type FoundPaper, type SearchHit, type SearchResult } from '../store/read/search.ts';
import { readMarks } from '../store/read/marks.ts';
import { MARK_CLOSE, MARK_OPEN, markMatches, type MarkedHit } from './search-highlight.ts';
import { withSourceRef } from './digest.ts';
import { searchPosts } from './posts.ts';
import {
  MAX_SEARCH_PAGE,
  SEARCH_PAGE_SIZE,
  SEARCH_PARAMS,
  type SearchParams,
  type SearchRequest,
} from './search-query.ts';
import { texToPlain } from '../text/tex.ts';
import type { MarkedText, SearchFormView, SearchHitView, SearchOutcome, SearchView, StarredMatch } from './types.ts';

export function loadSearchView(context: Context, request: SearchRequest): SearchView {
  const outcome = loadOutcome(context, request);
  // The blogs' posts are few: a second, small query over their own index, for plain words only.
  const words = request.kind === 'query' ? (request.params.q ?? '') : '';
  return { form: toForm(request.params), outcome, posts: words.trim() === '' ? [] : searchPosts(context, words) };
}

/** The page for parameters that cannot be used: the form as sent, and what is wrong. */
export function buildSearchErrorView(params: SearchParams, message: string): SearchView {
  return { form: toForm(params), outcome: { kind: 'error', message }, posts: [] };
}

function loadOutcome(context: Context, request: SearchRequest): SearchOutcome {
  const { db } = context;
  const names = context.starred.current().names;
  if (request.kind === 'empty') return { kind: 'form' };
  const marks = readMarks(db);
  const isSaved = (id: string) => marks.get(id) === 'saved';
  if (request.kind === 'id') {
    const paper = findPaper(db, request.found.id, names);
    if (paper === undefined) {
      return { kind: 'missing', label: arxivLabel(request.found), link: arxivLinks(request.found).version };
    }
    return { kind: 'paper', paper: toFoundView(paper, isSaved(paper.id)), asked: arxivLabel(request.found) };
  }
  const offset = (request.page - 1) * SEARCH_PAGE_SIZE;
  const result = searchPapers(db, request.query, { offset, limit: SEARCH_PAGE_SIZE }, names);
  const marked = markMatches(
    db,
    result.match,
    result.hits.map((hit) => hit.text),
  );
  return toResultsView(request, result, (hit, i) => toHitView(hit, marked[i]!, isSaved(hit.id)));
}

function toResultsView(
  request: Extract<SearchRequest, { kind: 'query' }>,
  result: SearchResult,
  toView: (hit: SearchHit, index: number) => SearchHitView,
): SearchOutcome {
  const pages = Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE)));
  const { page, params } = request;
  const links = {
    relevance: searchUrl({ ...params, sort: 'relevance', page: undefined }),
    date: searchUrl({ ...params, sort: 'date', page: undefined }),
    ...(page > 1 && { previous: searchUrl({ ...params, page: String(page - 1) }) }),
    ...(page < pages && { next: searchUrl({ ...params, page: String(page + 1) }) }),
  };
  return {
    kind: 'results',
    total: result.total,
    more: result.more,
    ...(result.rankedAmong !== undefined && { rankedAmong: result.rankedAmong }),
    truncated: request.truncated,
    sort: request.query.sort,
    page,
    pages,
    first: (page - 1) * SEARCH_PAGE_SIZE + 1,
    hits: result.hits.map(toView),
    links,
  };
}

function toHitView({ text: _text, ...hit }: SearchHit, marked: MarkedHit, saved: boolean): SearchHitView {
  return {
    ...withSourceRef(hit),
    title: toMarked(marked.title),
    authors: marked.authors.map(toMarked),
    snippet: toMarked(marked.snippet),
    starred: decodeStarred(hit.starred),
    saved,
  };
}

function toFoundView(paper: FoundPaper, saved: boolean) {
  return { ...withSourceRef(paper), starred: decodeStarred(paper.starred), saved };
}

/** Names as written on the paper, TeX decoded like the author list they are marked in. */
function decodeStarred(starred: readonly StarredMatch[]): StarredMatch[] {
  return starred.map((match) => ({ ...match, as: texToPlain(match.as) }));
}

/** Text with private-use marks (search-highlight.ts) as parts. */
function toMarked(text: string): MarkedText {
  const parts: MarkedText = [];
  for (const [index, piece] of text.split(MARK_OPEN).entries()) {
    const close = index === 0 ? -1 : piece.indexOf(MARK_CLOSE);
    if (close >= 0) parts.push({ text: piece.slice(0, close), match: true });
    const rest = close >= 0 ? piece.slice(close + 1) : piece;
    if (rest !== '') parts.push({ text: rest, match: false });
  }
  return parts;
}

/** `/search?…` with the given parameters, in a stable order, empty ones left out. */
function searchUrl(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = params[name];
    if (value !== undefined && value !== '' && !(name === 'page' && value === '1')) query.set(name, value);
  }
  const text = query.toString();
  return text === '' ? '/search' : `/search?${text}`;
}

function toForm(params: SearchParams): SearchFormView {
  const sort = params.sort === 'relevance' || params.sort === 'date' ? params.sort : '';
  return {
    q: params.q ?? '',
    sort,
    category: params.category ?? '',
    from: params.from ?? '',
    to: params.to ?? '',
    starred: params.starred === '1' || params.starred === 'on',
  };
}
