// The one arXiv client of a process, built from the config (User-Agent, spacing).
import type { Config } from '../config.ts';
import type { Logger } from './log.ts';
import { createHttpClient, type HttpClient, type Sleep } from '../fetcher/http.ts';

export function createArxivClient(
  config: Readonly<Config>,
  options: { log?: Logger; signal?: AbortSignal; sleep?: Sleep } = {},
): HttpClient {
  const { log } = options;
  return createHttpClient({
    userAgent: config.userAgent,
    minIntervalMs: config.minIntervalMs,
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
  });
}
