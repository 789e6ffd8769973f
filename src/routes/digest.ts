// `/` and `/digest/YYYY-MM-DD[.txt|.json]`: the digest of a day, or a normal page saying why there is none.
import type { Hono } from 'hono';
import { noAnnouncementReason } from '../calendar.ts';
import { parseDay } from '../dates.ts';
import { findNeighbourDays, isDayStored, listStoredDays } from '../store/announcements.ts';
import { getDayPapers } from '../store/digest.ts';
import { getLastFetchRun } from '../store/runs.ts';
import { renderDigestHtml } from '../render/html.ts';
import { describeNoDigest, renderFetchNotice, renderNoDigestHtml, type NoDigestKind } from '../render/html-pages.ts';
import { renderErrorPage } from '../render/html-layout.ts';
import { renderDigestJson } from '../render/json.ts';
import { renderDigestText } from '../render/text.ts';
import type { Digest } from '../types.ts';
import type { Rendered } from './cache.ts';
import { HTML, JSON_TYPE, TEXT, sendCached, todayOf, type Site } from './site.ts';

type DayState = { kind: 'digest'; digest: Digest } | { kind: NoDigestKind; digest: Digest };

function resolveDay(site: Site, day: string): DayState {
  const { db, authorNames } = site.context;
  const digest: Digest = { date: day, papers: getDayPapers(db, day, authorNames) };
  if (digest.papers.length > 0) return { kind: 'digest', digest };
  const reason = noAnnouncementReason(day, site.holidays);
  if (reason !== undefined) return { kind: reason, digest };
  if (isDayStored(db, day)) return { kind: 'empty', digest };
  return { kind: day > todayOf(site) ? 'future' : 'not-fetched', digest };
}

function fetchNotice(site: Site): string {
  return renderFetchNotice(getLastFetchRun(site.context.db), site.status().nextRunAt);
}

function renderDayHtml(site: Site, day: string, baseUrl: string): Rendered {
  const state = resolveDay(site, day);
  const notice = fetchNotice(site);
  if (state.kind !== 'digest') {
    const previous = findNeighbourDays(site.context.db, day).previous;
    const body = renderNoDigestHtml({ baseUrl, day, kind: state.kind, notice, ...(previous && { previous }) });
    return { status: state.kind === 'future' ? 404 : 200, type: HTML, body };
  }
  const archive = listStoredDays(site.context.db, { withPapers: true, limit: 14 }).map((stored) => stored.day);
  const body = renderDigestHtml(state.digest, { baseUrl, archive, notice, ...findNeighbourDays(site.context.db, day) });
  return { status: 200, type: HTML, body };
}

// A day arXiv announced nothing on has an (empty) digest; a day we lack has none.
function renderDayData(site: Site, day: string, format: 'txt' | 'json', baseUrl: string): Rendered {
  const state = resolveDay(site, day);
  const missing = state.kind === 'future' || state.kind === 'not-fetched';
  if (format === 'json') {
    if (missing) return { status: 404, type: JSON_TYPE, body: `${JSON.stringify({ error: describeNoDigest(state.kind, day) })}\n` };
    return { status: 200, type: JSON_TYPE, body: renderDigestJson(state.digest) };
  }
  if (missing) return { status: 404, type: TEXT, body: `${describeNoDigest(state.kind, day)}.\n` };
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
