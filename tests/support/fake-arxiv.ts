// A real HTTP server on 127.0.0.1 that plays arXiv, for tests. Nothing leaves the machine.
//
//   const arxiv = await startFakeArxiv();           // listens on 127.0.0.1, random port
//   arxiv.on('/rss/cs.LG', replyStatus(503, { retryAfter: 2 }), replyFixture('rss2-cs.LG-2026-04-27-trimmed-3items.xml'));
//   await client.get(`${arxiv.url}/rss/cs.LG`);
//   arxiv.requests          // [{ at, method, path, headers }] in arrival order; `at` is performance.now() ms
//   arxiv.maxInFlight       // most requests ever in progress at once (arXiv allows 1)
//   await arxiv.close();    // also destroys open (stalled, keep-alive) sockets
//
// on(path, ...replies): each request to `path` takes the next reply; the last one repeats.
// `path` matches pathname+query exactly, else the pathname alone; unscripted paths get 404.
// A Reply is any (req, res) => void, so a test can write its own; ready-made ones:
//   replyFixture(name, { etag?, lastModified?, gzip? })  a tests/fixtures/arxiv file with
//                                                 validators, 304 when the request's match
//   replyText(body, { status?, headers?, gzip? }) any body; gzip only if the client accepts it
//   replyStatus(status, { retryAfter?, body? })   e.g. 429/503; retryAfter: seconds | Date | raw
//   replyHtmlPage(status = 200)                   an HTML error page (a proxy's, say)
//   replyBytes(size, { gzip?, chunked? })         `size` bytes of "a"; gzip makes a tiny bomb
//   replyStall({ afterHeaders? })                 never answers, or sends headers + 1 byte then stalls
//   replyDrip(body, { intervalMs, chunkBytes? })  the body a few bytes at a time
//   replyTruncated(body, sentBytes)               Content-Length of `body`, sends fewer, cuts the socket
// findClosedPort() gives a loopback port nothing listens on (connection refused).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

export type Reply = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  at: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FakeArxiv {
  url: string;
  requests: RecordedRequest[];
  readonly maxInFlight: number;
  on(path: string, ...replies: Reply[]): void;
  close(): Promise<void>;
}

const FIXTURES = new URL('../fixtures/arxiv/', import.meta.url);

export async function startFakeArxiv(): Promise<FakeArxiv> {
  const scripts = new Map<string, Reply[]>();
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ at: performance.now(), method: req.method ?? 'GET', path, headers: req.headers });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    const queue = scripts.get(path) ?? scripts.get(path.split('?')[0] ?? path);
    const reply = queue && (queue.length > 1 ? queue.shift() : queue[0]);
    if (reply) reply(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end(`fake-arxiv: no script for ${path}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    on: (path, ...replies) => void scripts.set(path, replies),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function replyText(
  body: string | Buffer,
  options: { status?: number; headers?: Record<string, string>; gzip?: boolean } = {},
): Reply {
  return (req, res) => {
    const headers: Record<string, string> = { 'content-type': 'application/xml; charset=utf-8', ...options.headers };
    let bytes = Buffer.from(body);
    if (options.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      bytes = gzipSync(bytes);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(bytes.length);
    res.writeHead(options.status ?? 200, headers).end(bytes);
  };
}

/** RFC 9110 §13.1.2: If-None-Match wins over If-Modified-Since (§13.1.3) when both are sent. */
export function replyFixture(
  name: string,
  options: { etag?: string; lastModified?: string; gzip?: boolean } = {},
): Reply {
  const body = readFixture(name);
  const validators: Record<string, string> = {};
  if (options.etag) validators['etag'] = options.etag;
  if (options.lastModified) validators['last-modified'] = options.lastModified;
  return (req, res) => {
    if (isNotModified(req.headers, options)) return void res.writeHead(304, validators).end();
    replyText(body, { headers: validators, gzip: options.gzip })(req, res);
  };
}

function isNotModified(headers: IncomingHttpHeaders, current: { etag?: string; lastModified?: string }): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    const strip = (tag: string) => tag.trim().replace(/^W\//, '');
    return (
      current.etag !== undefined &&
      noneMatch.split(',').some((tag) => strip(tag) === strip(current.etag!) || tag.trim() === '*')
    );
  }
  const since = headers['if-modified-since'];
  if (since === undefined || current.lastModified === undefined) return false;
  return Date.parse(since) >= Date.parse(current.lastModified);
}

export function replyStatus(
  status: number,
  options: { retryAfter?: number | Date | string; body?: string } = {},
): Reply {
  const headers: Record<string, string> = { 'content-type': 'text/plain' };
  const { retryAfter } = options;
  if (retryAfter !== undefined)
    headers['retry-after'] = retryAfter instanceof Date ? retryAfter.toUTCString() : String(retryAfter);
  return replyText(options.body ?? `fake-arxiv: HTTP ${status}\n`, { status, headers });
}

export function replyHtmlPage(status = 200): Reply {
  const page =
    '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Try again later</h1></body></html>';
  return replyText(page, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export function replyBytes(size: number, options: { gzip?: boolean; chunked?: boolean } = {}): Reply {
  const raw = Buffer.alloc(size, 'a');
  const bytes = options.gzip ? gzipSync(raw) : raw;
  return (_req, res) => {
    const headers: Record<string, string> = { 'content-type': 'application/xml' };
    if (options.gzip) headers['content-encoding'] = 'gzip';
    if (!options.chunked) headers['content-length'] = String(bytes.length);
    res.writeHead(200, headers).end(bytes);
  };
}

export function replyStall(options: { afterHeaders?: boolean } = {}): Reply {
  return (_req, res) => {
    if (!options.afterHeaders) return;
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': '1000' });
    res.write('<');
  };
}

export function replyDrip(body: string, options: { intervalMs: number; chunkBytes?: number }): Reply {
  const bytes = Buffer.from(body);
  const step = options.chunkBytes ?? 1;
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(bytes.length) });
    let offset = 0;
    const timer = setInterval(() => {
      res.write(bytes.subarray(offset, offset + step));
      offset += step;
      if (offset >= bytes.length) {
        clearInterval(timer);
        res.end();
      }
    }, options.intervalMs);
    res.on('close', () => clearInterval(timer));
  };
}

export function replyTruncated(body: string, sentBytes: number): Reply {
  const bytes = Buffer.from(body);
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(bytes.length) });
    res.write(bytes.subarray(0, sentBytes), () => res.socket?.destroy());
  };
}

export async function findClosedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// Scheduler, catch-up and backfill helpers (built from the real fixtures, dates and ids adjusted).
//   replyRssDay(day)             the 3-item cs.LG RSS capture re-dated to feed day `day`
//   createFakeApi({ perWindow }) an /api/query reply answering `submittedDate:[A TO B]` with
//                                `perWindow` entries dated inside it; `.windows` lists every asked range;
//                                `claimedTotal` puts another totalResults on every page, `repeat` answers
//                                every page with the first one
//   createFakeOai({ pages })     an OAI-PMH ListRecords reply: `pages` pages per set via resumptionToken
// ---------------------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue, 01 Dec 2026 00:00:00 -0500": midnight of `day` in New York, as arXiv's RSS writes it. */
function formatEasternMidnight(day: string): string {
  const utc = new Date(`${day}T00:00:00Z`);
  const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', hourCycle: 'h23' });
  // New York midnight is 04:00 or 05:00 UTC; read which from the zone data.
  const offsetHours = Number(local.format(new Date(`${day}T04:00:00Z`))) === 0 ? 4 : 5;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[utc.getUTCDay()]}, ${pad(utc.getUTCDate())} ${MONTHS[utc.getUTCMonth()]} ${utc.getUTCFullYear()} 00:00:00 -0${offsetHours}00`;
}

/** The RSS capture re-dated to `day`, with ids unique to that day. */
export function buildRssDay(day: string): string {
  const dayOfYear =
    Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000) + 1;
  return readFixture('rss2-cs.LG-2026-04-27-trimmed-3items.xml')
    .replaceAll('Mon, 27 Apr 2026 00:00:00 -0400', formatEasternMidnight(day))
    .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, `<lastBuildDate>${formatEasternMidnight(day)}</lastBuildDate>`)
    .replace(/2604\.219(\d\d)/g, `2604.${String(dayOfYear).padStart(3, '0')}$1`);
}

export function replyRssDay(day: string): Reply {
  return replyText(buildRssDay(day), { headers: { etag: `"rss-${day}"` } });
}

export interface FakeApi {
  reply: Reply;
  /** The `[A TO B]` range of every request, in order (a page of the same window repeats it). */
  windows: string[];
  queries: URLSearchParams[];
}

export function createFakeApi(options: { perWindow?: number; claimedTotal?: number; repeat?: boolean } = {}): FakeApi {
  const perWindow = options.perWindow ?? 3;
  const fixture = readFixture('api-query-cat_cs.LG_OR_cat_cs.AI-max20-2026-04-30.xml');
  const head = fixture.slice(0, fixture.indexOf('<entry>'));
  const entry = /<entry>[\s\S]*?<\/entry>/.exec(fixture)![0];
  const seen = new Map<string, number>();
  const api: FakeApi = { windows: [], queries: [], reply: () => {} };
  api.reply = (req, res) => {
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    api.queries.push(query);
    const range = /submittedDate:\[(\d{12}) TO (\d{12})\]/.exec(query.get('search_query') ?? '');
    if (!range) return void replyStatus(400, { body: 'fake-arxiv: no submittedDate range' })(req, res);
    api.windows.push(`[${range[1]} TO ${range[2]}]`);
    const index = seen.get(range[0]) ?? seen.size;
    seen.set(range[0], index);
    const start = options.repeat ? 0 : Number(query.get('start') ?? 0);
    const max = Number(query.get('max_results') ?? 10);
    const from = range[1]!;
    const published = `${from.slice(0, 4)}-${from.slice(4, 6)}-${from.slice(6, 8)}T${from.slice(8, 10)}:${from.slice(10, 12)}:30Z`;
    const entries: string[] = [];
    for (let i = start; i < Math.min(perWindow, start + max); i++) {
      entries.push(
        entry
          .replaceAll('2604.26951', `2612.${10000 + index * 100 + i}`)
          .replace(/<(published|updated)>[^<]*</g, `<$1>${published}<`)
          .replace(
            '<arxiv:primary_category term="cs.CL"/>',
            `<arxiv:primary_category term="${i % 2 === 0 ? 'cs.LG' : 'cs.CL'}"/>`,
          ),
      );
    }
    const body =
      head
        .replace(/<opensearch:itemsPerPage>\d+/, `<opensearch:itemsPerPage>${max}`)
        .replace(/<opensearch:totalResults>\d+/, `<opensearch:totalResults>${options.claimedTotal ?? perWindow}`)
        .replace(/<opensearch:startIndex>\d+/, `<opensearch:startIndex>${start}`) +
      entries.join('\n') +
      '\n</feed>\n';
    replyText(body)(req, res);
  };
  return api;
}

export interface FakeOai {
  reply: Reply;
  queries: URLSearchParams[];
}

/** ListRecords over `pages` pages per set; tokens are `<set>|<page>`; `badTokens` answers badResumptionToken. */
export function createFakeOai(options: { pages?: number; badTokens?: boolean } = {}): FakeOai {
  const pages = options.pages ?? 2;
  const fixture = readFixture(
    'oai-listrecords-arXiv-new-endpoint-set-physics_physics_plasm-ph-2026-01-05-3records.xml',
  );
  const oai: FakeOai = { queries: [], reply: () => {} };
  oai.reply = (req, res) => {
    const query = new URL(req.url ?? '/', 'http://fake').searchParams;
    oai.queries.push(query);
    const token = query.get('resumptionToken');
    if (token !== null && options.badTokens) {
      const error =
        '<error code="badResumptionToken">The value of the resumptionToken argument is invalid or expired.</error>';
      return void replyText(fixture.replace(/<ListRecords>[\s\S]*<\/ListRecords>/, error))(req, res);
    }
    const [set, page] =
      token === null ? [query.get('set') ?? '', 1] : [token.split('|')[0]!, Number(token.split('|')[1])];
    const next =
      page < pages
        ? `<resumptionToken expirationDate="2026-12-31T00:00:00Z">${set}|${page + 1}</resumptionToken>`
        : '<resumptionToken/>';
    const tag = `${(OAI_SET_NUMBERS[set] ?? 9) * 10 + page}`;
    const body = fixture
      .replace(
        /(\d{4}\.)(\d{3})(\d{2})(?=<)/g,
        (_m, yymm: string, _x: string, tail: string) => `${yymm}${tag.padStart(3, '0')}${tail}`,
      )
      .replace('</ListRecords>', `${next}</ListRecords>`);
    replyText(body)(req, res);
  };
  return oai;
}

const OAI_SET_NUMBERS: Record<string, number> = { 'cs:cs:LG': 1, 'cs:cs:NE': 2, 'stat:stat:ML': 3 };
