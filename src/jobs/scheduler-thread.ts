// The web thread's side of the scheduler thread (scheduler-worker.ts): starts it, mirrors its
// status for the pages and /healthz, and stops it on SIGTERM.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../app/log.ts';
import type { StatusView } from '../views/types.ts';
import type { SchedulerRole } from './scheduler-lease.ts';
import type { SchedulerMessage } from './scheduler-worker.ts';

export interface SchedulerThread {
  status(): StatusView;
  /** Asks the thread to stop (`why`: the signal received); after `graceMs` it is terminated. */
  stop(why: string, graceMs?: number): Promise<void>;
}

export function startSchedulerThread(options: {
  env: NodeJS.ProcessEnv;
  log: Logger;
  onRole: (role: SchedulerRole) => void;
}): SchedulerThread {
  const worker = new Worker(new URL('./scheduler-worker-entry.mjs', import.meta.url), {
    workerData: { env: options.env },
  });
  let status: StatusView = {};
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: SchedulerMessage) => {
    if (message.kind === 'status') status = message.status;
    else options.onRole(message.role);
  });
  worker.on('error', (error) => {
    options.log.error('scheduler.failed', { error: error.message });
    status = { activity: `The scheduler stopped (${error.message}); restart the server to fetch again` };
  });
  return {
    status: () => status,
    stop: async (why, graceMs = 10_000) => {
      worker.postMessage(why);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
      clearTimeout(timer);
    },
  };
}
