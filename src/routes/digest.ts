// `/` and `/digest/YYYY-MM-DD[.txt|.json]`: the digest of a day, or a normal page saying why there is none.
import type { Context as HonoContext, Hono } from 'hono';
import { parseDay } from '../calendar/days.ts';
import { isCategory } from '../text/categories.ts';
import { getLastFetchRun } from '../store/read/runs.ts';
import {
  findLatestDay,
  isMissing,
  listArchiveDays,
  listUnreadDays,
  loadDayDigest,
  type DayOptions,
} from '../views/day.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderFetchNotice, renderNoDigestHtml, renderRoundNotice } from '../render/html-pages.ts';
import { renderFirstStartHtml } from '../render/html-first-start.ts';
import { listRoundParts } from '../store/read/round-parts.ts';
import type { DataVersion } from '../store/read/version.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestText } from '../render/text.ts';
import type { Rendered } from './cache.ts';
import { createDayStatus } from './day-status.ts';
import { HTML, JSON_TYPE, TEXT, sendCached, type Site } from './site.ts';
import { readWritePolicy } from './writes.ts';

/**
 * What the other parts of the round could not do; before it, what the fetcher is doing, when the
 * page's day has no digest yet (`missing`: the day `/` waits for while it shows an older one).
 */
function fetchNotice(site: Site, status: boolean, missing?: string): string {
  const { db } = site.context;
  const fetching = status ? renderFetchNotice(getLastFetchRun(db), site.status(), missing) : '';
  return fetching + renderRoundNotice(listRoundParts(db));
}

// `?cat=stat.ML` (repeatable, or comma-separated: `?cat=cs.LG,stat.ML`) shows only the papers
// listed in those categories; the filter form sends one `cat` per ticked box.
const MAX_CATEGORIES = 20;

/** The categories of `cat`, or a message saying what is wrong with them. */
export function readCategoryFilter(values: readonly string[]): string[] | { error: string } {
  const categories = [...new Set(values.flatMap((value) => value.split(',')).map((value) => value.trim()))].filter(
    Boolean,
  );
  const bad = categories.find((category) => !isCategory(category));
  if (bad !== undefined || categories.length > MAX_CATEGORIES)
    return { error: 'cat takes arXiv categories such as stat.ML, separated by commas or repeated.' };
  return categories;
}

/**
 * The page's query: `cat` (categories), `sort=score|arxiv` (without it, the reader's default),
 * `hidden=1` (show hidden papers), `view=titles` (the compact view).
 */
export function readDayOptions(c: HonoContext): DayOptions | { error: string } {
  const only = readCategoryFilter(c.req.queries('cat') ?? []);
  if ('error' in only) return only;
  const sort = c.req.query('sort');
  if (sort !== undefined && sort !== 'arxiv' && sort !== 'score') return { error: 'sort is score or arxiv.' };
  const hidden = c.req.query('hidden') ?? '0';
  if (hidden !== '0' && hidden !== '1') return { error: 'hidden is 1 (show hidden papers) or 0.' };
  const view = c.req.query('view') ?? 'full';
  if (view !== 'full' && view !== 'titles') return { error: 'view is titles (titles and authors only) or full.' };
  return { only, ...(sort && { sort }), showHidden: hidden === '1', view, page: true };
}

function renderDayHtml(site: Site, day: string, baseUrl: string, options: DayOptions, notice: string): Rendered {
  const digest = loadDayDigest(site.context, site.holidays, day, options);
  if (digest.kind !== 'digest') {
    const body = renderNoDigestHtml({ baseUrl, day, kind: digest.kind, notice, previous: digest.previous });
    return { status: digest.kind === 'future' ? 404 : 200, type: HTML, body };
  }
  const archive = listArchiveDays(site.context.db);
  const unread = listUnreadDays(site.context.db, archive);
  const body = renderDigestHtml(digest.view, {
    baseUrl,
    archive,
    notice,
    previous: digest.previous,
    next: digest.next,
    controls: readWritePolicy(site.context.config) !== 'read-only',
    seen: !unread.includes(day),
    unread,
  });
  return { status: 200, type: HTML, body };
}

// A day arXiv announced nothing on has an (empty) digest; a day we lack has none.
function renderDayData(site: Site, day: string, format: 'txt' | 'json', baseUrl: string): Rendered {
  const digest = loadDayDigest(site.context, site.holidays, day, { explainAll: format === 'json' });
  const missing = isMissing(digest.kind) ? describeNoDigest(digest.kind, day) : undefined;
  if (format === 'json') {
    if (missing !== undefined) return { status: 404, type: JSON_TYPE, body: `${JSON.stringify({ error: missing })}\n` };
    return { status: 200, type: JSON_TYPE, body: renderDigestJson(digest.view) };
  }
  if (missing !== undefined) return { status: 404, type: TEXT, body: `${missing}.\n` };
  const noAnnouncement = digest.kind === 'digest' ? undefined : digest.kind;
  return {
    status: 200,
    type: TEXT,
    body: renderDigestText(digest.view, { baseUrl, ...(noAnnouncement && { noAnnouncement }) }),
  };
}

// A day's page depends on the category filter, the order, the hidden toggle and the view.
const DAY_PAGE = { params: ['cat', 'sort', 'hidden', 'view'] } as const;

const DIGEST_FILE = /^(\d{4}-\d{2}-\d{2})(?:\.(txt|json|html))?$/;

/** A bad digest address, answered in the format asked for: a JSON client gets JSON. */
function refuseAddress(file: string, baseUrl: string): Rendered {
  const message = 'A digest address is /digest/YYYY-MM-DD, with a real date.';
  if (file.endsWith('.json')) return { status: 400, type: JSON_TYPE, body: `${JSON.stringify({ error: message })}\n` };
  if (file.endsWith('.txt')) return { status: 400, type: TEXT, body: `${message}\n` };
  return badRequest(baseUrl, message);
}

function badRequest(baseUrl: string, message: string): Rendered {
  return { status: 400, type: HTML, body: renderErrorPage(baseUrl, 400, message) };
}

export function registerDigestRoutes(app: Hono, site: Site): void {
  const days = createDayStatus(site);
  // `/` shows the scheduler's status while the day it stands for is not stored.
  const front = { ...DAY_PAGE, status: (version: DataVersion) => days.dependsOf(version) };
  app.get('/', (c) =>
    sendCached(site, c, front, (_version, baseUrl) => {
      const options = readDayOptions(c);
      if ('error' in options) return badRequest(baseUrl, options.error);
      const latest = findLatestDay(site.context.db);
      if (latest === undefined) return renderFirstStart(site, baseUrl);
      return renderDayHtml(site, latest, baseUrl, options, fetchNotice(site, days.showsStatus(), days.currentDay()));
    }),
  );
  app.get('/digest/:file', (c) => {
    const file = c.req.param('file');
    const match = DIGEST_FILE.exec(file);
    const day = match ? parseDay(match[1]!) : undefined;
    const format = match?.[2];
    const html = day !== undefined && format !== 'txt' && format !== 'json';
    const page = html ? { ...DAY_PAGE, status: (version: DataVersion) => days.dependsOf(version, day) } : DAY_PAGE;
    return sendCached(site, c, page, (_version, baseUrl) => {
      if (day === undefined) return refuseAddress(file, baseUrl);
      if (!html) return renderDayData(site, day, format as 'txt' | 'json', baseUrl);
      const options = readDayOptions(c);
      if ('error' in options) return badRequest(baseUrl, options.error);
      return renderDayHtml(site, day, baseUrl, options, fetchNotice(site, days.showsStatus(day)));
    });
  });
}

function renderFirstStart(site: Site, baseUrl: string): Rendered {
  const { db } = site.context;
  const parts = listRoundParts(db);
  const body = renderFirstStartHtml({ baseUrl, status: site.status(), lastRun: getLastFetchRun(db), parts });
  return { status: 200, type: HTML, body };
}
