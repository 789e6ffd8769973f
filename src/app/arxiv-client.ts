// The one arXiv client of a process, built from the config (User-Agent, spacing), paced together
// with every other process on the same database (arxiv-gate.ts).
import type { Context } from './context.ts';
import { createHttpClient, type HttpClient } from '../fetcher/http.ts';
import { sleepFor, type Sleep } from '../sleep.ts';
import { createSharedGate } from './arxiv-gate.ts';

/** Longest attempt (headers and body), and so how long a process holds the "one request at a time" lease. */
const DEADLINE_MS = 300_000;

export function createArxivClient(context: Context, options: { signal?: AbortSignal; sleep?: Sleep } = {}): HttpClient {
  const { config, log } = context;
  const sleep = options.sleep ?? sleepFor;
  return createHttpClient({
    userAgent: config.userAgent,
    minIntervalMs: config.minIntervalMs,
    deadlineMs: DEADLINE_MS,
    gate: createSharedGate(context, { minIntervalMs: config.minIntervalMs, leaseMs: DEADLINE_MS + 30_000, sleep }),
    sleep,
    ...(options.signal && { signal: options.signal }),
    log: (event) => {
      if (event.type === 'retry')
        log.warn('http.retry', {
          url: event.url,
          attempt: event.attempt,
          wait_ms: event.waitMs,
          reason: event.reason,
        });
      else if (event.type === 'response')
        log.debug('http.response', { url: event.url, status: event.status, ms: event.ms });
    },
  });
}
