// `/` and `/digest/YYYY-MM-DD[.txt|.json]`: the digest of a day, or a normal page saying why there is none.
import type { Hono } from 'hono';
import { parseDay } from '../calendar/days.ts';
import { getLastFetchRun } from '../store/read/runs.ts';
import { findLatestDay, isMissing, listArchiveDays, loadDayDigest } from '../views/day.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderFetchNotice, renderNoDigestHtml } from '../render/html-pages.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestText } from '../render/text.ts';
import type { Rendered } from './cache.ts';
import { HTML, JSON_TYPE, TEXT, sendCached, type Site } from './site.ts';

function fetchNotice(site: Site): string {
  return renderFetchNotice(getLastFetchRun(site.context.db), site.status());
}

function renderDayHtml(site: Site, day: string, baseUrl: string): Rendered {
  const digest = loadDayDigest(site.context, site.holidays, day);
  const notice = fetchNotice(site);
  if (digest.kind !== 'digest') {
    const body = renderNoDigestHtml({ baseUrl, day, kind: digest.kind, notice, previous: digest.previous });
    return { status: digest.kind === 'future' ? 404 : 200, type: HTML, body };
  }
  const archive = listArchiveDays(site.context.db);
  const body = renderDigestHtml(digest.view, {
    baseUrl,
    archive,
    notice,
    previous: digest.previous,
    next: digest.next,
  });
  return { status: 200, type: HTML, body };
}

// A day arXiv announced nothing on has an (empty) digest; a day we lack has none.
function renderDayData(site: Site, day: string, format: 'txt' | 'json', baseUrl: string): Rendered {
  const digest = loadDayDigest(site.context, site.holidays, day);
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

const DIGEST_FILE = /^(\d{4}-\d{2}-\d{2})(?:\.(txt|json|html))?$/;

/** A bad digest address, answered in the format asked for: a JSON client gets JSON. */
function refuseAddress(file: string, baseUrl: string): Rendered {
  const message = 'A digest address is /digest/YYYY-MM-DD, with a real date.';
  if (file.endsWith('.json')) return { status: 400, type: JSON_TYPE, body: `${JSON.stringify({ error: message })}\n` };
  if (file.endsWith('.txt')) return { status: 400, type: TEXT, body: `${message}\n` };
  return { status: 400, type: HTML, body: renderErrorPage(baseUrl, 400, message) };
}

export function registerDigestRoutes(app: Hono, site: Site): void {
  app.get('/', (c) =>
    sendCached(site, c, {}, (_version, baseUrl) => {
      const latest = findLatestDay(site.context.db);
      if (latest !== undefined) return renderDayHtml(site, latest, baseUrl);
      const body = renderNoDigestHtml({ baseUrl, kind: 'nothing-stored', notice: fetchNotice(site) });
      return { status: 200, type: HTML, body };
    }),
  );
  app.get('/digest/:file', (c) =>
    sendCached(site, c, {}, (_version, baseUrl) => {
      const file = c.req.param('file');
      const match = DIGEST_FILE.exec(file);
      const day = match ? parseDay(match[1]!) : undefined;
      if (day === undefined) return refuseAddress(file, baseUrl);
      const format = match![2];
      return format === 'txt' || format === 'json'
        ? renderDayData(site, day, format, baseUrl)
        : renderDayHtml(site, day, baseUrl);
    }),
  );
}
