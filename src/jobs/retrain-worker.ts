// Worker thread body: reads the training set on its own connection to the SQLite file (WAL lets it
// read while the server writes), trains the ranker and scores the recent days, so the server's
// thread answers requests meanwhile. The trainer keeps its vectors between trainings.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createTfidfTrainer } from '../rank/tfidf-trainer.ts';
import { openDb } from '../store/db.ts';
import { readTrainingJob, type RetrainReply, type RetrainRequest } from './retrain.ts';

// Training takes the CPU the web thread leaves, as rendering does (commands/serve-renderer.ts): the
// first training after start (seconds on a big store) must not slow the pages served meanwhile.
// Linux keeps a nice value per thread; elsewhere it would lower the whole process.
if (process.platform === 'linux') setPriority(0, 10);

const db = openDb((workerData as { dbPath: string }).dbPath, { migrate: false });
const trainer = createTfidfTrainer();

parentPort?.on('message', (request: RetrainRequest) => {
  let reply: RetrainReply;
  try {
    const { fingerprint, job } = readTrainingJob(db, new Map(request.names));
    reply = { fingerprint, trained: trainer.train(job) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
