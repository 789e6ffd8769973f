// GET /search: the query runs on a reader thread (app/read-pool.ts), so a search that ranks
// 20,000 papers never holds up `/` or a feed; when too many wait, 503 with Retry-After.
import type { Hono } from 'hono';
import { ReadPoolBusyError, type ReadPool } from '../app/read-pool.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderSearchHtml } from '../render/search.ts';
import { buildSearchErrorView, loadSearchView } from '../views/search.ts';
import {
  parseSearchParams,
  SEARCH_PARAMS,
  SearchInputError,
  type SearchParams,
  type SearchRequest,
} from '../views/search-query.ts';
import { createResponder } from './cache.ts';
import { baseUrlOf, HTML, sendCached, sendCachedAsync, type Site } from './site.ts';

export const MAX_QUERY_LENGTH = 200;
const SEARCHES_CACHED = 64;

export function registerSearchRoutes(app: Hono, shared: Site, reader: ReadPool): void {
  // Searches keep their own cache: a crawl of a thousand distinct searches must not push `/` and
  // the feeds out of the pages' cache.
  const site: Site = { ...shared, responder: createResponder(SEARCHES_CACHED) };
  app.get('/search', async (c) => {
    const params: SearchParams = {};
    for (const name of SEARCH_PARAMS) {
      const value = c.req.query(name);
      if (value !== undefined) params[name] = value;
    }
    if ((params.q ?? '').length > MAX_QUERY_LENGTH) {
      const message = `q: a search is at most ${MAX_QUERY_LENGTH} characters`;
      return sendCached(site, c, (_version, baseUrl) => ({
        status: 400,
        type: HTML,
        body: renderErrorPage(baseUrl, 400, message),
      }));
    }
    let request: SearchRequest;
    try {
      request = parseSearchParams(params);
    } catch (error) {
      if (!(error instanceof SearchInputError)) throw error;
      const body = (baseUrl: string) => renderSearchHtml(baseUrl, buildSearchErrorView(params, error.message));
      return sendCached(site, c, (_version, baseUrl) => ({ status: 400, type: HTML, body: body(baseUrl) }));
    }
    try {
      return await sendCachedAsync(site, c, async (_version, baseUrl) => {
        const view = await loadSearchView(reader, site.context, request);
        return { status: 200, type: HTML, body: renderSearchHtml(baseUrl, view) };
      });
    } catch (error) {
      if (!(error instanceof ReadPoolBusyError)) throw error;
      const body = renderErrorPage(baseUrlOf(site, c), 503, 'Too many searches at once: try again in a second.');
      return c.html(body, 503, { 'Retry-After': String(error.retryAfterSeconds), 'Cache-Control': 'no-store' });
    }
  });
}
