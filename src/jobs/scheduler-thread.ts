// The web thread's side of the scheduler thread (scheduler-worker.ts): starts it (supervised: a
// thread that fails is started again after a backoff, app/worker-thread.ts), mirrors its status
// and its retry for the pages and /healthz, asks it to re-flag after a star, and stops it on SIGTERM.
import type { RetryView } from '../app/backoff.ts';
import { createLeaseOwner } from '../app/leases.ts';
import type { Logger } from '../app/log.ts';
import { superviseWorker, type SupervisedWorker, type ThreadHealth } from '../app/worker-thread.ts';
import { formatEasternTime } from '../calendar/eastern.ts';
import type { StatusView } from '../views/types.ts';
import type { SchedulerRole } from './scheduler-lease.ts';
import type { SchedulerMessage, SchedulerRequest, SchedulerWorkerData } from './scheduler-worker.ts';

type Reflagged = { reflagged: number } | undefined;

export interface SchedulerThread {
  status(): StatusView;
  /** What its jobs wait to try again (the daily round, the mail). */
  retries(): Record<string, RetryView>;
  health(): ThreadHealth;
  /** Re-flags the stored papers on the scheduler thread; rejects when the thread fails meanwhile or is not running. */
  reflag(): Promise<Reflagged>;
  readonly worker: SupervisedWorker;
  /** Asks the thread to stop (`why`: the signal received); after `graceMs` it is terminated. */
  stop(why: string, graceMs?: number): Promise<void>;
}

export function startSchedulerThread(options: {
  env: NodeJS.ProcessEnv;
  log: Logger;
  onRole: (role: SchedulerRole) => void;
  backoff?: Parameters<typeof superviseWorker>[0]['backoff'];
}): SchedulerThread {
  let status: StatusView = {};
  let retries: Record<string, RetryView> = {};
  const asked = new Map<number, { resolve: (result: Reflagged) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const data: SchedulerWorkerData = { env: options.env, owner: createLeaseOwner('serve') };
  const worker = superviseWorker({
    name: 'scheduler',
    body: new URL('./scheduler-worker.ts', import.meta.url),
    worker: { workerData: data },
    log: options.log,
    ...(options.backoff && { backoff: options.backoff }),
    onStart: (thread) =>
      thread.on('message', (message: SchedulerMessage) => {
        if (message.kind === 'status') ({ status, retries } = message);
        else if (message.kind === 'role') options.onRole(message.role);
        else settle(message);
      }),
    onFailure: (error) => {
      const restartAt = worker.health().restartAt;
      const when = restartAt === undefined ? '' : `; it starts again at ${formatEasternTime(restartAt)}`;
      status = { activity: `The scheduler stopped (${error.message})${when}` };
      retries = {};
      for (const { reject } of asked.values()) reject(error);
      asked.clear();
    },
  });
  const settle = (message: Extract<SchedulerMessage, { kind: 'reflagged' }>) => {
    const waiter = asked.get(message.id);
    asked.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve({ reflagged: message.reflagged });
  };
  const post = (request: SchedulerRequest) => worker.thread?.postMessage(request);
  return {
    status: () => status,
    retries: () => retries,
    health: () => worker.health(),
    worker,
    reflag: () =>
      new Promise<Reflagged>((resolve, reject) => {
        if (worker.thread === undefined) return reject(new Error('the scheduler thread is not running'));
        const id = nextId++;
        asked.set(id, { resolve, reject });
        post({ kind: 'reflag', id });
      }),
    stop: (why, graceMs = 10_000) =>
      worker.stop({ ask: (thread) => thread.postMessage({ kind: 'stop', why } satisfies SchedulerRequest), graceMs }),
  };
}
