// What the route groups share: the context, the calendar, the scheduler's status, the cache, and
// where an uncached page is rendered.
import type { Context as HonoContext } from 'hono';
import type { Context } from '../app/context.ts';
import { easternDay } from '../calendar/eastern.ts';
import { siteUrl } from '../config.ts';
import { createVersionReader, type DataVersion } from '../store/read/version.ts';
import type { StatusView } from '../views/types.ts';
import { createResponder, type Rendered, type Responder } from './cache.ts';

/** A page to render away from the thread answering HTTP: what it depends on, as plain data. */
export interface RenderJob {
  /** Path and canonical query, e.g. `/search?q=graph`. */
  path: string;
  baseUrl: string;
  status: StatusView;
  version: DataVersion;
  /** The starred list the page is rendered with (authors.json's hash). */
  starredHash: string;
}

export interface Site {
  context: Context;
  holidays: ReadonlySet<string>;
  status: () => StatusView;
  responder: Responder;
  readVersion: (extra: string) => DataVersion;
  /** serve: renders an uncached page on a render thread. Unset: here. */
  offload?: ((job: RenderJob) => Promise<Rendered>) | undefined;
  /** On a render thread: the job in hand, whose base URL and data version stand for this request. */
  job?: (() => RenderJob | undefined) | undefined;
}

export interface SiteOptions {
  offload?: Site['offload'];
  job?: Site['job'];
}

export function createSite(
  context: Context,
  holidays: ReadonlySet<string>,
  status: () => StatusView,
  options: SiteOptions = {},
): Site {
  return {
    context,
    holidays,
    status,
    responder: createResponder(),
    readVersion: createVersionReader(context.db),
    offload: options.offload,
    job: options.job,
  };
}

/**
 * The site's URL without a trailing slash, for the links pages and feeds carry: PUBLIC_URL when set,
 * else the address the request arrived on (the listening address; with HOST=0.0.0.0, the
 * interface the client reached). Never the Host header or an absolute-form request target: those
 * are the client's words, and echoed into links they would point a shared cache's readers, or
 * the feed readers that keep our links, at any site a client names.
 */
export function baseUrlOf(site: Site, c: HonoContext): string {
  const job = site.job?.();
  if (job !== undefined) return job.baseUrl;
  const { config } = site.context;
  if (config.publicUrl) return config.publicUrl;
  const socket = (c.env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } } | undefined)
    ?.incoming?.socket;
  if (socket?.localAddress === undefined || socket.localPort === undefined) return siteUrl(config);
  const address = socket.localAddress.replace(/^::ffff:(?=\d+\.)/, '');
  return `http://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
}

export interface CacheOptions {
  /**
   * The query parameters the page depends on (`q` on /search). Every other parameter is ignored,
   * so `/?r=<random>` is the cached `/` and cannot make the server render afresh.
   */
  params?: readonly string[];
  /** What else the body depends on besides the stored data (a configuration file's version, say). */
  depends?: string;
}

/** `?a=1&b=2` of the declared parameters present (every value, in declared order), or ''. */
export function canonicalQuery(search: URLSearchParams, params: readonly string[]): string {
  const kept = new URLSearchParams();
  for (const name of params) for (const value of search.getAll(name)) kept.append(name, value);
  const query = kept.toString();
  return query === '' ? '' : `?${query}`;
}

/** Answers with a cached or freshly rendered body, or a 304 when the client's copy is current. */
export function sendCached(
  site: Site,
  c: HonoContext,
  options: CacheOptions,
  render: (version: DataVersion, baseUrl: string) => Rendered,
): Response | Promise<Response> {
  const baseUrl = baseUrlOf(site, c);
  const job = site.job?.();
  if (job !== undefined) {
    const rendered = render(job.version, baseUrl);
    return c.body(rendered.body, rendered.status, { 'Content-Type': rendered.type });
  }
  const url = new URL(c.req.url);
  const path = `${url.pathname}${canonicalQuery(url.searchParams, options.params ?? [])}`;
  // Pages show the scheduler's status too: it is part of what a cached body depends on. Today (in
  // arXiv's time zone) tells "not fetched yet" from "not announced yet"; the starred list in hand
  // names the flags.
  const status = site.status();
  const today = easternDay(site.context.now());
  const starredHash = site.context.starred.current().hash;
  const extra = `${today}|${status.nextRunAt ?? ''}|${status.activity ?? ''}|${starredHash}|${options.depends ?? ''}`;
  const version = site.readVersion(extra);
  const { offload } = site;
  const renderPage = offload
    ? () => offload({ path, baseUrl, status, version, starredHash })
    : () => render(version, baseUrl);
  return site.responder.respond(c, `${baseUrl}${path}`, version, renderPage);
}

export const HTML = 'text/html; charset=utf-8';
export const RSS = 'application/rss+xml; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The ISO timestamp of a data version, for a feed's lastBuildDate. */
export function builtAtOf(version: DataVersion, now: Date): string {
  return (version.lastModified ? new Date(version.lastModified) : now).toISOString();
}
