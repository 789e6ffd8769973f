// The web thread's side of the scheduler thread (commands/serve-scheduler.ts): starts it
// (supervised: a thread that fails is started again after a backoff, app/worker-thread.ts), mirrors
// its status and its retry for the pages and /healthz, hands it the page's stars, and stops it on
// SIGTERM.
import type { RetryView } from '../app/backoff.ts';
import { createLeaseOwner, type LeaseOwner } from '../app/leases.ts';
import type { Logger } from '../app/log.ts';
import { superviseWorker, type SupervisedWorker, type ThreadHealth } from '../app/worker-thread.ts';
import { formatEasternTime } from '../calendar/eastern.ts';
import type { StarResult } from '../types.ts';
import type { StatusView } from '../views/types.ts';
import type { SchedulerRole } from './scheduler-lease.ts';

/** What the scheduler thread tells the web thread. */
export type SchedulerMessage =
  | { kind: 'status'; status: StatusView; retries: Record<string, RetryView> }
  | { kind: 'role'; role: SchedulerRole }
  // A star done (result), refused (error and the HTTP status it answers) or failed (error alone).
  | { kind: 'starred'; id: number; result?: StarResult; error?: string; status?: number };

/** From the web thread: stop (a signal reached it), or star the paper's author `index`. */
export type SchedulerRequest =
  { kind: 'stop'; why: string } | { kind: 'star'; id: number; paperId: string; index: number };

/** What the web thread passes: its environment, and the lease's owner, the same for every thread it starts. */
export interface SchedulerWorkerData {
  env: NodeJS.ProcessEnv;
  owner: LeaseOwner;
}

/** A star's answer: done, or refused as the web thread answers it (the status and why). */
export type StarAnswer = { result: StarResult } | { refused: { status: number; message: string } };

export interface SchedulerThread {
  status(): StatusView;
  /** What its jobs wait to try again (the daily round, the mail). */
  retries(): Record<string, RetryView>;
  health(): ThreadHealth;
  /**
   * Stars (or unstars) the paper's author `index` on the scheduler thread: authors.json edited, every
   * stored paper re-flagged. Rejects when the thread fails meanwhile or is not running.
   */
  star(paperId: string, index: number): Promise<StarAnswer>;
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
  const asked = new Map<number, { resolve: (answer: StarAnswer) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const data: SchedulerWorkerData = { env: options.env, owner: createLeaseOwner('serve') };
  const worker = superviseWorker({
    name: 'scheduler',
    body: new URL('../commands/serve-scheduler.ts', import.meta.url),
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
  const settle = (message: Extract<SchedulerMessage, { kind: 'starred' }>) => {
    const waiter = asked.get(message.id);
    asked.delete(message.id);
    if (message.result !== undefined) waiter?.resolve({ result: message.result });
    else if (message.status !== undefined)
      waiter?.resolve({ refused: { status: message.status, message: message.error ?? '' } });
    else waiter?.reject(new Error(message.error ?? 'the star failed'));
  };
  const post = (request: SchedulerRequest) => worker.thread?.postMessage(request);
  return {
    status: () => status,
    retries: () => retries,
    health: () => worker.health(),
    worker,
    star: (paperId, index) =>
      new Promise<StarAnswer>((resolve, reject) => {
        if (worker.thread === undefined) return reject(new Error('the scheduler thread is not running'));
        const id = nextId++;
        asked.set(id, { resolve, reject });
        post({ kind: 'star', id, paperId, index });
      }),
    stop: (why, graceMs = 10_000) =>
      worker.stop({ ask: (thread) => thread.postMessage({ kind: 'stop', why } satisfies SchedulerRequest), graceMs }),
  };
}
