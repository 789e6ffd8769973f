// Reading a response: decompress the body as it streams, cap the DECOMPRESSED size, tell a
// body that ended early (fewer bytes than Content-Length) from other failures, pick out the
// validators. undici's request() does not decompress, and its decompress interceptor is
// experimental and drops Content-Length, which we need to report truncation: node:zlib it is.
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Validators } from '../types.ts';
import { decodeUtf8Strict, Utf8Error } from './utf8.ts';

/** Response headers as undici gives them (lower-case names). */
export type IncomingHttpHeaders = Record<string, string | string[] | undefined>;

/** A body problem with a ready-made reason; the client turns it into an HttpError. */
export class BodyError extends Error {
  override name = 'BodyError';
  readonly kind: 'too-large' | 'truncated' | 'decode' | 'timeout';
  readonly retryable: boolean;

  constructor(kind: BodyError['kind'], reason: string, retryable: boolean, options?: ErrorOptions) {
    super(reason, options);
    this.kind = kind;
    this.retryable = retryable;
  }
}

// Errors that mean "the connection went away mid-body" rather than a timeout or an abort.
const CUT_OFF = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'Z_BUF_ERROR']);

/**
 * The slowest a body may arrive, on average since its first byte, once `graceMs` has passed. A
 * server dripping a byte a second never trips the between-chunks timeout; this stops it in
 * seconds. It also makes the whole response's deadline fit its size: a body of N bytes has at
 * most max(graceMs, N / bytesPerSecond) to arrive.
 */
export interface MinimumRate {
  bytesPerSecond: number;
  graceMs: number;
}

export async function readBody(
  body: Readable,
  headers: IncomingHttpHeaders,
  maxBytes: number,
  rate?: MinimumRate,
): Promise<Buffer> {
  const expected = readContentLength(headers);
  const decoders = createDecoders(headers['content-encoding']);
  if (decoders.length === 0 && expected !== undefined && expected > maxBytes) {
    // Abandoning the body closes the connection; the resulting 'error' is expected, not news.
    body.on('error', () => {});
    body.destroy();
    throw new BodyError('too-large', `body larger than ${formatBytes(maxBytes)} (Content-Length ${expected})`, false);
  }
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(null, chunk);
    },
  });
  const watch =
    rate === undefined
      ? undefined
      : watchRate(
          rate,
          () => received,
          (error) => counter.destroy(error),
        );
  const chunks: Buffer[] = [];
  let size = 0;
  // The cap is checked on decompressed bytes as they arrive, so a gzip bomb is cut off
  // after at most one zlib chunk (16 KiB) past the limit instead of being inflated in full.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new BodyError('too-large', `body larger than ${formatBytes(maxBytes)}`, false));
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline([body, counter, ...decoders, sink]);
  } catch (err) {
    throw explainBodyFailure(err, received, expected);
  } finally {
    watch?.stop();
  }
  return Buffer.concat(chunks, size);
}

/** Checks the average rate every second once the grace period is over; `stop` calls it off. */
function watchRate(rate: MinimumRate, received: () => number, fail: (error: BodyError) => void) {
  const started = Date.now();
  const check = () => {
    const elapsedMs = Date.now() - started;
    const perSecond = (received() * 1000) / elapsedMs;
    if (perSecond >= rate.bytesPerSecond) return;
    const reason = `body arriving at ${formatBytes(Math.floor(perSecond))}/s (${formatBytes(received())} in ${(elapsedMs / 1000).toFixed(1)} s), below the minimum of ${formatBytes(rate.bytesPerSecond)}/s`;
    fail(new BodyError('timeout', reason, true));
  };
  let timer: NodeJS.Timeout | undefined;
  const grace = setTimeout(() => {
    check();
    timer = setInterval(check, Math.min(1000, rate.graceMs));
  }, rate.graceMs);
  return {
    stop: () => {
      clearTimeout(grace);
      clearInterval(timer);
    },
  };
}

function explainBodyFailure(err: unknown, received: number, expected: number | undefined): unknown {
  if (err instanceof BodyError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CUT_OFF.has(code)) {
    const of = expected === undefined ? '; the connection closed' : ` of ${expected}`;
    if (expected === undefined || received < expected) {
      return new BodyError('truncated', `body ended early (got ${received}${of} bytes)`, true, { cause: err });
    }
  }
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new BodyError('decode', `could not decompress the body (${(err as Error).message})`, false, { cause: err });
  }
  return err; // timeouts and aborts: the client classifies those
}

/** RFC 9110 §8.4: codings are listed in the order applied, so undo them in reverse. */
function createDecoders(header: string | string[] | undefined): Transform[] {
  const codings = [header ?? []]
    .flat()
    .join(',')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
    if (coding === 'deflate') return createInflate();
    if (coding === 'br') return createBrotliDecompress();
    throw new BodyError('decode', `unsupported Content-Encoding "${coding}"`, false);
  });
}

function readContentLength(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['content-length'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** "50 MB", "64 KB", "1000 bytes" (binary multiples, as the cap is configured). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} bytes`;
}

// A 304 may omit validators that did not change; keep the ones we sent then.
export function readValidators(headers: IncomingHttpHeaders, fallback: Validators): Validators {
  const etag = firstHeader(headers, 'etag') ?? fallback.etag;
  const lastModified = firstHeader(headers, 'last-modified') ?? fallback.lastModified;
  return { ...(etag !== undefined && { etag }), ...(lastModified !== undefined && { lastModified }) };
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const entries = Object.entries(headers).filter((e): e is [string, string | string[]] => e[1] !== undefined);
  return Object.fromEntries(entries.map(([name, value]) => [name, [value].flat().join(', ')]));
}

/** An error page is only read for arXiv's explanation: whatever it holds must not hide the status. */
export function decodeLeniently(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
}

// arXiv serves UTF-8; the decoder also drops a leading BOM, which would upset XML parsers. A body
// that is not UTF-8 is refused with where it goes wrong, not stored with U+FFFD in its titles.
export function decodeUtf8(bytes: Buffer): string {
  try {
    return decodeUtf8Strict(bytes);
  } catch (error) {
    if (error instanceof Utf8Error) throw new BodyError('decode', `the body is ${error.message}`, false);
    throw error;
  }
}
