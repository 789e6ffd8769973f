// `serve`: the web app on config.host:config.port, and the scheduler on a thread of its own
// (jobs/scheduler-thread.ts), until SIGINT or SIGTERM. This thread only reads the database, so a
// page is answered while any writer, here or in another process, holds SQLite's write lock.
import { availableParallelism } from 'node:os';
import { loadHolidays } from '../calendar/announcement-days.ts';
import { loadFeedsConfig } from '../curate/feeds-config.ts';
import { loadReadingList } from '../curate/reading-list.ts';
import { currentStarred, syncStarredFlags, watchStarredAuthors } from '../jobs/reflag.ts';
import type { SchedulerRole } from '../jobs/scheduler-lease.ts';
import { startSchedulerThread } from '../jobs/scheduler-thread.ts';
import { startRetrainer } from '../jobs/retrain.ts';
import { startServer } from '../routes/listen.ts';
import { describeWritePolicy, readWritePolicy } from '../routes/writes.ts';
import { createApp } from '../server.ts';
import type { StatusView } from '../views/types.ts';
import type { CommandArgs, Io } from './types.ts';
import { createWorkQueue } from '../app/worker-queue.ts';
import type { Rendered } from '../routes/cache.ts';
import type { RenderJob } from '../routes/site.ts';

// Render threads (uncached pages and every search) beside the web thread and the scheduler's: one
// per core but one, at least one, at most four. Pages asked for beyond the queue get 503 +
// Retry-After rather than slowing everyone down.
const RENDER_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
const RENDER_QUEUE = 16;

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
  let status: () => StatusView = () => ({});
  const renders = createWorkQueue<RenderJob, Rendered>({
    entry: new URL('./serve-renderer-entry.mjs', import.meta.url),
    workerData: { env: io.env },
    size: RENDER_THREADS,
    maxQueued: RENDER_QUEUE,
  });
  // The ranking is trained on a worker thread whenever its inputs change (a save, a new day).
  const retrainer = startRetrainer(context);
  try {
    const app = createApp({
      context,
      holidays,
      status: () => status(),
      offload: (job) => renders.run(job),
      onWrite: () => retrainer.poke(),
    });
    const server = await startServer(app, { host: context.config.host, port: context.config.port });
    io.stdout(`arxiv-curator: serving ${server.url}\n`);
    const writes = describeWritePolicy(context.config);
    if (writes !== undefined) io.stdout(`arxiv-curator: ${writes}\n`);
    context.log.info('server.listening', { url: server.url, writes: readWritePolicy(context.config) });
    // The scheduler thread re-flags when authors.json changes; this thread shows the new names.
    const authors = watchStarredAuthors(context, 1000, () =>
      context.log.info('authors.reread', { authors: currentStarred(context).authors.length }),
    );
    const scheduler = startSchedulerThread({ env: io.env, log: context.log, onRole: reportRole(io) });
    status = () => scheduler.status();
    const signal = await waitForSignal();
    context.log.info('server.stopping', { signal });
    authors.stop();
    await scheduler.stop(signal);
    await server.close();
    return 0;
  } finally {
    await retrainer.stop();
    await renders.close();
  }
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
