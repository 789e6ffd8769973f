// Worker thread body: trains the ranker on the set the main thread read, so the server answers
// requests while it learns (a training takes up to a second on a large store).
import { parentPort } from 'node:worker_threads';
import type { TrainingSet } from '../rank/ranker.ts';
import { trainModel } from './retrain.ts';

parentPort?.on('message', (set: TrainingSet) => {
  try {
    parentPort!.postMessage(trainModel(set));
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
