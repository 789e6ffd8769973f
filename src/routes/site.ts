// What the route groups share: the context, the calendar, the scheduler's status, the cache, and
// where an uncached page is rendered.
import type { Socket } from 'node:net';
import type { Context as HonoContext } from 'hono';
import type { Context } from '../app/context.ts';
import { easternDay } from '../calendar/eastern.ts';
import { siteUrl } from '../config.ts';
import { createVersionReader, type DataVersion } from '../store/read/version.ts';
import { listConfigProblems } from '../app/config-watch.ts';
import type { ConfigProblemView, StatusView } from '../views/types.ts';
import { STYLE_SOURCE } from '../render/html-assets.ts';
import { createHostAllowlist, type HostAllowlist } from './hosts.ts';
import { renderConfigBanner, withBanner } from '../render/html-layout.ts';
import {
  createResponder,
  createSegmentedLru,
  type CacheVersion,
  type Rendered,
  type Responder,
  type SegmentedLru,
} from './cache.ts';

/** A page to render away from the thread answering HTTP: what it depends on, as plain data. */
export interface RenderJob {
  /** Path and canonical query, e.g. `/search?q=graph`. */
  path: string;
  baseUrl: string;
  status: StatusView;
  version: DataVersion;
  /** The starred list the page is rendered with (authors.json's hash). */
  starredHash: string;
  /** Hand-edited configuration files that cannot be used: a banner on the page. */
  problems: readonly ConfigProblemView[];
}

/** An address sendCached answered, as fast-path.ts answers it again: the route's options, its canonical path. */
export interface Replay {
  site: Site;
  path: string;
  options: CacheOptions;
}

export interface Site {
  context: Context;
  holidays: ReadonlySet<string>;
  status: () => StatusView;
  responder: Responder;
  /** The data version (store/read/version.ts): what every cached page and feed is a function of. */
  readVersion: () => DataVersion;
  /** serve: renders an uncached page on a render thread. Unset: here. */
  offload?: ((job: RenderJob) => Promise<Rendered>) | undefined;
  /** On a render thread: the job in hand, whose base URL and data version stand for this request. */
  job?: (() => RenderJob | undefined) | undefined;
  /** The addresses (request targets as sent) sendCached answered lately, for fast-path.ts. */
  replays: SegmentedLru<Replay>;
  /** The names this server answers for (hosts.ts). */
  hosts: HostAllowlist;
  /** Hand-edited configuration files that cannot be used (the job's, on a render thread). */
  problems: () => readonly ConfigProblemView[];
}

export interface SiteOptions {
  offload?: Site['offload'];
  job?: Site['job'];
  /** serve: the watched configuration files' problems; default authors.json's alone. */
  configProblems?: (() => readonly ConfigProblemView[]) | undefined;
  /** serve: how long the first asker of a new version waits for it (routes/cache.ts ResponderOptions). */
  firstWaitMs?: number | undefined;
}

export function createSite(
  context: Context,
  holidays: ReadonlySet<string>,
  status: () => StatusView,
  options: SiteOptions = {},
): Site {
  const problems = options.configProblems ?? listConfigProblems(context);
  return {
    context,
    holidays,
    status,
    responder: createResponder({ firstWaitMs: options.firstWaitMs }),
    readVersion: createVersionReader(context.db),
    offload: options.offload,
    job: options.job,
    replays: createSegmentedLru(64, 192),
    hosts: createHostAllowlist(context.config),
    problems: () => options.job?.()?.problems ?? problems(),
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
  return baseUrlOfSocket(site, (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket);
}

/** baseUrlOf for a request that arrived on this socket (none: app.request in tests). */
export function baseUrlOfSocket(site: Site, socket: Socket | undefined): string {
  const { config } = site.context;
  if (config.publicUrl) return config.publicUrl;
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
  /**
   * What else the body depends on besides the stored data (a configuration file's version, say), given
   * the data version. Asked on every request: memoize anything that costs more than a comparison.
   */
  depends?: (version: DataVersion) => string;
  /**
   * The scheduler's status as the page shows it (`/` while its day is not stored), given the data
   * version: in the version like `depends`, but the reader did not make it change, so the page of
   * the previous status answers while the new one renders (routes/cache.ts).
   */
  status?: (version: DataVersion) => string;
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
    const rendered = withProblems(render(job.version, baseUrl), job.problems);
    return c.body(rendered.body, rendered.status, { 'Content-Type': rendered.type });
  }
  const url = new URL(c.req.url);
  const path = `${url.pathname}${canonicalQuery(url.searchParams, options.params ?? [])}`;
  const target = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url;
  if (target !== undefined) site.replays.set(target, { site, path, options });
  const { version, status, starredHash, problems } = versionOf(site, options);
  const { offload } = site;
  const renderPage = offload
    ? () => timed(site, path, () => offload({ path, baseUrl, status, version, starredHash, problems }))
    : () => withProblems(render(version, baseUrl), problems);
  return site.responder.respond(c, `${baseUrl}${path}`, version, renderPage);
}

/** A render on a render thread, logged with how long it took from here (LOG_LEVEL=debug): what a miss costs. */
async function timed(site: Site, path: string, render: () => Promise<Rendered>): Promise<Rendered> {
  const started = performance.now();
  const rendered = await render();
  site.context.log.debug('page.rendered', { path, ms: Math.round(performance.now() - started) });
  return rendered;
}

/**
 * The version a page is cached under: the stored data, today (in arXiv's time zone: it tells "not
 * fetched yet" from "not announced yet"), the starred list in hand (it names the flags), a broken configuration file (a banner on HTML),
 * and what the route declared it depends on. Not the scheduler's status: a page that shows it declares so (`/`,
 * while its day is not stored), or every change of the status would render every page again.
 * All but the data and the status are the reader's doing, as are the web thread's own writes: a
 * change of those is never answered with the previous page (`reader`, routes/cache.ts).
 */
export function versionOf(
  site: Site,
  options: CacheOptions,
): { version: CacheVersion; status: StatusView; starredHash: string; problems: readonly ConfigProblemView[] } {
  const data = site.readVersion();
  const today = easternDay(site.context.now());
  const starredHash = site.context.starred.current().hash;
  const problems = site.problems();
  const reader = `${today}|${starredHash}|${describeProblems(problems)}|${options.depends?.(data) ?? ''}`;
  const status = options.status?.(data) ?? '';
  return { version: withExtra(site, data, reader, status), status: site.status(), starredHash, problems };
}

// The last version answered: the same object while neither the data nor the extra moved.
const lastVersions = new WeakMap<Site, { data: DataVersion; reader: string; status: string; version: CacheVersion }>();

function withExtra(site: Site, data: DataVersion, reader: string, status: string): CacheVersion {
  const last = lastVersions.get(site);
  if (last?.data === data && last.reader === reader && last.status === status) return last.version;
  const version = { ...data, tag: `${data.tag}|${reader}|${status}`, reader: `${data.ownWrites ?? ''}|${reader}` };
  lastVersions.set(site, { data, reader, status, version });
  return version;
}

// The problems' part of a version, once per list (the same array while nothing changed).
let described: { problems: readonly ConfigProblemView[]; text: string } = { problems: [], text: '' };
function describeProblems(problems: readonly ConfigProblemView[]): string {
  if (problems !== described.problems)
    described = { problems, text: problems.map((p) => `${p.file}:${p.line ?? ''}:${p.problem}`).join('|') };
  return described.text;
}

/** An HTML page with the banners of broken configuration files; other answers as they are. */
function withProblems(rendered: Rendered, problems: readonly ConfigProblemView[]): Rendered {
  if (problems.length === 0 || !rendered.type.startsWith('text/html')) return rendered;
  return { ...rendered, body: withBanner(rendered.body, renderConfigBanner(problems)) };
}

/** Host fields as received (node keeps the first in `headers`, every one in `rawHeaders`). */
export function countHostFields(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'host') count++;
  return count;
}

/** On every response, from Hono (server.ts) or the fast path (fast-path.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Our own script and icon, and our stylesheet inline by its hash; nothing else may load or run, no
  // other inline style or script; the script may post the page's forms to this server (connect-src).
  'Content-Security-Policy': `default-src 'none'; style-src ${STYLE_SOURCE}; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

export const HTML = 'text/html; charset=utf-8';
export const RSS = 'application/rss+xml; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** The ISO timestamp of a data version, for a feed's lastBuildDate. */
export function builtAtOf(version: DataVersion, now: Date): string {
  return version.changedAt ?? now.toISOString();
}
