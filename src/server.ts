// The web app: routes only. Pages and feeds are built from views/ and rendered by render/; the
// server only reads (the scheduler's jobs, started by `serve`, do the writing).
import { Hono } from 'hono';
import type { Context } from './app/context.ts';
import { loadHolidays } from './calendar/announcement-days.ts';
import { isMailConfigured } from './mail/settings.ts';
import { countPapers } from './store/read/papers.ts';
import { getLastFetchRun } from './store/read/runs.ts';
import { getLastSendStatus } from './store/read/sends.ts';
import { buildSearch } from './views/feeds.ts';
import type { StatusView } from './views/types.ts';
import { renderErrorPage } from './render/html-layout.ts';
import { renderSearchHtml } from './render/html-pages.ts';
import {
  APP_JS,
  FAVICON_PATH,
  FAVICON_SVG,
  ROBOTS_TXT,
  SCRIPT_PATH,
  STYLE_CSS,
  STYLE_PATH,
} from './render/html-assets.ts';
import { registerDigestRoutes } from './routes/digest.ts';
import { registerFeedRoutes } from './routes/feeds.ts';
import { registerActionRoutes } from './routes/actions.ts';
import { registerLibraryRoutes } from './routes/library.ts';
import { HTML, baseUrlOf, createSite, sendCached, type Site } from './routes/site.ts';
import { guardWrites, registerLogin } from './routes/writes.ts';

export interface AppDeps {
  context: Context;
  /** The scheduler's state; without a scheduler, nothing is scheduled. */
  status?: () => StatusView;
  /** arXiv holiday evenings; default config/holidays.json. */
  holidays?: ReadonlySet<string>;
  /** Called after a user action changed marks or starred authors (serve retrains the ranking). */
  onWrite?: () => void;
}

const SECURITY_HEADERS: Record<string, string> = {
  // Our own stylesheet, script and icon; nothing else may load or run, no inline style or script;
  // the script may post the page's forms to this server (connect-src), nowhere else.
  'Content-Security-Policy': `default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

export const MAX_QUERY_LENGTH = 200;

export function createApp(deps: AppDeps): Hono {
  const site = createSite(deps.context, deps.holidays ?? loadHolidays(), deps.status ?? (() => ({})));
  const app = new Hono();
  // Set before the handler so Hono puts them on every response it builds (200, 304, 404, 500)
  // without copying headers afterwards on the hot path.
  app.use('*', async (c, next) => {
    for (const [name, value] of SECURITY_ENTRIES) c.header(name, value);
    await next();
  });
  app.use('*', guardWrites(site));
  registerAssets(app);
  registerLogin(app, site);
  registerDigestRoutes(app, site);
  registerFeedRoutes(app, site);
  registerLibraryRoutes(app, site);
  registerActionRoutes(app, site, deps.onWrite ?? (() => undefined));
  registerSearch(app, site);
  registerHealth(app, site);
  app.notFound((c) => c.html(renderErrorPage(baseUrlOf(site, c), 404, 'There is no page at this address.'), 404));
  app.onError((error, c) => {
    deps.context.log.error('server.error', { path: c.req.path, error: error.message });
    return c.html(renderErrorPage(baseUrlOf(site, c), 500, 'The server could not answer this request.'), 500);
  });
  return app;
}

function registerAssets(app: Hono): void {
  const immutable = { 'Cache-Control': 'public, max-age=31536000, immutable' };
  const svg = { 'Content-Type': 'image/svg+xml' };
  app.get(STYLE_PATH, (c) => c.body(STYLE_CSS, 200, { ...immutable, 'Content-Type': 'text/css; charset=utf-8' }));
  app.get(SCRIPT_PATH, (c) => c.body(APP_JS, 200, { ...immutable, 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get(FAVICON_PATH, (c) => c.body(FAVICON_SVG, 200, { ...immutable, ...svg }));
  // Browsers and feed readers ask for /favicon.ico without reading the page.
  app.get('/favicon.ico', (c) => c.body(FAVICON_SVG, 200, { 'Cache-Control': 'public, max-age=86400', ...svg }));
  app.get('/robots.txt', (c) =>
    c.body(ROBOTS_TXT, 200, { 'Cache-Control': 'public, max-age=86400', 'Content-Type': 'text/plain; charset=utf-8' }),
  );
}

function registerSearch(app: Hono, site: Site): void {
  app.get('/search', (c) =>
    sendCached(site, c, (_version, baseUrl) => {
      const query = c.req.query('q') ?? '';
      if (query.length > MAX_QUERY_LENGTH) {
        const body = renderErrorPage(baseUrl, 400, `A search is at most ${MAX_QUERY_LENGTH} characters.`);
        return { status: 400, type: HTML, body };
      }
      return { status: 200, type: HTML, body: renderSearchHtml(baseUrl, buildSearch(site.context, query)) };
    }),
  );
}

function registerHealth(app: Hono, site: Site): void {
  app.get('/healthz', (c) => {
    const noStore = { 'Cache-Control': 'no-store' };
    const status = site.status();
    const nextRun = status.nextRunAt ?? null;
    try {
      const { db } = site.context;
      const run = getLastFetchRun(db);
      const lastFetch = run
        ? { time: run.finishedAt ?? run.startedAt, status: run.status, error: run.error, day: run.day }
        : null;
      const health = { status: 'ok', database: 'ok', papers: countPapers(db), lastFetch, nextRun };
      return c.json({ ...health, activity: status.activity ?? null, mail: describeMail(site.context) }, 200, noStore);
    } catch (error) {
      site.context.log.error('healthz.database', { error: (error as Error).message });
      return c.json({ status: 'error', database: 'error', nextRun }, 503, noStore);
    }
  });
}

/** The digest mail as /healthz shows it: null when SMTP is not configured. */
function describeMail(context: Context) {
  if (!isMailConfigured(context.config)) return null;
  const sends = getLastSendStatus(context.db);
  return {
    lastSentDay: sends.lastSentDay ?? null,
    lastSentAt: sends.lastSentAt ?? null,
    pending: sends.pending,
    lastError: sends.lastError ?? null,
  };
}
