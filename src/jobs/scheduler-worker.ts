// The scheduler thread of `serve` (scheduler-thread.ts starts it): its own database connection and
// arXiv client, so that parsing and storing a day, re-flagging, and waiting for another process's
// write lock never hold up the thread that answers HTTP. It runs the jobs only while it holds the
// database's scheduler lease, and tells the web thread its role and status.
import { parentPort, workerData } from 'node:worker_threads';
import { createArxivClient } from '../app/arxiv-client.ts';
import { logWriteWait, openContext } from '../app/context.ts';
import { createLogger } from '../app/log.ts';
import { loadConfig } from '../config.ts';
import type { StatusView } from '../views/types.ts';
import { startBackgroundJobs, type BackgroundJobs } from './background.ts';
import { watchStarredAuthors } from './reflag.ts';
import { runWithSchedulerLease, type SchedulerRole } from './scheduler-lease.ts';

export type SchedulerMessage = { kind: 'status'; status: StatusView } | { kind: 'role'; role: SchedulerRole };

const STATUS_EVERY_MS = 250;

const config = loadConfig((workerData as { env: NodeJS.ProcessEnv }).env);
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
  const text = JSON.stringify(status);
  if (text !== posted) post({ kind: 'status', status });
  posted = text;
};
const statusTimer = setInterval(postStatus, STATUS_EVERY_MS);

const leaseRun = runWithSchedulerLease(context, {
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

parentPort!.once('message', (why: string) => {
  // SIGTERM (or SIGINT) reached the web thread. A run in progress is aborted; its transaction has
  // committed or rolled back, and its fetch is recorded as interrupted.
  stopReason = new Error(`${why} received; the server is stopping`);
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
