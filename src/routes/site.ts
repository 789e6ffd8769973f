// What the route groups share: the context, the calendar, the scheduler's status and the cache.
import type { Context as HonoContext } from 'hono';
import type { Context } from '../app/context.ts';
import { easternDay } from '../calendar/eastern.ts';
import { createVersionReader, type DataVersion } from '../store/read/version.ts';
import type { StatusView } from '../views/types.ts';
import { createResponder, type Rendered, type Responder } from './cache.ts';

export interface Site {
  context: Context;
  holidays: ReadonlySet<string>;
  status: () => StatusView;
  responder: Responder;
  readVersion: (extra: string) => DataVersion;
}

export function createSite(context: Context, holidays: ReadonlySet<string>, status: () => StatusView): Site {
  return { context, holidays, status, responder: createResponder(), readVersion: createVersionReader(context.db) };
}

// An origin as URL parsing leaves it; anything else (a hostile Host header) is not echoed into pages.
const SAFE_ORIGIN = /^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The site's URL without a trailing slash: PUBLIC_URL when set, else the request's origin. */
export function baseUrlOf(site: Site, c: HonoContext): string {
  const configured = site.context.config.publicUrl;
  if (configured) return configured;
  let origin = '';
  try {
    origin = new URL(c.req.url).origin;
  } catch {
    // Fall through to the configured address.
  }
  return SAFE_ORIGIN.test(origin) ? origin : `http://${site.context.config.host}:${site.context.config.port}`;
}

/** Answers with a cached or freshly rendered body, or a 304 when the client's copy is current. */
export function sendCached(
  site: Site,
  c: HonoContext,
  render: (version: DataVersion, baseUrl: string) => Rendered,
): Response {
  const { baseUrl, key, version } = describeRequest(site, c);
  return site.responder.respond(c, key, version, () => render(version, baseUrl));
}

/** sendCached for a body rendered off the event loop (app/read-pool.ts). */
export function sendCachedAsync(
  site: Site,
  c: HonoContext,
  render: (version: DataVersion, baseUrl: string) => Promise<Rendered>,
): Promise<Response> {
  const { baseUrl, key, version } = describeRequest(site, c);
  return site.responder.respondAsync(c, key, version, () => render(version, baseUrl));
}

function describeRequest(site: Site, c: HonoContext) {
  const baseUrl = baseUrlOf(site, c);
  const url = new URL(c.req.url);
  // Pages show the scheduler's status too: it is part of what a cached body depends on. Today (in
  // arXiv's time zone) tells "not fetched yet" from "not announced yet".
  const status = site.status();
  const today = easternDay(site.context.now());
  const version = site.readVersion(`${today}|${status.nextRunAt ?? ''}|${status.activity ?? ''}`);
  return { baseUrl, key: `${baseUrl}${url.pathname}${url.search}`, version };
}

export const HTML = 'text/html; charset=utf-8';
export const RSS = 'application/rss+xml; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The ISO timestamp of a data version, for a feed's lastBuildDate. */
export function builtAtOf(version: DataVersion, now: Date): string {
  return (version.lastModified ? new Date(version.lastModified) : now).toISOString();
}
