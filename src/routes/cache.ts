// Conditional GET (RFC 9110 §13) and a small in-memory cache of rendered bodies, keyed by the
// request and the data version: a 304 costs one SQL query, a hit no rendering, and each body
// is compressed once (gzip/brotli per Accept-Encoding) rather than per request.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context as HonoContext } from 'hono';
import type { DataVersion } from '../store/read/version.ts';

export interface Rendered {
  status: 200 | 400 | 404;
  type: string;
  body: string;
}

interface Entry {
  status: Rendered['status'];
  type: string;
  etag: string;
  raw: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

type Encoding = 'br' | 'gzip' | 'identity';

export function createEtag(key: string, version: DataVersion): string {
  return `W/"${createHash('sha1').update(key).update('\0').update(version.tag).digest('base64url').slice(0, 22)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
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

function encode(entry: Entry, encoding: Encoding): Buffer {
  // Small bodies are not worth the CPU of the client inflating them.
  if (encoding === 'identity' || entry.raw.length < 1024) return entry.raw;
  if (encoding === 'gzip') return (entry.gzip ??= gzipSync(entry.raw, { level: 6 }));
  return (entry.br ??= brotliCompressSync(entry.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }));
}

export interface Responder {
  respond(c: HonoContext, key: string, version: DataVersion, render: () => Rendered): Response;
  /** The same for a body rendered elsewhere (a reader thread): a 304 or a cached body waits for nothing. */
  respondAsync(c: HonoContext, key: string, version: DataVersion, render: () => Promise<Rendered>): Promise<Response>;
}

export function createResponder(maxEntries = 128): Responder {
  const entries = new Map<string, Entry>();
  const remember = (cacheKey: string, entry: Entry) => {
    entries.set(cacheKey, entry);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  /** A 304 or a cached body, or how to send a body once it is rendered. */
  const answer = (c: HonoContext, key: string, version: DataVersion): Response | ((rendered: Rendered) => Response) => {
    const etag = createEtag(key, version);
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
    const send = (entry: Entry) => {
      remember(cacheKey, entry);
      const encoding = chooseEncoding(c.req.header('accept-encoding'));
      const body = encode(entry, encoding);
      const headers: Record<string, string> = { ...validators, 'Content-Type': entry.type };
      if (body !== entry.raw) headers['Content-Encoding'] = encoding;
      return c.body(body as Uint8Array<ArrayBuffer>, entry.status, headers);
    };
    const cached = entries.get(cacheKey);
    if (cached !== undefined) {
      entries.delete(cacheKey);
      return send(cached);
    }
    return (rendered) =>
      send({ status: rendered.status, type: rendered.type, etag, raw: Buffer.from(rendered.body, 'utf8') });
  };
  return {
    respond(c, key, version, render) {
      const found = answer(c, key, version);
      return typeof found === 'function' ? found(render()) : found;
    },
    async respondAsync(c, key, version, render) {
      const found = answer(c, key, version);
      return typeof found === 'function' ? found(await render()) : found;
    },
  };
}
