// GET /search: its parameters are declared, so the render cache keys on them alone; in `serve` a
// search missing from the cache runs on a render thread like every uncached page (routes/site.ts),
// so one that ranks 5,000 papers never holds up `/` or a feed, and when too many wait the answer is
// 503 with Retry-After.
import type { Hono } from 'hono';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderSearchHtml } from '../render/search.ts';
import { buildSearchErrorView, loadSearchView } from '../views/search.ts';
import { parseSearchParams, SEARCH_PARAMS, SearchInputError, type SearchParams } from '../views/search-query.ts';
import { createResponder, type Rendered } from './cache.ts';
import { HTML, sendCached, type Site } from './site.ts';

export const MAX_QUERY_LENGTH = 200;

/** Searches kept: distinct searches are one-offs, and have a cache of their own. */
const SEARCHES_CACHED = { probation: 32, kept: 32 };

export function registerSearchRoutes(app: Hono, shared: Site): void {
  // A crawl of a thousand distinct searches must not push `/` and the feeds out of the pages' cache.
  const site: Site = { ...shared, responder: createResponder(SEARCHES_CACHED) };
  app.get('/search', (c) =>
    sendCached(site, c, { params: SEARCH_PARAMS }, (_version, baseUrl): Rendered => {
      const params: SearchParams = {};
      for (const name of SEARCH_PARAMS) {
        const value = c.req.query(name);
        if (value !== undefined) params[name] = value;
      }
      if ((params.q ?? '').length > MAX_QUERY_LENGTH) {
        const message = `q: a search is at most ${MAX_QUERY_LENGTH} characters`;
        return { status: 400, type: HTML, body: renderErrorPage(baseUrl, 400, message) };
      }
      try {
        const view = loadSearchView(site.context, parseSearchParams(params));
        return { status: 200, type: HTML, body: renderSearchHtml(baseUrl, view) };
      } catch (error) {
        if (!(error instanceof SearchInputError)) throw error;
        return {
          status: 400,
          type: HTML,
          body: renderSearchHtml(baseUrl, buildSearchErrorView(params, error.message)),
        };
      }
    }),
  );
}
