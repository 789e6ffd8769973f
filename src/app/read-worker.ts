// Reader thread body (read-pool.ts): one read-only connection, one task at a time, by name.
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDb } from '../store/db.ts';
import { runReadTask, type ReadTaskName } from './read-tasks.ts';

export interface ReadJob {
  id: number;
  task: ReadTaskName;
  input: unknown;
}

export type ReadReply = { id: number; output: unknown } | { id: number; error: string };

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
