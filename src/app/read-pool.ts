// Expensive reads off the event loop: a few worker threads, each with its own read-only
// connection to the same WAL database, run the tasks of read-tasks.ts one at a time. A search
// that ranks 20,000 papers then costs the page `/` nothing but a core it was not using. Waiting
// jobs are bounded: past `maxQueued`, run() fails at once with ReadPoolBusyError (a 503 with
// Retry-After), rather than letting every request wait behind a pile of searches.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/db.ts';
import type { Logger } from './log.ts';
import { runReadTask, type ReadTaskInput, type ReadTaskName, type ReadTaskOutput } from './read-tasks.ts';
import type { ReadJob, ReadReply } from './read-worker.ts';

export interface ReadPool {
  run<K extends ReadTaskName>(task: K, input: ReadTaskInput<K>): Promise<ReadTaskOutput<K>>;
  /** Fails the jobs still waiting, lets the running ones finish, then stops the threads. */
  close(): Promise<void>;
}

export class ReadPoolBusyError extends Error {
  override name = 'ReadPoolBusyError';
  /** What to send as Retry-After. */
  readonly retryAfterSeconds = 1;
}

export interface ReadPoolOptions {
  dbPath: string;
  /** Threads; each holds a connection and may use a core. */
  threads: number;
  /** Jobs that may wait while every thread is busy; one more is refused (0: none waits). */
  maxQueued: number;
  log: Logger;
}

interface Job {
  message: ReadJob;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

interface Reader {
  worker: Worker;
  job: Job | undefined;
}

const ENTRY = new URL('./read-worker-entry.mjs', import.meta.url);

export function createReadPool(options: ReadPoolOptions): ReadPool {
  const readers: Reader[] = [];
  const queue: Job[] = [];
  const running = new Set<Promise<unknown>>();
  let nextId = 0;
  let closing = false;

  const start = (): Reader => {
    const reader: Reader = { worker: new Worker(ENTRY, { workerData: { dbPath: options.dbPath } }), job: undefined };
    reader.worker.on('message', (reply: ReadReply) => {
      const job = reader.job;
      reader.job = undefined;
      if ('error' in reply) job?.reject(new Error(reply.error));
      else job?.resolve(reply.output);
      dispatch();
    });
    // A thread that dies takes its job with it; the next job starts a new thread.
    reader.worker.on('error', (error) => options.log.error('reader.error', { error: error.message }));
    reader.worker.on('exit', (code) => {
      readers.splice(readers.indexOf(reader), 1);
      reader.job?.reject(new Error(`reader thread exited with code ${code}`));
      if (!closing) dispatch();
    });
    readers.push(reader);
    return reader;
  };

  const dispatch = () => {
    while (queue.length > 0 && !closing) {
      const idle =
        readers.find((reader) => reader.job === undefined) ?? (readers.length < options.threads ? start() : undefined);
      if (idle === undefined) return;
      idle.job = queue.shift()!;
      idle.worker.postMessage(idle.job.message);
    }
  };

  for (let i = 0; i < options.threads; i++) start();
  return {
    run(task, input) {
      if (closing) return Promise.reject(new Error('the reader threads are closing'));
      const free = readers.some((reader) => reader.job === undefined) || readers.length < options.threads;
      if (!free && queue.length >= options.maxQueued)
        return Promise.reject(new ReadPoolBusyError('too many reads at once'));
      const result = new Promise<ReadTaskOutput<typeof task>>((resolve, reject) => {
        queue.push({ message: { id: nextId++, task, input }, resolve: resolve as (output: unknown) => void, reject });
        dispatch();
      });
      const settled: Promise<unknown> = result.then(
        () => running.delete(settled),
        () => running.delete(settled),
      );
      running.add(settled);
      return result;
    },
    async close() {
      closing = true;
      for (const job of queue.splice(0)) job.reject(new Error('the reader threads are closing'));
      await Promise.all(running);
      await Promise.all(readers.map((reader) => reader.worker.terminate()));
    },
  };
}

/** One core for the event loop, the others (up to 4) for readers; at least one reader. */
export function defaultReaderThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** The same tasks on the caller's thread and connection: tests, and code that has no pool. */
export function createInlineReader(db: Db): ReadPool {
  return {
    run: (task, input) => Promise.resolve().then(() => runReadTask(db, task, input)),
    close: () => Promise.resolve(),
  };
}
