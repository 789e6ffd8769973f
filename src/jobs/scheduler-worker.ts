// The scheduler thread of `serve` (scheduler-thread.ts starts it): its own database connection and
// arXiv client, so that parsing and storing a day, re-flagging (when authors.json changes, and when
// the web thread asks after a star), and waiting for another process's write lock never hold up
// the thread that answers HTTP. It runs the jobs only while it holds the database's scheduler
// lease, and tells the web thread its role, its status and the daily run's retry.
import { runInBackground } from '../app/priority.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { createArxivClient } from '../app/arxiv-client.ts';
import type { RetryView } from '../app/backoff.ts';
import { logWriteWait, openContext } from '../app/context.ts';
import type { LeaseOwner } from '../app/leases.ts';
import { createLogger } from '../app/log.ts';
import { loadConfig } from '../config.ts';
import type { StatusView } from '../views/types.ts';
import { startBackgroundJobs, type BackgroundJobs } from './background.ts';
import { syncStarredFlagsSoon, watchStarredAuthors } from './reflag.ts';
import { runWithSchedulerLease, type SchedulerRole } from './scheduler-lease.ts';

export type SchedulerMessage =
  | { kind: 'status'; status: StatusView; retries: Record<string, RetryView> }
  | { kind: 'role'; role: SchedulerRole }
  | { kind: 'reflagged'; id: number; reflagged: number; error?: string };

/** From the web thread: stop (a signal reached it), or re-flag now (a star changed authors.json). */
export type SchedulerRequest = { kind: 'stop'; why: string } | { kind: 'reflag'; id: number };

/** What the web thread passes: its environment, and the lease's owner, the same for every thread it starts. */
export interface SchedulerWorkerData {
  env: NodeJS.ProcessEnv;
  owner: LeaseOwner;
}

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

/** Re-flags every stored paper if authors.json changed, without blocking this thread's own waits. */
const reflag = (id: number) =>
  syncStarredFlagsSoon(context).then(
    (result) => post({ kind: 'reflagged', id, reflagged: result?.reflagged ?? 0 }),
    (error: unknown) => post({ kind: 'reflagged', id, reflagged: 0, error: (error as Error).message }),
  );
// A thread started again after a failure may have missed a change of the file.
void reflag(-1);

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
  if (request.kind === 'reflag') return void reflag(request.id);
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
