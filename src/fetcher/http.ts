// The polite arXiv HTTP client.
// arXiv's terms of use (https://info.arxiv.org/help/api/tou.html) allow one connection at a
// time and at most one request every 3 seconds, for the API, RSS and OAI-PMH alike, counted
// per user. So: build ONE client per process and send every arXiv request through it; it
// serialises get() calls and spaces the START of every request, retries included.
//
// Failures: get() resolves only for 2xx and 304. Everything else rejects with one HttpError
// (`.url`, `.status?`, `.attempts`, `.kind`, one-line message "<url>: <reason>"). A 4xx other
// than 429 is thrown at once, not retried, with the body in `.body` and arXiv's own
// explanation (API Atom error entry, RSS "Feed error", OAI <error>) in `.serverMessage`
// and at the end of the message, e.g. "…: HTTP 400 Bad Request: incorrect id format for abc".
import { Agent, request, type Dispatcher } from 'undici';
import { decodeLeniently, decodeUtf8, flattenHeaders, readBody, readValidators } from './http-body.ts';
import { classifyStatus, classifyThrown, type AttemptFailure, type HttpErrorKind } from './http-failure.ts';
import {
  computeBackoffMs,
  createLocalGate,
  createQueue,
  formatDuration,
  linkSignals,
  type RequestGate,
} from './pacing.ts';
import { sleepFor, type Sleep } from '../sleep.ts';
import type { Validators } from '../types.ts';

export type { HttpErrorKind } from './http-failure.ts';
export type { RequestGate } from './pacing.ts';

export interface HttpResponse {
  url: string;
  status: number;
  /** 304: the caller's copy is current and `body` is empty (RFC 9110 §15.4.5). */
  notModified: boolean;
  body: string;
  /** To be stored by the caller in the same transaction that ingests `body`. */
  validators: Validators;
  headers: Record<string, string>;
  attempts: number;
}

export type HttpEvent =
  | { type: 'request'; url: string; attempt: number }
  | { type: 'response'; url: string; attempt: number; status: number; ms: number }
  | { type: 'retry'; url: string; attempt: number; waitMs: number; reason: string };

export interface HttpClientOptions {
  /** `arxiv-curator/<version> (+<contact>)`, built by config. */
  userAgent: string;
  /** Between the end of one exchange and the start of the next; arXiv asks for 3000. */
  minIntervalMs: number;
  /** Default: a gate pacing this client alone by minIntervalMs, with `now` and `sleep`. */
  gate?: RequestGate;
  /** When given, connectTimeoutMs is the dispatcher's business and close() leaves it open. */
  dispatcher?: Dispatcher;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Longest silence between two body chunks. */
  bodyTimeoutMs?: number;
  /** Whole attempt, the longest any response may take however fast it arrives. */
  deadlineMs?: number;
  /** The slowest a body may arrive on average (bytes/s), after `rateGraceMs` (http-body.ts MinimumRate). */
  minBytesPerSecond?: number;
  rateGraceMs?: number;
  /** Cap on the DECOMPRESSED body. */
  maxBytes?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Longest single wait; a longer Retry-After makes get() give up instead of sleeping. */
  maxRetryWaitMs?: number;
  log?: (event: HttpEvent) => void;
  /** Aborts every wait and request of this client (SIGTERM). */
  signal?: AbortSignal;
}

export interface HttpClient {
  get(url: string, options?: { validators?: Validators; signal?: AbortSignal }): Promise<HttpResponse>;
  /** Stops accepting requests and closes the client's own connections. */
  close(): Promise<void>;
}

export class HttpError extends Error {
  override name = 'HttpError';
  readonly url: string;
  readonly kind: HttpErrorKind;
  readonly status: number | undefined;
  readonly attempts: number;
  /** The response body of a failed status, for a caller that wants more than serverMessage. */
  readonly body: string | undefined;
  readonly serverMessage: string | undefined;

  constructor(init: AttemptFailure & { url: string; attempts: number }) {
    super(`${init.url}: ${init.reason.replace(/\s+/g, ' ')}`, { cause: init.cause });
    this.url = init.url;
    this.kind = init.kind;
    this.status = init.status;
    this.attempts = init.attempts;
    this.body = init.body;
    this.serverMessage = init.serverMessage;
  }
}

const DEFAULTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 60_000,
  bodyTimeoutMs: 60_000,
  deadlineMs: 300_000,
  // 4 KB/s after 15 s: a 5 MB feed (a full day) may take at most ~21 min by rate, so the 300 s
  // deadline binds for big bodies and this for dripping ones: a byte a second fails in 15 s.
  minBytesPerSecond: 4096,
  rateGraceMs: 15_000,
  maxBytes: 50 * 1024 * 1024,
  maxAttempts: 4,
  retryBaseMs: 2_000,
  maxRetryWaitMs: 300_000,
};

type Settings = typeof DEFAULTS &
  Required<Pick<HttpClientOptions, 'userAgent' | 'minIntervalMs' | 'now' | 'sleep' | 'random' | 'log'>>;
type Outcome = { ok: true; response: HttpResponse } | { ok: false; failure: AttemptFailure };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const settings = readSettings(options);
  // connections: 1 — arXiv's "one connection at a time".
  const own = options.dispatcher
    ? undefined
    : new Agent({ connect: { timeout: settings.connectTimeoutMs }, connections: 1 });
  const dispatcher: Dispatcher = options.dispatcher ?? (own as Agent);
  const runInTurn = createQueue();
  const gate = options.gate ?? createLocalGate(settings);
  let closed = false;

  async function get(
    url: string,
    getOptions: { validators?: Validators; signal?: AbortSignal } = {},
  ): Promise<HttpResponse> {
    if (closed)
      throw new HttpError({ url, kind: 'aborted', reason: 'the HTTP client is closed', retryable: false, attempts: 0 });
    const link = linkSignals([options.signal, getOptions.signal]);
    const progress = { attempts: 0 };
    try {
      return await runInTurn(link.signal, () =>
        fetchWithRetries(url, getOptions.validators ?? {}, link.signal, progress),
      );
    } catch (err) {
      if (err instanceof HttpError) throw err;
      // Only the waits (queue, pacing, backoff) get here, normally because of an abort.
      const reason = link.signal.aborted ? 'aborted' : String((err as Error)?.message ?? err);
      throw new HttpError({ url, kind: 'aborted', reason, retryable: false, attempts: progress.attempts, cause: err });
    } finally {
      link.dispose();
    }
  }

  async function fetchWithRetries(
    url: string,
    validators: Validators,
    signal: AbortSignal,
    progress: { attempts: number },
  ) {
    let waitMs = 0;
    for (;;) {
      // A retry waits its backoff (or Retry-After), then whatever is left of the gate's pause.
      if (waitMs > 0) await settings.sleep(waitMs, signal);
      const pass = await gate.enter(signal);
      const attempt = ++progress.attempts;
      let outcome: Outcome;
      try {
        outcome = await attemptOnce(url, validators, signal, attempt);
      } finally {
        await pass.leave();
      }
      if (outcome.ok) return outcome.response;
      waitMs = decideRetry(url, outcome.failure, attempt);
    }
  }

  /** Returns the wait before the next attempt, or throws the final HttpError. */
  function decideRetry(url: string, failure: AttemptFailure, attempt: number): number {
    const giveUp = (reason: string) =>
      new HttpError({ ...failure, url, attempts: attempt, reason: withServerMessage(reason, failure) });
    if (!failure.retryable) throw giveUp(failure.reason);
    if (attempt >= settings.maxAttempts) {
      const tries = failure.kind === 'status' ? ` after ${attempt} attempts` : `; gave up after ${attempt} attempts`;
      throw giveUp(attempt > 1 ? failure.reason + tries : failure.reason);
    }
    const { retryAfterMs } = failure;
    if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryWaitMs) {
      const cap = formatDuration(settings.maxRetryWaitMs);
      throw giveUp(
        `${failure.reason}; Retry-After asks for ${formatDuration(retryAfterMs)}, more than the ${cap} cap, so giving up`,
      );
    }
    const waitMs =
      retryAfterMs ?? computeBackoffMs(attempt, settings.retryBaseMs, settings.maxRetryWaitMs, settings.random);
    settings.log({ type: 'retry', url, attempt, waitMs, reason: failure.reason });
    return waitMs;
  }

  async function attemptOnce(
    url: string,
    validators: Validators,
    signal: AbortSignal,
    attempt: number,
  ): Promise<Outcome> {
    const link = linkSignals([signal], settings.deadlineMs);
    const startedMs = settings.now();
    settings.log({ type: 'request', url, attempt });
    try {
      const res = await request(url, {
        dispatcher,
        method: 'GET',
        headers: buildRequestHeaders(settings.userAgent, validators),
        headersTimeout: settings.headersTimeoutMs,
        bodyTimeout: settings.bodyTimeoutMs,
        signal: link.signal,
      });
      settings.log({ type: 'response', url, attempt, status: res.statusCode, ms: settings.now() - startedMs });
      return await readResponse(url, res, validators, attempt);
    } catch (err) {
      return {
        ok: false,
        failure: classifyThrown(err, { aborted: signal.aborted, timedOut: link.timedOut() }, settings),
      };
    } finally {
      link.dispose();
    }
  }

  async function readResponse(
    url: string,
    res: Dispatcher.ResponseData,
    sent: Validators,
    attempts: number,
  ): Promise<Outcome> {
    const { statusCode: status, headers } = res;
    const base = { url, status, headers: flattenHeaders(headers), attempts };
    if (status === 304) {
      await res.body.dump();
      // RFC 9110 §15.4.5: 304 answers a conditional request. To one that was not, it says nothing
      // about our copy (there is none): a misbehaving server or proxy, not "unchanged".
      if (sent.etag === undefined && sent.lastModified === undefined)
        return {
          ok: false,
          failure: {
            kind: 'status',
            status,
            retryable: false,
            reason: 'HTTP 304 Not Modified to a request that was not conditional (no ETag or Last-Modified stored)',
          },
        };
      return {
        ok: true,
        response: { ...base, notModified: true, body: '', validators: readValidators(headers, sent) },
      };
    }
    if (status >= 200 && status < 300) {
      const rate = { bytesPerSecond: settings.minBytesPerSecond, graceMs: settings.rateGraceMs };
      const body = decodeUtf8(await readBody(res.body, headers, settings.maxBytes, rate));
      return { ok: true, response: { ...base, notModified: false, body, validators: readValidators(headers, {}) } };
    }
    // Read error bodies too (capped) for arXiv's explanation; failing to read one must not hide the status.
    const body = await readBody(res.body, headers, settings.maxBytes).then(decodeLeniently, () => '');
    return { ok: false, failure: classifyStatus(status, headers, body, settings.now()) };
  }

  async function close(): Promise<void> {
    closed = true;
    await own?.close();
  }

  return { get, close };
}

function readSettings(o: HttpClientOptions): Settings {
  // arXiv asks API users to identify themselves; an anonymous client is a wiring bug.
  if (!o.userAgent.trim()) throw new TypeError('createHttpClient: userAgent is required');
  if (!(o.minIntervalMs >= 0)) throw new TypeError(`createHttpClient: minIntervalMs ${o.minIntervalMs} is not >= 0`);
  const numbers = Object.fromEntries(
    Object.entries(DEFAULTS).map(([name, fallback]) => [name, o[name as keyof typeof DEFAULTS] ?? fallback]),
  ) as typeof DEFAULTS;
  const { userAgent, minIntervalMs } = o;
  return {
    ...numbers,
    userAgent,
    minIntervalMs,
    now: o.now ?? Date.now,
    sleep: o.sleep ?? sleepFor,
    random: o.random ?? Math.random,
    log: o.log ?? (() => {}),
  };
}

// RFC 9110 §13.1.1 / §13.1.3: send the validators back exactly as the server gave them.
function buildRequestHeaders(userAgent: string, validators: Validators): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, 'accept-encoding': 'gzip' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

function withServerMessage(reason: string, failure: AttemptFailure): string {
  return failure.serverMessage ? `${reason}: ${failure.serverMessage}` : reason;
}
