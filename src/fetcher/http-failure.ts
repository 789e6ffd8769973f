// Sorting failures once, at the edge (as miniflux's response_handler does): every way an
// attempt can fail becomes an AttemptFailure with a one-line reason and a retry verdict.
import { STATUS_CODES } from 'node:http';
import { formatDuration, parseRetryAfter } from './pacing.ts';
import { BodyError, type IncomingHttpHeaders } from './http-body.ts';
import { decodeXml } from './entities.ts';

export type HttpErrorKind = 'status' | 'timeout' | 'network' | 'truncated' | 'too-large' | 'decode' | 'aborted';

export interface AttemptFailure {
  kind: HttpErrorKind;
  reason: string;
  retryable: boolean;
  status?: number;
  body?: string;
  serverMessage?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

export interface Timeouts {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  deadlineMs: number;
}

// Transient network conditions worth another try; anything else (TLS, bad URL, bugs) is not.
const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_SOCKET: 'connection closed by the server',
  EPIPE: 'connection closed by the server',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed',
};

/** Classify anything thrown while requesting or reading. `aborted`/`timedOut` say which signal fired. */
export function classifyThrown(
  err: unknown,
  state: { aborted: boolean; timedOut: boolean },
  timeouts: Timeouts,
): AttemptFailure {
  if (state.aborted) return { kind: 'aborted', reason: 'aborted', retryable: false, cause: err };
  if (state.timedOut) {
    const reason = `timed out after ${formatDuration(timeouts.deadlineMs)} (whole response)`;
    return { kind: 'timeout', reason, retryable: true, cause: err };
  }
  if (err instanceof BodyError) return { kind: err.kind, reason: err.message, retryable: err.retryable, cause: err };
  const code = readCode(err);
  const waiting: Record<string, [number, string]> = {
    UND_ERR_CONNECT_TIMEOUT: [timeouts.connectTimeoutMs, 'connecting'],
    UND_ERR_HEADERS_TIMEOUT: [timeouts.headersTimeoutMs, 'waiting for the response headers'],
    UND_ERR_BODY_TIMEOUT: [timeouts.bodyTimeoutMs, 'waiting for the body'],
  };
  const timeout = code === undefined ? undefined : waiting[code];
  if (timeout)
    return {
      kind: 'timeout',
      reason: `timed out after ${formatDuration(timeout[0])} ${timeout[1]}`,
      retryable: true,
      cause: err,
    };
  const network = code === undefined ? undefined : NETWORK[code];
  if (network) return { kind: 'network', reason: network, retryable: true, cause: err };
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'network', reason: message, retryable: false, cause: err };
}

/**
 * A non-2xx, non-304 status. 429 and 5xx are retryable (RFC 9110 §15.5.20 / §15.6; RFC 6585 §4);
 * other 4xx are the caller's mistake and repeating them would only add load on arXiv.
 */
export function classifyStatus(
  status: number,
  headers: IncomingHttpHeaders,
  body: string,
  nowMs: number,
): AttemptFailure {
  const serverMessage = extractServerMessage(body);
  let reason = `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd();
  // Redirects are not followed: the configured URLs are arXiv's canonical ones, so a move
  // is news for the operator, and following would skip the per-request pacing.
  const location = headers['location'];
  if (status >= 300 && status < 400 && location) reason += ` to ${String(location)} (redirects are not followed)`;
  const retryable = status === 429 || status >= 500;
  const retryAfter = headers['retry-after'];
  const retryAfterMs = retryable
    ? parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, nowMs)
    : undefined;
  return {
    kind: 'status',
    reason,
    retryable,
    status,
    body,
    ...(serverMessage && { serverMessage }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
}

/**
 * arXiv's own explanation inside an error body, so the one-line message can show it:
 * the API's Atom feed with an <entry> titled "Error" (user-manual.html, "Errors"), the RSS
 * service's feed titled "Feed error for query: …" (arxiv-feed), and OAI-PMH <error code>.
 */
export function extractServerMessage(body: string): string | undefined {
  const atom = /<entry\b[\s\S]*?<title[^>]*>\s*Error\s*<\/title>[\s\S]*?<summary[^>]*>([\s\S]*?)<\/summary>/.exec(body);
  const rss = /<title[^>]*>\s*Feed error\b/.test(body)
    ? /<description[^>]*>([\s\S]*?)<\/description>/.exec(body)
    : null;
  const oai = /<error\b[^>]*code="([^"]*)"[^>]*>([\s\S]*?)<\/error>/.exec(body);
  const raw = atom?.[1] ?? rss?.[1] ?? (oai ? `${oai[1]}: ${oai[2]}` : undefined);
  if (raw === undefined) return undefined;
  const text = decodeXml(raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1'))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

// Node reports some connect failures as an AggregateError (one per address tried).
function readCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown }; errors?: { code?: unknown }[] } | null;
  const code = e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}
