// The reader's library over GET (reads only): saved papers as a page, a feed, BibTeX and JSON;
// similar papers; a paper's authors to star; the keyword watches' page and feeds.
import type { Hono } from 'hono';
import { parseArxivId } from '../fetcher/ids.ts';
import { renderBibtex } from '../render/bibtex.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderSavedHtml, renderSimilarHtml, renderWatchesHtml } from '../render/html-library.ts';
import { renderStarredRss } from '../render/rss.ts';
import { listWatches } from '../store/read/watches.ts';
import {
  buildSimilar,
  exportLibrary,
  findPaperView,
  listRecentWatchMatches,
  listSavedCitations,
  listSavedPapers,
  listWatchMatches,
} from '../views/library.ts';
import { renderPaperAuthorsHtml } from '../render/html-star.ts';
import { findWatchProblem } from '../views/watches.ts';
import type { Rendered } from './cache.ts';
import { HTML, JSON_TYPE, RSS, builtAtOf, sendCached, type Site } from './site.ts';
import { readWritePolicy } from './writes.ts';

const PAPER_PAGE = /^\/papers\/(.{1,80})\/(similar|authors)$/;
const WATCH_FEED = /^([a-z0-9][a-z0-9-]{0,59})\.xml$/;

function notFound(baseUrl: string, message: string): Rendered {
  return { status: 404, type: HTML, body: renderErrorPage(baseUrl, 404, message) };
}

function metaOf(site: Site, baseUrl: string) {
  return { baseUrl, controls: readWritePolicy(site.context.config) !== 'read-only' };
}

export function registerLibraryRoutes(app: Hono, site: Site): void {
  registerSavedRoutes(app, site);
  registerWatchRoutes(app, site);
  app.get('/papers/*', (c) =>
    sendCached(site, c, {}, (_v, baseUrl) => {
      const match = PAPER_PAGE.exec(c.req.path);
      const parsed = match ? parseArxivId(decodeURIComponent(match[1]!)) : undefined;
      if (parsed === undefined) return notFound(baseUrl, 'A paper page is /papers/<arXiv id>/similar or /authors.');
      if (match![2] === 'authors') {
        const paper = findPaperView(site.context, parsed.id);
        if (paper === undefined) return notFound(baseUrl, `No stored paper has the id ${parsed.id}.`);
        return {
          status: 200,
          type: HTML,
          body: renderPaperAuthorsHtml(paper, baseUrl, metaOf(site, baseUrl).controls),
        };
      }
      const view = buildSimilar(site.context, parsed.id);
      if (view === undefined) return notFound(baseUrl, `No stored paper has the id ${parsed.id}.`);
      return { status: 200, type: HTML, body: renderSimilarHtml(view.paper, view.similar, metaOf(site, baseUrl)) };
    }),
  );
}

function registerSavedRoutes(app: Hono, site: Site): void {
  const { context } = site;
  const meta = (baseUrl: string) => metaOf(site, baseUrl);
  app.get('/saved', (c) =>
    sendCached(site, c, {}, (_v, baseUrl) => ({
      status: 200,
      type: HTML,
      body: renderSavedHtml(listSavedPapers(context), meta(baseUrl)),
    })),
  );
  app.get('/saved.xml', (c) =>
    sendCached(site, c, {}, (version, baseUrl) => ({
      status: 200,
      type: RSS,
      body: renderStarredRss(
        listSavedPapers(context),
        {
          title: 'arXiv: saved papers',
          description: 'The papers saved to the library, most recently saved first.',
          baseUrl,
          selfUrl: `${baseUrl}/saved.xml`,
          builtAt: builtAtOf(version, context.now()),
        },
        'saved',
      ),
    })),
  );
  app.get('/saved.bib', (c) =>
    sendCached(site, c, {}, () => ({
      status: 200,
      type: 'application/x-bibtex; charset=utf-8',
      body: renderBibtex(listSavedCitations(context)),
    })),
  );
  app.get('/saved.json', (c) =>
    sendCached(site, c, {}, () => ({
      status: 200,
      type: JSON_TYPE,
      body: `${JSON.stringify(exportLibrary(context), null, 2)}\n`,
    })),
  );
}

function registerWatchRoutes(app: Hono, site: Site): void {
  const { context } = site;
  app.get('/watches', (c) =>
    sendCached(site, c, {}, (_v, baseUrl) => {
      const matches = listRecentWatchMatches(context);
      const rows = listWatches(context.db).map((watch) => {
        const problem = findWatchProblem(watch.query);
        return { ...watch, matches: matches.get(watch.slug)?.length ?? 0, ...(problem && { problem }) };
      });
      return { status: 200, type: HTML, body: renderWatchesHtml(rows, metaOf(site, baseUrl)) };
    }),
  );
  app.get('/watches/:file', (c) =>
    sendCached(site, c, {}, (version, baseUrl) => {
      const slug = WATCH_FEED.exec(c.req.param('file'))?.[1];
      const watch = listWatches(context.db).find((candidate) => candidate.slug === slug);
      if (watch === undefined) return notFound(baseUrl, 'No watch has this name.');
      const body = renderStarredRss(
        listWatchMatches(context, watch),
        {
          title: `arXiv watch: ${watch.query}`,
          description: `Papers of the last week matching ${watch.query}.`,
          baseUrl,
          selfUrl: `${baseUrl}/watches/${watch.slug}.xml`,
          builtAt: builtAtOf(version, context.now()),
        },
        `watches/${watch.slug}`,
      );
      return { status: 200, type: RSS, body };
    }),
  );
}
