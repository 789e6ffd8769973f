// The web app: routes only. Pages and feeds are built from views/ and rendered by render/; the
// server only reads (the scheduler's jobs, started by `serve`, do the writing).
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import type { Context } from './app/context.ts';
import { loadHolidays } from './calendar/announcement-days.ts';
import type { StatusView } from './views/types.ts';
import { renderErrorPage } from './render/html-layout.ts';
import { APP_JS, FAVICON_PATH, FAVICON_SVG, ROBOTS_TXT, SCRIPT_PATH } from './render/html-assets.ts';
import { registerAdviceRoutes } from './routes/advice.ts';
import { registerDigestRoutes } from './routes/digest.ts';
import { registerFeedRoutes } from './routes/feeds.ts';
import { registerActionRoutes } from './routes/actions.ts';
import { registerLibraryRoutes } from './routes/library.ts';
import { registerHealth, type BackgroundHealth, type HealthProbes } from './routes/health.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { attachFastPath, createFastPath } from './routes/fast-path.ts';
import { SECURITY_HEADERS, baseUrlOf, countHostFields, createSite, type SiteOptions } from './routes/site.ts';
import { registerLogin } from './routes/login.ts';
import { guardWrites } from './routes/writes.ts';

export interface AppDeps {
  context: Context;
  /** The scheduler's state; without a scheduler, nothing is scheduled. */
  status?: () => StatusView;
  /** arXiv holiday evenings; default config/holidays.json. */
  holidays?: ReadonlySet<string>;
  /** Called after a user action changed marks or starred authors (serve retrains the ranking). */
  onWrite?: () => void;
  /** serve: where pages missing from the cache are rendered (a render thread); default here. */
  offload?: SiteOptions['offload'];
  /** On a render thread: the job in hand (routes/site.ts). */
  renderJob?: SiteOptions['job'];
  /** What /healthz asks of the machine (free disk, write access); tests give their own. */
  probes?: HealthProbes;
  /** serve: its threads and retries, for /healthz. */
  background?: () => BackgroundHealth;
  /** serve: the watched configuration files' problems (app/config-watch.ts); default authors.json's. */
  configProblems?: SiteOptions['configProblems'];
  /** serve: how long the first asker of a page's new version waits for its render (SiteOptions). */
  firstWaitMs?: number;
}

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

export function createApp(deps: AppDeps): Hono {
  const holidays = deps.holidays ?? loadHolidays(deps.context.config.holidaysPath);
  const site = createSite(deps.context, holidays, deps.status ?? (() => ({})), {
    offload: deps.offload,
    job: deps.renderJob,
    configProblems: deps.configProblems,
    firstWaitMs: deps.firstWaitMs,
  });
  const app = new Hono();
  // Set before the handler so Hono puts them on every response it builds (200, 304, 404, 500)
  // without copying headers afterwards on the hot path.
  app.use('*', async (c, next) => {
    for (const [name, value] of SECURITY_ENTRIES) c.header(name, value);
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    // RFC 9112 §3.2: a request with more than one Host field is answered 400; which one would we believe?
    if (countHostFields(incoming?.rawHeaders ?? []) > 1)
      return c.text('Bad request: more than one Host header.\n', 400);
    // Before any route: a name that is not ours is a DNS-rebinding page's (routes/hosts.ts).
    if (incoming !== undefined && !site.hosts.admits(incoming))
      return c.text('Misdirected request: this server does not answer for that host name (set PUBLIC_URL).\n', 421);
    await next();
  });
  app.use('*', guardWrites(site));
  registerAssets(app);
  registerLogin(app, site);
  registerDigestRoutes(app, site);
  registerFeedRoutes(app, site);
  registerLibraryRoutes(app, site);
  registerActionRoutes(app, site, deps.onWrite ?? (() => undefined));
  registerAdviceRoutes(app, site);
  registerSearchRoutes(app, site);
  registerHealth(app, site, deps.probes, deps.background);
  app.notFound((c) => c.html(renderErrorPage(baseUrlOf(site, c), 404, 'There is no page at this address.'), 404));
  app.onError((error, c) => {
    deps.context.log.error('server.error', { path: c.req.path, error: error.message });
    const message = 'The server could not answer this request.';
    // A client of /digest/D.json reads JSON, whatever went wrong; of /digest/D.txt, text.
    if (c.req.path.endsWith('.json')) return c.json({ error: message }, 500);
    if (c.req.path.endsWith('.txt')) return c.text(`${message}\n`, 500);
    return c.html(renderErrorPage(baseUrlOf(site, c), 500, message), 500);
  });
  attachFastPath(app, createFastPath(site.replays));
  return app;
}

function registerAssets(app: Hono): void {
  const immutable = { 'Cache-Control': 'public, max-age=31536000, immutable' };
  const svg = { 'Content-Type': 'image/svg+xml' };
  app.get(SCRIPT_PATH, (c) => c.body(APP_JS, 200, { ...immutable, 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get(FAVICON_PATH, (c) => c.body(FAVICON_SVG, 200, { ...immutable, ...svg }));
  // Browsers and feed readers ask for /favicon.ico without reading the page.
  app.get('/favicon.ico', (c) => c.body(FAVICON_SVG, 200, { 'Cache-Control': 'public, max-age=86400', ...svg }));
  app.get('/robots.txt', (c) =>
    c.body(ROBOTS_TXT, 200, { 'Cache-Control': 'public, max-age=86400', 'Content-Type': 'text/plain; charset=utf-8' }),
  );
}
