// Conditional GET (RFC 9110 §13) and a small in-memory cache of rendered bodies, keyed by the
// canonical request and the data version: a 304 costs one SQL query, a hit no rendering, and each
// body is compressed once (gzip/brotli per Accept-Encoding, on libuv's threads) rather than per
// request. A page missing from the cache is rendered once however many ask for it at the same
// time, and a render that cannot be queued is answered 503 with Retry-After.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context as HonoContext } from 'hono';
import { QueueFullError } from '../app/worker-queue.ts';
import type { DataVersion } from '../store/read/version.ts';

export interface Rendered {
  status: 200 | 400 | 404;
  type: string;
  body: string;
}

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  status: Rendered['status'];
  type: string;
  raw: Buffer;
  /** A compressed body, or its compression under way. */
  encoded: Map<Exclude<Encoding, 'identity'>, Buffer | Promise<Buffer>>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Seconds a client is asked to wait when the render queue is full. */
export const BUSY_RETRY_AFTER_S = 2;

export function createEtag(key: string, version: DataVersion): string {
  return `W/"${createHash('sha1').update(key).update('\0').update(version.tag).digest('base64url').slice(0, 22)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  // What a client sends back is the ETag it was given: one comparison.
  if (header === etag) return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === bare;
  });
}

function isNotModifiedSince(header: string | undefined, lastModified: string | undefined): boolean {
  if (header === undefined || lastModified === undefined) return false;
  const since = Date.parse(header);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

export function chooseEncoding(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  const offered = new Set(
    accept
      .split(',')
      .filter((part) => !/;\s*q=0(\.0*)?\s*$/.test(part))
      .map((part) => part.split(';')[0]!.trim()),
  );
  if (offered.has('br')) return 'br';
  if (offered.has('gzip')) return 'gzip';
  return 'identity';
}

function encode(entry: Entry, encoding: Encoding): Buffer | Promise<Buffer> {
  // Small bodies are not worth the CPU of the client inflating them.
  if (encoding === 'identity' || entry.raw.length < 1024) return entry.raw;
  const known = entry.encoded.get(encoding);
  if (known !== undefined) return known;
  const pending =
    encoding === 'gzip'
      ? gzipAsync(entry.raw, { level: 6 })
      : brotliAsync(entry.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
  entry.encoded.set(encoding, pending);
  void pending.then((bytes) => entry.encoded.set(encoding, bytes));
  return pending;
}

/**
 * A segmented LRU: a new body enters on probation and is kept only if asked for again. A flood of
 * one-off addresses (every day of the archive, say) then churns the probation segment while the
 * pages people keep asking for stay in the protected one.
 */
function createSegmentedLru<V>(probationSize: number, protectedSize: number) {
  const probation = new Map<string, V>();
  const kept = new Map<string, V>();
  const admit = (key: string, value: V) => {
    probation.delete(key);
    probation.set(key, value);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (probation.size > probationSize) probation.delete(probation.keys().next().value!);
  };
  return {
    get(key: string): V | undefined {
      const value = kept.get(key) ?? probation.get(key);
      if (value === undefined) return undefined;
      probation.delete(key);
      kept.delete(key);
      kept.set(key, value);
      if (kept.size > protectedSize) {
        const [oldest, demoted] = kept.entries().next().value!;
        kept.delete(oldest);
        admit(oldest, demoted);
      }
      return value;
    },
    set: admit,
  };
}

export interface Responder {
  respond(
    c: HonoContext,
    key: string,
    version: DataVersion,
    render: () => Rendered | Promise<Rendered>,
  ): Response | Promise<Response>;
}

export function createResponder(sizes = { probation: 32, kept: 96 }): Responder {
  const cache = createSegmentedLru<Entry>(sizes.probation, sizes.kept);
  const rendering = new Map<string, Promise<Entry>>();
  const renderOnce = (cacheKey: string, render: () => Rendered | Promise<Rendered>): Promise<Entry> => {
    let pending = rendering.get(cacheKey);
    if (pending === undefined) {
      pending = Promise.resolve()
        .then(render)
        .then((rendered) => ({ ...rendered, raw: Buffer.from(rendered.body, 'utf8'), encoded: new Map() }));
      rendering.set(cacheKey, pending);
      pending.then(
        (entry) => (rendering.delete(cacheKey), cache.set(cacheKey, entry)),
        () => rendering.delete(cacheKey),
      );
    }
    return pending;
  };
  // The ETag of each address at its latest version: hashed once per change, not per request.
  const etags = createSegmentedLru<{ tag: string; etag: string }>(sizes.probation, sizes.kept);
  const etagOf = (key: string, version: DataVersion): string => {
    const known = etags.get(key);
    if (known?.tag === version.tag) return known.etag;
    const etag = createEtag(key, version);
    etags.set(key, { tag: version.tag, etag });
    return etag;
  };
  return {
    respond(c, key, version, render) {
      const etag = etagOf(key, version);
      const validators: Record<string, string> = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
      if (version.lastModified) validators['Last-Modified'] = version.lastModified;
      const inm = c.req.header('if-none-match');
      if (
        matchesEtag(inm, etag) ||
        (inm === undefined && isNotModifiedSince(c.req.header('if-modified-since'), version.lastModified))
      ) {
        return c.body(null, 304, validators);
      }
      const cacheKey = `${key}\0${version.tag}`;
      const entry = cache.get(cacheKey);
      if (entry !== undefined) return send(c, entry, validators);
      return renderOnce(cacheKey, render).then(
        (rendered) => send(c, rendered, validators),
        (error: unknown) => {
          if (!(error instanceof QueueFullError)) throw error;
          return c.text('The server is busy; try again in a few seconds.\n', 503, {
            'Retry-After': String(BUSY_RETRY_AFTER_S),
            'Cache-Control': 'no-store',
          });
        },
      );
    },
  };
}

function send(c: HonoContext, entry: Entry, validators: Record<string, string>): Response | Promise<Response> {
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  const headers: Record<string, string> = { ...validators, 'Content-Type': entry.type };
  const body = encode(entry, encoding);
  const reply = (bytes: Buffer) => {
    if (bytes !== entry.raw) headers['Content-Encoding'] = encoding;
    return c.body(bytes as Uint8Array<ArrayBuffer>, entry.status, headers);
  };
  return body instanceof Promise ? body.then(reply) : reply(body);
}
