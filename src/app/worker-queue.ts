// Work that must not hold up the thread answering HTTP (rendering an uncached page, and any other
// CPU-heavy read), run on worker threads behind a bounded queue: when the queue is full the caller
// is told at once (QueueFullError, answered 503 + Retry-After) instead of everything slowing down.
// Generic over the job: the worker module calls answerJobs() with its handler.
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkQueue<J, R> {
  /**
   * Runs `job` on a worker; rejects with QueueFullError when `maxQueued` jobs already wait. A `low`
   * job (a search) waits behind every other and may hold at most half of the waiting places, so a
   * page to render never waits for, nor is refused because of, searches that came first.
   */
  run(job: J, options?: { low?: boolean }): Promise<R>;
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
  /** The worker's module: a .mjs that registers tsx and imports a module calling answerJobs(). */
  entry: URL;
  workerData?: unknown;
  /** Worker threads (each runs one job at a time). */
  size: number;
  /** Jobs allowed to wait for a free worker. */
  maxQueued: number;
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
  const spawn = () => {
    const worker = new Worker(options.entry, { workerData: options.workerData });
    worker.on('message', (reply: Reply<R>) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (reply.ok) task?.resolve(reply.result);
      else task?.reject(new Error(reply.error));
      dispatch();
    });
    // A worker that dies fails its job, and a new one takes its place.
    worker.on('error', (error) => busy.get(worker)?.reject(error));
    worker.on('exit', () => {
      busy
        .get(worker)
        ?.reject(closed ? new QueueClosedError('the work queue closed') : new Error('the worker thread ended'));
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at !== -1) idle.splice(at, 1);
      if (!closed) spawn();
    });
    idle.push(worker);
    dispatch();
  };
  for (let i = 0; i < options.size; i++) spawn();

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
    close: async () => {
      closed = true;
      for (const task of waiting.splice(0)) task.reject(new QueueClosedError('the work queue is closed'));
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
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
