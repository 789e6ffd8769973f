// The ranking's thread of `serve` (retrain-thread.ts starts it): checks whether the model is behind
// what it learns from and reads the training set on its own connection to the SQLite file (WAL lets
// it read while others write; a read can still wait milliseconds while another process commits a
// big import, and the web thread must not), trains the ranker, scores
// the recent days and stores the model with the scores, so the thread answering HTTP does none of
// it. The trainer keeps its vectors between trainings; the store waits for the write lock without
// blocking, so a request to stop is heard meanwhile.
import { runInBackground } from '../app/priority.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { logWriteWait } from '../app/context.ts';
import { createLogger } from '../app/log.ts';
import type { LogLevel } from '../config.ts';
import { createTfidfTrainer } from '../rank/tfidf-trainer.ts';
import { openDb } from '../store/db.ts';
import { writeTransactionAsync } from '../store/write/lock.ts';
import { storeRankModel } from '../store/write/model.ts';
import { getRankModelFingerprint } from '../store/read/model.ts';
import { readTrainingFingerprint } from '../store/read/training.ts';
import { readTrainingJob } from './retrain.ts';

/**
 * From the web thread: whether the model is behind what it learns from (`check`), or train now, with
 * the starred authors as the web thread names them and the time to store the model with.
 */
export type RetrainRequest = { check: true } | { names: [string, string][]; at: string };

/** Whether the stored model is behind its inputs (a read on this thread's connection, never the web thread's). */
export type CheckReply = { changed: boolean; error?: string };

/** What was stored, or which step failed and why. */
export type RetrainReply =
  | { ok: true; kind: string; scored: number; fingerprint: string }
  | { ok: false; step: 'train' | 'store'; error: string };

export interface RetrainWorkerData {
  dbPath: string;
  logLevel: LogLevel;
}

// Training takes the CPU the web thread leaves, as rendering does: the first training after start
// (seconds on a big store) must not slow the pages served meanwhile.
runInBackground();

const data = workerData as RetrainWorkerData;
const log = createLogger(data.logLevel);
const db = openDb(data.dbPath, { migrate: false });
const trainer = createTfidfTrainer();
const lock = { label: 'serve', onWait: logWriteWait(log) };

parentPort!.on('message', (request: RetrainRequest) => {
  if ('check' in request) return parentPort!.postMessage(check());
  void retrain(request).then((reply) => parentPort!.postMessage(reply));
});

function check(): CheckReply {
  try {
    return { changed: getRankModelFingerprint(db) !== readTrainingFingerprint(db) };
  } catch (error) {
    return { changed: false, error: messageOf(error) };
  }
}

async function retrain(request: Exclude<RetrainRequest, { check: true }>): Promise<RetrainReply> {
  let model;
  try {
    const { fingerprint, job } = readTrainingJob(db, new Map(request.names));
    model = { ...trainer.train(job), fingerprint };
  } catch (error) {
    return { ok: false, step: 'train', error: messageOf(error) };
  }
  try {
    await writeTransactionAsync(db, () => storeRankModel(db, model, request.at), lock);
  } catch (error) {
    return { ok: false, step: 'store', error: messageOf(error) };
  }
  return { ok: true, kind: model.kind, scored: model.scores.length, fingerprint: model.fingerprint };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
