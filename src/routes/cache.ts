// Conditional GET (RFC 9110 §13) and a small in-memory cache of rendered bodies, keyed by the
// canonical request and the data version: a 304 costs one SQL query, a hit no rendering, and each
// body is compressed once (gzip/brotli per Accept-Encoding, on libuv's threads) rather than per
// request. A page missing from the cache is rendered once however many ask for it at the same
// time, and a render that cannot be queued is answered 503 with Retry-After. While it renders, the
// address's previous body answers those who ask after the first (stale-while-revalidate), unless
// the reader did something since (`reader` of the version): the first asker, and a reader after a
// save, get the new page.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context as HonoContext } from 'hono';
import { QueueClosedError, QueueFullError } from '../app/worker-queue.ts';
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
  /** The answer in each encoding with the validators it was last sent with: built once per change. */
  answers: Map<Encoding, Filled>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Seconds a client is asked to wait when the render queue is full. */
export const BUSY_RETRY_AFTER_S = 2;

/**
 * A version as the cache sees it: the data version and what else the page depends on (its tag),
 * and what the reader did up to it (`reader`: their own writes, the starred list, the configuration
 * files, the day). A body of another tag with the same `reader` may answer while this one renders;
 * unset, none may.
 */
export interface CacheVersion extends DataVersion {
  reader?: string;
}

/** The last body rendered for an address, the headers it was sent with, and the version it is of. */
interface Previous {
  tag: string;
  reader: string | undefined;
  /** Which render made it: a slower render of an older version never replaces a newer one. */
  order: number;
  entry: Entry;
  etag: string;
  headers: Record<string, string>;
}

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

export interface SegmentedLru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * A segmented LRU: a new body enters on probation and is kept only if asked for again. A flood of
 * one-off addresses (every day of the archive, say) then churns the probation segment while the
 * pages people keep asking for stay in the protected one. A new value for a key replaces the old
 * one where it is.
 */
export function createSegmentedLru<V>(probationSize: number, protectedSize: number): SegmentedLru<V> {
  const probation = new Map<string, V>();
  const kept = new Map<string, V>();
  // The key asked last is already the newest in kept: a run of requests for one address moves nothing.
  let newest: string | undefined;
  const admit = (key: string, value: V) => {
    probation.delete(key);
    probation.set(key, value);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (probation.size > probationSize) probation.delete(probation.keys().next().value!);
  };
  return {
    get(key: string): V | undefined {
      if (key === newest) return kept.get(key);
      const value = kept.get(key) ?? probation.get(key);
      if (value === undefined) return undefined;
      probation.delete(key);
      kept.delete(key);
      kept.set(key, value);
      newest = key;
      if (kept.size > protectedSize) {
        const [oldest, demoted] = kept.entries().next().value!;
        kept.delete(oldest);
        admit(oldest, demoted);
      }
      return value;
    },
    set(key: string, value: V): void {
      // A kept key keeps its place; left in kept, the old value would be the one get() finds.
      if (kept.has(key)) {
        kept.delete(key);
        kept.set(key, value);
        newest = key;
      } else admit(key, value);
    },
  };
}

/** What a request asks of a cached body: its conditional and encoding headers. */
export interface Asked {
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
  acceptEncoding?: string | undefined;
}

/** A cached body in the encoding the client takes, with its headers. */
interface Filled {
  status: Rendered['status'];
  headers: Record<string, string>;
  body: Buffer;
  /** The validators the headers hold. */
  validators: Record<string, string>;
}

/** A response ready to write: a 304, or a cached body. */
export type Ready = Filled | { status: 304; headers: Record<string, string>; body: null; validators?: undefined };

export interface Responder {
  /**
   * The response when it needs no work: a 304, or a cached body already compressed as asked.
   * Undefined when the body must be rendered or compressed first (respond does that).
   */
  lookup(key: string, version: CacheVersion, asked: Asked): Ready | undefined;
  respond(
    c: HonoContext,
    key: string,
    version: CacheVersion,
    render: () => Rendered | Promise<Rendered>,
  ): Response | Promise<Response>;
}

export interface ResponderOptions {
  probation?: number;
  kept?: number;
  /**
   * How long the first asker of a new version waits for its render before the previous body answers
   * it too (when it may: the reader did nothing since). Unset: until the render is done.
   */
  firstWaitMs?: number | undefined;
}

export function createResponder(options: ResponderOptions = {}): Responder {
  const sizes = { probation: options.probation ?? 32, kept: options.kept ?? 96 };
  const cache = createSegmentedLru<Entry>(sizes.probation, sizes.kept);
  const rendering = new Map<string, Promise<Entry>>();
  const previous = createSegmentedLru<Previous>(sizes.probation, sizes.kept);
  let renders = 0;
  const renderOnce = (
    key: string,
    version: CacheVersion,
    render: () => Rendered | Promise<Rendered>,
    encoding: Encoding,
  ): Promise<Entry> => {
    const cacheKey = `${key}\0${version.tag}`;
    let pending = rendering.get(cacheKey);
    if (pending === undefined) {
      const order = ++renders;
      const keep = (entry: Entry) => {
        cache.set(cacheKey, entry);
        if ((previous.get(key)?.order ?? 0) > order) return;
        const etag = createEtag(key, version);
        previous.set(key, {
          tag: version.tag,
          reader: version.reader,
          order,
          entry,
          etag,
          headers: headersOf(etag, version),
        });
      };
      pending = Promise.resolve()
        .then(render)
        .then((rendered) => {
          const entry: Entry = {
            ...rendered,
            raw: Buffer.from(rendered.body, 'utf8'),
            encoded: new Map(),
            answers: new Map(),
          };
          // Compressed as the first asker takes it before it is the page: those asking the same meanwhile
          // get the previous body (a 1 MB page takes brotli tens of milliseconds) rather than wait.
          return Promise.resolve(encode(entry, encoding)).then(() => entry);
        });
      rendering.set(cacheKey, pending);
      pending.then(
        (entry) => (rendering.delete(cacheKey), keep(entry)),
        () => rendering.delete(cacheKey),
      );
    }
    return pending;
  };
  // While this version of the address renders, its previous body, when the reader did nothing since.
  const previousOf = (key: string, version: CacheVersion): Previous | undefined => {
    const last = version.reader === undefined ? undefined : previous.get(key);
    return last !== undefined && last.tag !== version.tag && last.reader === version.reader ? last : undefined;
  };
  const standInFor = (key: string, version: CacheVersion): Previous | undefined =>
    rendering.has(`${key}\0${version.tag}`) ? previousOf(key, version) : undefined;
  // The first asker's render, or the previous body once it took firstWaitMs (a flood starving the render).
  const renderOrWait = (fresh: Promise<Ready>, last: Previous | undefined, asked: Asked): Promise<Ready> => {
    if (last === undefined || options.firstWaitMs === undefined) return fresh;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<Ready>((resolve) => {
      timer = setTimeout(() => resolve(answerStandIn(last, asked)), options.firstWaitMs);
    });
    return Promise.race([fresh, waited]).finally(() => clearTimeout(timer));
  };
  const answerStandIn = (last: Previous, asked: Asked): Ready | Promise<Ready> =>
    matchesEtag(asked.ifNoneMatch, last.etag)
      ? { status: 304, headers: last.headers, body: null }
      : prepare(last.entry, last.headers, asked.acceptEncoding);
  // The validators of each address at its latest version: hashed once per change, not per request.
  // Last-Modified joins a version's validators once its second is over (store/read/version.ts).
  const validated = createSegmentedLru<{
    tag: string;
    lastModified: string | undefined;
    etag: string;
    headers: Record<string, string>;
  }>(sizes.probation, sizes.kept);
  const validatorsOf = (key: string, version: DataVersion) => {
    const known = validated.get(key);
    if (known?.tag === version.tag && known.lastModified === version.lastModified) return known;
    const etag = known?.tag === version.tag ? known.etag : createEtag(key, version);
    const fresh = { tag: version.tag, lastModified: version.lastModified, etag, headers: headersOf(etag, version) };
    validated.set(key, fresh);
    return fresh;
  };
  const notModified = (etag: string, version: DataVersion, asked: Asked) =>
    matchesEtag(asked.ifNoneMatch, etag) ||
    (asked.ifNoneMatch === undefined && isNotModifiedSince(asked.ifModifiedSince, version.lastModified));
  return {
    lookup(key, version, asked) {
      const { etag, headers } = validatorsOf(key, version);
      if (notModified(etag, version, asked)) return { status: 304, headers, body: null };
      const entry = cache.get(`${key}\0${version.tag}`);
      const standIn = entry === undefined ? standInFor(key, version) : undefined;
      if (entry === undefined && standIn === undefined) return undefined;
      const ready = standIn ? answerStandIn(standIn, asked) : prepare(entry!, headers, asked.acceptEncoding);
      return ready instanceof Promise ? undefined : ready;
    },
    respond(c, key, version, render) {
      const asked: Asked = {
        ifNoneMatch: c.req.header('if-none-match'),
        ifModifiedSince: c.req.header('if-modified-since'),
        acceptEncoding: c.req.header('accept-encoding'),
      };
      const { etag, headers } = validatorsOf(key, version);
      if (notModified(etag, version, asked)) return c.body(null, 304, headers);
      const reply = (ready: Ready) =>
        ready.body === null
          ? c.body(null, 304, ready.headers)
          : c.body(ready.body as Uint8Array<ArrayBuffer>, ready.status, ready.headers);
      const entry = cache.get(`${key}\0${version.tag}`);
      const standIn = entry === undefined ? standInFor(key, version) : undefined;
      const prepared = standIn
        ? answerStandIn(standIn, asked)
        : entry !== undefined
          ? prepare(entry, headers, asked.acceptEncoding)
          : undefined;
      if (prepared !== undefined && !(prepared instanceof Promise)) return reply(prepared);
      const rendered = () =>
        renderOnce(key, version, render, chooseEncoding(asked.acceptEncoding)).then((fresh) =>
          prepare(fresh, headers, asked.acceptEncoding),
        );
      return (
        prepared ?? renderOrWait(rendered(), entry === undefined ? previousOf(key, version) : undefined, asked)
      ).then(reply, (error: unknown) => {
        // A full render queue, or serve stopping with the render still to do: try again shortly.
        if (!(error instanceof QueueFullError || error instanceof QueueClosedError)) throw error;
        const why = error instanceof QueueFullError ? 'is busy' : 'is restarting';
        return c.text(`The server ${why}; try again in a few seconds.\n`, 503, {
          'Retry-After': String(BUSY_RETRY_AFTER_S),
          'Cache-Control': 'no-store',
        });
      });
    },
  };
}

/** The validators' headers of a body of `version`. */
function headersOf(etag: string, version: DataVersion): Record<string, string> {
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  if (version.lastModified) headers['Last-Modified'] = version.lastModified;
  return headers;
}

/** The entry in the encoding the client takes, with its headers; a promise while it is compressed. */
function prepare(
  entry: Entry,
  validators: Record<string, string>,
  acceptEncoding: string | undefined,
): Filled | Promise<Filled> {
  const encoding = chooseEncoding(acceptEncoding);
  const known = entry.answers.get(encoding);
  // The validators of an address are one object until its version moves (validatorsOf).
  if (known?.validators === validators) return known;
  const body = encode(entry, encoding);
  const ready = (bytes: Buffer): Filled => {
    const headers: Record<string, string> = { ...validators, 'Content-Type': entry.type };
    if (bytes !== entry.raw) headers['Content-Encoding'] = encoding;
    const filled = { status: entry.status, headers, body: bytes, validators };
    entry.answers.set(encoding, filled);
    return filled;
  };
  return body instanceof Promise ? body.then(ready) : ready(body);
}
