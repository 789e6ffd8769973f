// `serve`: the web app on config.host:config.port, with render threads, the scheduler's thread
// (jobs/scheduler-thread.ts) and the ranking's (jobs/retrain-thread.ts), until SIGINT or SIGTERM.
// This thread answers: it reads, and makes only the reader's own small writes without blocking, so
// a page is answered while any writer, here or in another process, holds SQLite's write lock.
import { availableParallelism } from 'node:os';
import { ActionError } from '../actions/errors.ts';
import { loadHolidays } from '../calendar/announcement-days.ts';
import { loadFeedsConfig } from '../curate/feeds-config.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import { currentStarred, syncStarredFlags, watchStarredAuthors } from '../jobs/reflag.ts';
import type { SchedulerRole } from '../jobs/scheduler-lease.ts';
import { startSchedulerThread, type SchedulerThread } from '../jobs/scheduler-thread.ts';
import { startRetrainer, type Retrainer } from '../jobs/retrain-thread.ts';
import { leaveCheckpointsToOthers } from '../store/write/checkpoints.ts';
import type { BackgroundHealth } from '../routes/health.ts';
import { describeMailWithoutPublicUrl } from '../mail/settings.ts';
import { startServer } from '../routes/listen.ts';
import { warmUp } from '../routes/warm-up.ts';
import { describeWritePolicy, readWritePolicy } from '../routes/writes.ts';
import { createApp } from '../server.ts';
import type { CommandArgs, Io } from './types.ts';
import { createWorkQueue, type WorkQueue } from '../app/worker-queue.ts';
import { createLoopGauge } from '../app/loop-gauge.ts';
import { watchConfigFiles } from '../app/config-watch.ts';
import type { Rendered } from '../routes/cache.ts';
import type { RenderJob } from '../routes/site.ts';

// Render threads (uncached pages and every search) beside the web thread and the scheduler's: one
// per core but one, at least one, at most four. Pages asked for beyond the queue get 503 +
// Retry-After rather than slowing everyone down.
const RENDER_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
const RENDER_QUEUE = 16;
// The first asker of a page's new version waits this long for it (a render takes a tenth of a second
// or two), then gets the page as it was, like everyone asking meanwhile, when the reader did nothing
// since: a flood of requests starving the render threads (nice 10) never holds one client for seconds.
const FIRST_WAIT_MS = 1000;

export async function runServe({ open, io, config }: CommandArgs): Promise<number> {
  // Broken files stop start-up with exit code 2, like a broken authors.json; later edits are read each round.
  loadFeedsConfig(config.feedsPath);
  loadReadingList(config.readingListPath);
  const context = open();
  // A broken holidays file stops the start (exit 2), before any thread is started.
  const holidays = loadHolidays(context.config.holidaysPath);
  // Flags stored by an earlier list are redone before the first page is served.
  syncStarredFlags(context);
  // The scheduler starts after the server listens; until then nothing is scheduled.
  let scheduler: SchedulerThread | undefined;
  const renders = createWorkQueue<RenderJob, Rendered>({
    body: new URL('./serve-renderer.ts', import.meta.url),
    name: 'render',
    workerData: { env: io.env },
    size: RENDER_THREADS,
    maxQueued: RENDER_QUEUE,
    log: context.log,
  });
  // The ranking is trained and stored on its own thread whenever its inputs change (a save, a new day).
  // A training nobody asked for waits while this thread is busy answering (at most a minute).
  const retrainer = startRetrainer(context, { busy: createLoopGauge() });
  // Hand edits of the other configuration files are checked as they happen: a broken one shows on every page.
  const configFiles = watchConfigFiles(context, [
    { path: context.config.feedsPath, check: loadFeedsConfig },
    { path: context.config.readingListPath, check: loadReadingList },
  ]);
  try {
    // This thread answers: a star from the page (authors.json and the re-flag) is the scheduler thread's.
    const star = async (paperId: string, index: number) => {
      if (scheduler === undefined) throw new Error('the scheduler has not started');
      const answer = await scheduler.star(paperId, index);
      if ('result' in answer) return answer.result;
      throw new ActionError(answer.refused.status as ActionError['status'], answer.refused.message);
    };
    // Its writes last a millisecond: they leave no note for other writers, and never copy the log.
    leaveCheckpointsToOthers(context.db);
    const writeLock = { ...context.writeLock, note: false };
    const app = createApp({
      configProblems: configFiles.problems,
      context: { ...context, writeLock, background: { star } },
      holidays,
      status: () => scheduler?.status() ?? {},
      // A search waits behind pages (and never fills the queue): `/` stays quick while many search.
      offload: (job) => renders.run(job, { low: job.path.startsWith('/search') }),
      onWrite: () => retrainer.poke(),
      background: () => describeBackground(renders, scheduler, retrainer),
      firstWaitMs: FIRST_WAIT_MS,
    });
    const server = await startServer(app, { host: context.config.host, port: context.config.port });
    // Beside the start, not before it: its 20 requests take 70 to 80 ms on a 100,000-paper store.
    void warmUp(server.url);
    io.stdout(`arxiv-curator: serving ${server.url}\n`);
    const writes = describeWritePolicy(context.config);
    if (writes !== undefined) io.stdout(`arxiv-curator: ${writes}\n`);
    const links = describeMailWithoutPublicUrl(context.config);
    if (links !== undefined) io.stderr(`arxiv-curator: warning: ${links}\n`);
    context.log.info('server.listening', { url: server.url, writes: readWritePolicy(context.config) });
    // The scheduler thread re-flags when authors.json changes; this thread shows the new names.
    const authors = watchStarredAuthors(context, 1000, () =>
      context.log.info('authors.reread', { authors: currentStarred(context).authors.length }),
    );
    scheduler = startSchedulerThread({ env: io.env, log: context.log, onRole: reportRole(io) });
    const signal = await waitForSignal();
    context.log.info('server.stopping', { signal });
    authors.stop();
    await scheduler.stop(signal);
    await server.close();
    return 0;
  } finally {
    configFiles.stop();
    await retrainer.stop();
    await renders.close();
  }
}

/** serve's threads and the retries waiting now, for /healthz. */
function describeBackground(
  renders: WorkQueue<RenderJob, Rendered>,
  scheduler: SchedulerThread | undefined,
  retrainer: Retrainer,
): BackgroundHealth {
  const ranking = retrainer.retry();
  return {
    threads: { ...renders.health(), ...(scheduler && { scheduler: scheduler.health() }), ranking: retrainer.health() },
    retries: { ...scheduler?.retries(), ...(ranking && { ranking }) },
  };
}

/** A second `serve` on the same database says at start that it serves pages only. */
function reportRole(io: Io): (role: SchedulerRole) => void {
  let standby = false;
  return (role) => {
    if (role.role === 'standby') {
      standby = true;
      io.stdout(
        `arxiv-curator: ${role.holder} runs the scheduler of this database; this server serves pages only and takes over if that one stops\n`,
      );
    } else if (standby) io.stdout('arxiv-curator: this server runs the scheduler of the database now\n');
  };
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
