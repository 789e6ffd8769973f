// Work that must not hold up the thread answering HTTP (rendering an uncached page, and any other
// CPU-heavy read), run on worker threads behind a bounded queue: when the queue is full the caller
// is told at once (QueueFullError, answered 503 + Retry-After) instead of everything slowing down.
// Generic over the job: the worker module calls answerJobs() with its handler. Each thread is
// supervised (app/worker-thread.ts): one that dies fails its job and is started again after a backoff.
import { parentPort, type Worker } from 'node:worker_threads';
import type { Backoff } from './backoff.ts';
import type { Logger } from './log.ts';
import { superviseWorker, type SupervisedWorker, type ThreadHealth } from './worker-thread.ts';

export interface WorkQueue<J, R> {
  /**
   * Runs `job` on a worker; rejects with QueueFullError when `maxQueued` jobs already wait. A `low`
   * job (a search) waits behind every other and may hold at most half of the waiting places, so a
   * page to render never waits for, nor is refused because of, searches that came first.
   */
  run(job: J, options?: { low?: boolean }): Promise<R>;
  /** Each thread's health, by name (`render 1`, `render 2`…). */
  health(): Record<string, ThreadHealth>;
  /** The supervised threads (tests kill one and wait for its return). */
  readonly workers: readonly SupervisedWorker[];
  close(): Promise<void>;
}

export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

/** The queue was closed (serve is stopping) before the job was done: the caller may try again later. */
export class QueueClosedError extends Error {
  override name = 'QueueClosedError';
}

export interface WorkQueueOptions {
  /** The threads' module, as the sources name it (`new URL('./x.ts', import.meta.url)`), calling answerJobs(). */
  body: URL;
  /** How the log and /healthz name the threads: `render` gives `render 1`, `render 2`… */
  name: string;
  workerData?: unknown;
  /** Worker threads (each runs one job at a time). */
  size: number;
  /** Jobs allowed to wait for a free worker. */
  maxQueued: number;
  log: Logger;
  /** Between restarts of a thread that keeps failing (default RESTART_BACKOFF). */
  backoff?: Backoff;
}

type Reply<R> = { id: number; ok: true; result: R } | { id: number; ok: false; error: string };

interface Pending<J, R> {
  id: number;
  job: J;
  low: boolean;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

export function createWorkQueue<J, R>(options: WorkQueueOptions): WorkQueue<J, R> {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending<J, R>>();
  const waiting: Pending<J, R>[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length > 0 && waiting.length > 0) {
      const worker = idle.pop()!;
      const task = waiting.shift()!;
      busy.set(worker, task);
      worker.postMessage({ id: task.id, job: task.job });
    }
  };
  const supervise = (n: number) => {
    let current: Worker | undefined;
    return superviseWorker({
      name: `${options.name} ${n}`,
      body: options.body,
      worker: { workerData: options.workerData },
      log: options.log,
      ...(options.backoff && { backoff: options.backoff }),
      onStart: (worker) => {
        current = worker;
        worker.on('message', (reply: Reply<R>) => {
          const task = busy.get(worker);
          busy.delete(worker);
          idle.push(worker);
          if (reply.ok) task?.resolve(reply.result);
          else task?.reject(new Error(reply.error));
          dispatch();
        });
        idle.push(worker);
        dispatch();
      },
      // A thread that dies fails its job; the others go on with the queue meanwhile.
      onFailure: (error) => {
        const worker = current!;
        busy.get(worker)?.reject(new Error(`the ${options.name} thread failed: ${error.message}`));
        busy.delete(worker);
        const at = idle.indexOf(worker);
        if (at !== -1) idle.splice(at, 1);
      },
    });
  };
  const workers = Array.from({ length: options.size }, (_, i) => supervise(i + 1));

  return {
    run: (job, { low = false } = {}) =>
      new Promise<R>((resolve, reject) => {
        if (closed) return reject(new QueueClosedError('the work queue is closed'));
        const lows = waiting.filter((task) => task.low).length;
        const full = low ? lows >= Math.floor(options.maxQueued / 2) : waiting.length >= options.maxQueued;
        if (full && idle.length === 0)
          return reject(new QueueFullError(`${low ? lows : waiting.length} jobs are waiting already`));
        const task = { id: nextId++, job, low, resolve, reject };
        // Low jobs stay at the end: another job goes in before the first of them.
        if (low || lows === 0) waiting.push(task);
        else waiting.splice(waiting.length - lows, 0, task);
        dispatch();
      }),
    health: () => Object.fromEntries(workers.map((worker, i) => [`${options.name} ${i + 1}`, worker.health()])),
    workers,
    close: async () => {
      closed = true;
      for (const task of waiting.splice(0)) task.reject(new QueueClosedError('the work queue is closed'));
      for (const task of busy.values()) task.reject(new QueueClosedError('the work queue closed'));
      busy.clear();
      await Promise.all(workers.map((worker) => worker.stop()));
    },
  };
}

/** The worker's side: answers each job with `handle`, one at a time. */
export function answerJobs<J, R>(handle: (job: J) => Promise<R> | R): void {
  parentPort!.on('message', ({ id, job }: { id: number; job: J }) => {
    void Promise.resolve()
      .then(() => handle(job))
      .then(
        (result) => parentPort!.postMessage({ id, ok: true, result } satisfies Reply<R>),
        (error: unknown) =>
          parentPort!.postMessage({
            id,
            ok: false,
            error: (error as Error)?.message ?? String(error),
          } satisfies Reply<R>),
      );
  });
}
