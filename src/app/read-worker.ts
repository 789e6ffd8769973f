// Reader thread body (read-pool.ts): one read-only connection, one task at a time, by name.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDb } from '../store/db.ts';
import { runReadTask, type ReadTaskName } from './read-tasks.ts';

export interface ReadJob {
  id: number;
  task: ReadTaskName;
  input: unknown;
}

/** Lower than the main thread's 0 (nice(1): 19 is the lowest). */
const READER_NICENESS = 10;

export type ReadReply = { id: number; output: unknown } | { id: number; error: string };

// Searches take the CPU the pages leave: on a busy machine the thread serving `/` goes first.
// Linux keeps a nice value per thread (setpriority(2), NOTES), so this lowers this thread alone;
// elsewhere it would lower the whole process.
if (process.platform === 'linux') setPriority(0, READER_NICENESS);

const db = openReadOnlyDb((workerData as { dbPath: string }).dbPath);

parentPort!.on('message', (job: ReadJob) => {
  let reply: ReadReply;
  try {
    reply = { id: job.id, output: runReadTask(db, job.task, job.input as never) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
