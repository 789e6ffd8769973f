// The feeds: starred papers (/rss.xml), the daily digest (/rss/daily.xml), one per starred
// author (/authors/<slug>.xml, with its page at /authors/<slug>), the blogs' posts (/blogs.xml)
// and the OPML list of them.
import type { Hono } from 'hono';
import { listRecentDays, loadDayDigest } from '../views/day.ts';
import { buildAuthorPage, listStarredPapers } from '../views/feeds.ts';
import { renderDailyRss, renderPostsRss, renderStarredRss } from '../render/rss.ts';
import { listRecentPosts } from '../views/posts.ts';
import { renderOpml } from '../render/opml.ts';
import { listWatches } from '../store/read/watches.ts';
import { renderAuthorHtml } from '../render/html-pages.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import type { Rendered } from './cache.ts';
import { HTML, RSS, builtAtOf, sendCached, type Site } from './site.ts';

const FEED_ITEMS = 100;
// A week of announcements: each day's item lists every paper (some 280 KB on a 1,310-paper day).
const DAILY_ITEMS = 5;
const AUTHOR_PATH = /^([a-z0-9][a-z0-9-]{0,99})(\.xml)?$/;

function renderAuthor(site: Site, file: string, baseUrl: string, builtAt: string): Rendered {
  const match = AUTHOR_PATH.exec(file);
  const author = match
    ? site.context.starred.current().authors.find((candidate) => candidate.id === match[1])
    : undefined;
  if (author === undefined) {
    return { status: 404, type: HTML, body: renderErrorPage(baseUrl, 404, 'No starred author has this name.') };
  }
  const page = buildAuthorPage(site.context, author, FEED_ITEMS);
  if (match![2] === undefined) return { status: 200, type: HTML, body: renderAuthorHtml(baseUrl, page) };
  const body = renderStarredRss(
    page.papers,
    {
      title: `arXiv: ${author.name}`,
      description: `New arXiv papers by ${author.name} in the curated categories.`,
      baseUrl,
      selfUrl: `${baseUrl}/authors/${author.id}.xml`,
      builtAt,
    },
    `authors/${author.id}`,
  );
  return { status: 200, type: RSS, body };
}

export function registerFeedRoutes(app: Hono, site: Site): void {
  const { context } = site;
  const categories = context.config.categories.join(', ');
  app.get('/rss.xml', (c) =>
    sendCached(site, c, {}, (version, baseUrl) => {
      const body = renderStarredRss(listStarredPapers(context, { limit: FEED_ITEMS }), {
        title: 'arXiv: papers by starred authors',
        description: `Papers by starred authors in ${categories}, newest announcement first.`,
        baseUrl,
        selfUrl: `${baseUrl}/rss.xml`,
        builtAt: builtAtOf(version, context.now()),
      });
      return { status: 200, type: RSS, body };
    }),
  );
  app.get('/rss/daily.xml', (c) =>
    sendCached(site, c, {}, (version, baseUrl) => {
      const digests = listRecentDays(context.db, DAILY_ITEMS).map(
        (day) => loadDayDigest(context, site.holidays, day).view,
      );
      const body = renderDailyRss(digests, {
        title: `arXiv daily digest: ${categories}`,
        description: `The daily arXiv announcement of ${categories}, papers by starred authors first.`,
        baseUrl,
        selfUrl: `${baseUrl}/rss/daily.xml`,
        builtAt: builtAtOf(version, context.now()),
      });
      return { status: 200, type: RSS, body };
    }),
  );
  app.get('/authors/:file', (c) =>
    sendCached(site, c, {}, (version, baseUrl) =>
      renderAuthor(site, c.req.param('file'), baseUrl, builtAtOf(version, context.now())),
    ),
  );
  app.get('/blogs.xml', (c) =>
    sendCached(site, c, {}, (version, baseUrl) => {
      const body = renderPostsRss(listRecentPosts(context), {
        title: 'From the blogs',
        description: 'New posts of the blogs in config/feeds.json, newest first.',
        baseUrl,
        selfUrl: `${baseUrl}/blogs.xml`,
        builtAt: builtAtOf(version, context.now()),
      });
      return { status: 200, type: RSS, body };
    }),
  );
  app.get('/feeds.opml', (c) =>
    sendCached(site, c, {}, (version, baseUrl) => ({
      status: 200,
      type: 'text/x-opml; charset=utf-8',
      body: renderOpml(baseUrl, context.starred.current().authors, builtAtOf(version, context.now()), [
        { title: 'arXiv: saved papers', xmlPath: '/saved.xml', htmlPath: '/saved' },
        ...listWatches(context.db).map((watch) => ({
          title: `arXiv watch: ${watch.query}`,
          xmlPath: `/watches/${watch.slug}.xml`,
          htmlPath: `/watches#watch-${watch.slug}`,
        })),
      ]),
    })),
  );
}
