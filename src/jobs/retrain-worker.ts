// Worker thread body: trains the ranker on the set the main thread read, so the server answers
// requests while it learns (a training takes up to a second on a large store).
import { parentPort } from 'node:worker_threads';
import { trainModel, type TrainingJob } from './retrain.ts';

parentPort?.on('message', (job: TrainingJob) => {
  try {
    parentPort!.postMessage(trainModel(job));
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
