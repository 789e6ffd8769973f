// The bookkeeping around every request to arXiv: a row in the fetch log (fetch_runs, which the
// page and /healthz report) and a start, end or failure line in the process log.
import type { Context } from '../app/context.ts';
import { finishFetchRun, startFetchRun, type FetchRunEnd } from '../store/write/runs.ts';

export interface FetchOutcome<T> {
  result: T;
  /** What the log keeps of a success: the HTTP status, the day, counts. */
  record: FetchRunEnd & { status: number };
}

/**
 * Runs `work` (request, parse, store) as one logged fetch of `url`; a failure is logged and rethrown.
 * `part` names the part of the daily round in the fetch log (default `arxiv`: the feed and the API's days).
 */
export async function recordFetch<T>(
  context: Context,
  url: string,
  day: string | undefined,
  work: () => Promise<FetchOutcome<T>>,
  part = 'arxiv',
): Promise<T> {
  const { db, log } = context;
  const started = Date.now();
  const runId = startFetchRun(db, url, context.now().toISOString(), part);
  log.info('fetch.start', { url, day, part: part === 'arxiv' ? undefined : part });
  try {
    const { result, record } = await work();
    const end = { ...record, day: record.day ?? day };
    finishFetchRun(db, runId, end, context.now().toISOString());
    log.info('fetch.end', { url, day: end.day, status: end.status, ...end.counts, ms: Date.now() - started });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = (error as { status?: number }).status;
    finishFetchRun(db, runId, { status, day, error: message }, context.now().toISOString());
    log.error('fetch.failed', { url, day, error: message, ms: Date.now() - started });
    throw error;
  }
}
