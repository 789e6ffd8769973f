// The bookkeeping around every request to arXiv: a row in the fetch log (fetch_runs, which the
// page and /healthz report) and a start, end or failure line in the process log.
import type { Context } from '../app/context.ts';
import { finishFetchRun, startFetchRun, type FetchRunEnd } from '../store/write/runs.ts';
import { writeSoon } from '../app/write.ts';
import { abortReason } from '../fetcher/pacing.ts';

export interface FetchOutcome<T> {
  result: T;
  /** What the log keeps of a success: the HTTP status, the day, counts. */
  record: FetchRunEnd & { status: number };
}

/** What fetch_runs.error starts with for a fetch stopped by the process stopping (SIGTERM), not by arXiv. */
export const INTERRUPTED = 'interrupted';

export interface FetchRunOptions {
  /** The part of the daily round in the fetch log (default `arxiv`: the feed and the API's days). */
  part?: string;
  /** Aborting it stops the fetch, which is then recorded as interrupted, with why. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs `work` (request, parse, store) as one logged fetch of `url`; a failure is logged and
 * rethrown. One that ends because the signal aborted is recorded as interrupted, with why.
 */
export async function recordFetch<T>(
  context: Context,
  url: string,
  day: string | undefined,
  work: () => Promise<FetchOutcome<T>>,
  options: FetchRunOptions = {},
): Promise<T> {
  const { db, log } = context;
  const { part = 'arxiv', signal } = options;
  const started = Date.now();
  const runId = await writeSoon(context, () => startFetchRun(db, url, context.now().toISOString(), part));
  log.info('fetch.start', { url, day, part: part === 'arxiv' ? undefined : part });
  try {
    const { result, record } = await work();
    const end = { ...record, day: record.day ?? day };
    await writeSoon(context, () => finishFetchRun(db, runId, end, context.now().toISOString()));
    log.info('fetch.end', { url, day: end.day, status: end.status, ...end.counts, ms: Date.now() - started });
    return result;
  } catch (error) {
    const interrupted = signal?.aborted === true;
    const message = interrupted
      ? `${INTERRUPTED} (${abortReason(signal).message})`
      : error instanceof Error
        ? error.message
        : String(error);
    const status = (error as { status?: number }).status;
    await writeSoon(context, () =>
      finishFetchRun(db, runId, { status, day, error: message }, context.now().toISOString()),
    );
    if (interrupted) log.info('fetch.interrupted', { url, day, reason: message, ms: Date.now() - started });
    else log.error('fetch.failed', { url, day, error: message, ms: Date.now() - started });
    throw error;
  }
}
