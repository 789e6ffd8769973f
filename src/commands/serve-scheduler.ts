// The scheduler thread of `serve` (jobs/scheduler-thread.ts starts it): its own database connection
// and arXiv client, so that parsing and storing a day, starring an author from the page (editing
// authors.json and re-flagging every stored paper), re-flagging when authors.json changes, and
// waiting for another process's write lock never hold up the thread that answers HTTP. It runs the
// jobs only while it holds the database's scheduler lease, and tells the web thread its role, its
// status and the daily run's retry.
import { runInBackground } from '../app/priority.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { ActionError } from '../actions/errors.ts';
import { starFromPage } from '../actions/star.ts';
import { createArxivClient } from '../app/arxiv-client.ts';
import { logWriteWait, openContext } from '../app/context.ts';
import { createLogger } from '../app/log.ts';
import { loadConfig } from '../config.ts';
import { startBackgroundJobs, type BackgroundJobs } from '../jobs/background.ts';
import { syncStarredFlagsSoon, watchStarredAuthors } from '../jobs/reflag.ts';
import { runWithSchedulerLease } from '../jobs/scheduler-lease.ts';
import type { SchedulerMessage, SchedulerRequest, SchedulerWorkerData } from '../jobs/scheduler-thread.ts';

const STATUS_EVERY_MS = 250;

// Storing a day and re-flagging take the CPU the web thread leaves, as training and rendering do.
runInBackground();

const data = workerData as SchedulerWorkerData;
const config = loadConfig(data.env);
const log = createLogger(config.logLevel);
const context = openContext(config, { log, writeLock: { label: 'serve', onWait: logWriteWait(log) } });
const controller = new AbortController();
const http = createArxivClient(context, { signal: controller.signal });
const authors = watchStarredAuthors(context);
let jobs: BackgroundJobs | undefined;
let posted = '';
let stopReason: Error | undefined;

const post = (message: SchedulerMessage) => parentPort!.postMessage(message);
// Passed on at every change the jobs report, and polled for the rest (a retry's wait, the clock).
const postStatus = () => {
  const status = jobs?.status() ?? {};
  const retries = jobs?.retries() ?? {};
  const text = JSON.stringify([status, retries]);
  if (text !== posted) post({ kind: 'status', status, retries });
  posted = text;
};
const statusTimer = setInterval(postStatus, STATUS_EVERY_MS);

// A thread started again after a failure may have missed a change of the file.
syncStarredFlagsSoon(context).catch((error: unknown) =>
  log.error('authors.reflag_failed', { error: (error as Error).message }),
);

/** The page's star, done here: the file's edit and the re-flag; a refusal goes back with its status. */
const star = (id: number, paperId: string, index: number) =>
  starFromPage(context, paperId, index).then(
    (result) => post({ kind: 'starred', id, result }),
    (error: unknown) =>
      post({
        kind: 'starred',
        id,
        error: (error as Error).message,
        ...(error instanceof ActionError && { status: error.status }),
      }),
  );

const leaseRun = runWithSchedulerLease(context, {
  owner: data.owner,
  signal: controller.signal,
  onRole: (role) => post({ kind: 'role', role }),
  start: () => {
    // After the current turn: a run that just ended has left the runner by then.
    const started = startBackgroundJobs(context, http, { onChange: () => setImmediate(postStatus) });
    jobs = started;
    return {
      stop: async () => {
        await started.stop(stopReason);
        jobs = undefined;
      },
    };
  },
});

parentPort!.on('message', (request: SchedulerRequest) => {
  if (request.kind === 'star') return void star(request.id, request.paperId, request.index);
  // SIGTERM (or SIGINT) reached the web thread. A run in progress is aborted; its transaction has
  // committed or rolled back, and its fetch is recorded as interrupted.
  stopReason = new Error(`${request.why} received; the server is stopping`);
  // The run's own signal first, so that the fetch it cuts short is recorded as interrupted.
  void jobs?.stop(stopReason);
  controller.abort(stopReason);
  void leaseRun
    .catch((error: unknown) => log.error('scheduler.failed', { error: (error as Error).message }))
    .finally(async () => {
      clearInterval(statusTimer);
      authors.stop();
      await http.close();
      context.db.close();
      parentPort!.close();
    });
});
