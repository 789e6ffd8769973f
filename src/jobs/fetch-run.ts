// The bookkeeping around every request to arXiv: a row in the fetch log (fetch_runs, which the
// page and /healthz report) and a start, end or failure line in the process log.
import type { Context } from '../app/context.ts';
import { finishFetchRun, startFetchRun, type FetchRunEnd } from '../store/write/runs.ts';
import { writeSoon } from './write.ts';

export interface FetchOutcome<T> {
  result: T;
  /** What the log keeps of a success: the HTTP status, the day, counts. */
  record: FetchRunEnd & { status: number };
}

/** Runs `work` (request, parse, store) as one logged fetch of `url`; a failure is logged and rethrown. */
export async function recordFetch<T>(
  context: Context,
  url: string,
  day: string | undefined,
  work: () => Promise<FetchOutcome<T>>,
): Promise<T> {
  const { db, log } = context;
  const started = Date.now();
  const runId = await writeSoon(context, () => startFetchRun(db, url, context.now().toISOString()));
  log.info('fetch.start', { url, day });
  try {
    const { result, record } = await work();
    const end = { ...record, day: record.day ?? day };
    await writeSoon(context, () => finishFetchRun(db, runId, end, context.now().toISOString()));
    log.info('fetch.end', { url, day: end.day, status: end.status, ...end.counts, ms: Date.now() - started });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const status = (error as { status?: number }).status;
    await writeSoon(context, () =>
      finishFetchRun(db, runId, { status, day, error: message }, context.now().toISOString()),
    );
    log.error('fetch.failed', { url, day, error: message, ms: Date.now() - started });
    throw error;
  }
}
