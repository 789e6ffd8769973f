// `/` and `/digest/YYYY-MM-DD[.txt|.json]`: the digest of a day, or a normal page saying why there is none.
import type { Hono } from 'hono';
import { parseDay } from '../dates.ts';
import { findNeighbourDays, listStoredDays } from '../store/announcements.ts';
import { isMissing, listArchiveDays, resolveDay, type DayState } from '../digest-day.ts';
import { getLastFetchRun } from '../store/runs.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderFetchNotice, renderNoDigestHtml } from '../render/html-pages.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestText } from '../render/text.ts';
import type { Rendered } from './cache.ts';
import { HTML, JSON_TYPE, TEXT, sendCached, type Site } from './site.ts';

function resolveSiteDay(site: Site, day: string): DayState {
  return resolveDay(site.context, site.holidays, day);
}

function fetchNotice(site: Site): string {
  return renderFetchNotice(getLastFetchRun(site.context.db), site.status());
}

function renderDayHtml(site: Site, day: string, baseUrl: string): Rendered {
  const state = resolveSiteDay(site, day);
  const notice = fetchNotice(site);
  if (state.kind !== 'digest') {
    const previous = findNeighbourDays(site.context.db, day).previous;
    const body = renderNoDigestHtml({ baseUrl, day, kind: state.kind, notice, ...(previous && { previous }) });
    return { status: state.kind === 'future' ? 404 : 200, type: HTML, body };
  }
  const archive = listArchiveDays(site.context);
  const body = renderDigestHtml(state.digest, { baseUrl, archive, notice, ...findNeighbourDays(site.context.db, day) });
  return { status: 200, type: HTML, body };
}

// A day arXiv announced nothing on has an (empty) digest; a day we lack has none.
function renderDayData(site: Site, day: string, format: 'txt' | 'json', baseUrl: string): Rendered {
  const state = resolveSiteDay(site, day);
  if (format === 'json') {
    if (isMissing(state)) return { status: 404, type: JSON_TYPE, body: `${JSON.stringify({ error: describeNoDigest(state.kind, day) })}\n` };
    return { status: 200, type: JSON_TYPE, body: renderDigestJson(state.digest) };
  }
  if (isMissing(state)) return { status: 404, type: TEXT, body: `${describeNoDigest(state.kind, day)}.\n` };
  const noAnnouncement = state.kind === 'digest' ? undefined : state.kind;
  return { status: 200, type: TEXT, body: renderDigestText(state.digest, { baseUrl, ...(noAnnouncement && { noAnnouncement }) }) };
}

const DIGEST_FILE = /^(\d{4}-\d{2}-\d{2})(?:\.(txt|json|html))?$/;

export function registerDigestRoutes(app: Hono, site: Site): void {
  app.get('/', (c) =>
    sendCached(site, c, (_version, baseUrl) => {
      const [latest] = listStoredDays(site.context.db, { withPapers: true, limit: 1 });
      if (latest !== undefined) return renderDayHtml(site, latest.day, baseUrl);
      return { status: 200, type: HTML, body: renderNoDigestHtml({ baseUrl, kind: 'nothing-stored', notice: fetchNotice(site) }) };
    }),
  );
  app.get('/digest/:file', (c) =>
    sendCached(site, c, (_version, baseUrl) => {
      const match = DIGEST_FILE.exec(c.req.param('file'));
      const day = match ? parseDay(match[1]!) : undefined;
      if (day === undefined) return { status: 400, type: HTML, body: renderErrorPage(baseUrl, 400, 'A digest address is /digest/YYYY-MM-DD, with a real date.') };
      const format = match![2];
      return format === 'txt' || format === 'json' ? renderDayData(site, day, format, baseUrl) : renderDayHtml(site, day, baseUrl);
    }),
  );
}
