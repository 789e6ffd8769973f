// The polite client for hosts other than arXiv (blogs, Hugging Face): the same client as arXiv's
// (User-Agent with contact, conditional GET, Retry-After, size caps, one request at a time) in its
// own instance, so its pacing never waits on arXiv's, with waits short enough that a slow or
// unhappy host costs the daily round a minute at most, never the digest.
import type { Config } from '../config.ts';
import type { Logger } from './log.ts';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../fetcher/http.ts';
import type { Sleep } from '../sleep.ts';

/** One request at a time, a second apart: these are personal sites and a free API. */
export const WEB_MIN_INTERVAL_MS = 1000;

export function createWebClient(
  config: Readonly<Config>,
  options: { log?: Logger; signal?: AbortSignal; sleep?: Sleep; overrides?: Partial<HttpClientOptions> } = {},
): HttpClient {
  const { log } = options;
  return createHttpClient({
    userAgent: config.userAgent,
    minIntervalMs: WEB_MIN_INTERVAL_MS,
    headersTimeoutMs: 20_000,
    bodyTimeoutMs: 20_000,
    deadlineMs: 30_000,
    maxBytes: 5 * 1024 * 1024,
    maxAttempts: 2,
    maxRetryWaitMs: 60_000,
    ...(options.signal && { signal: options.signal }),
    ...(options.sleep && { sleep: options.sleep }),
    log: (event) => {
      if (event.type === 'retry')
        log?.warn('http.retry', {
          url: event.url,
          attempt: event.attempt,
          wait_ms: event.waitMs,
          reason: event.reason,
        });
      else if (event.type === 'response')
        log?.debug('http.response', { url: event.url, status: event.status, ms: event.ms });
    },
    ...options.overrides,
  });
}
