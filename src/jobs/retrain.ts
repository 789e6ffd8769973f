// Retraining the ranker: the one owner of the stored model (store/write/model.ts). The model is a
// function of the marks, the authors list and the stored papers; its fingerprint says which, so
// it is trained again only when one of them changed. Commands train in-process; the server trains
// and stores on the ranking's thread (jobs/retrain-thread.ts), which keeps its vectors from one
// training to the next (rank/tfidf-trainer.ts), so the thread answering HTTP does neither.
import type { Context } from '../app/context.ts';
import type { TrainingSet } from '../rank/ranker.ts';
import { createTfidfTrainer, type TrainingJob } from '../rank/tfidf-trainer.ts';
import type { Db } from '../store/db.ts';
import { getRankModelFingerprint } from '../store/read/model.ts';
import {
  readRecentPapers,
  readTrainingData,
  readTrainingFingerprint,
  type TrainingData,
} from '../store/read/training.ts';
import { storeRankModel } from '../store/write/model.ts';
import { writeNow } from './write.ts';

/** Days whose papers are scored with each new model (pages read those scores; older days score live). */
export const SCORED_DAYS = 3;

/** The examples and the second circle, starred authors named as authors.json names them now. */
export function buildTrainingSet(data: TrainingData, names: ReadonlyMap<string, string>): TrainingSet {
  return {
    examples: data.papers,
    circle: data.coauthors.flatMap(([name, authorId]) => {
      const starred = names.get(authorId);
      return starred === undefined ? [] : [[name, starred] as [string, string]];
    }),
  };
}

/** What to train on and score, and the fingerprint of it, read in one snapshot of the store. */
export function readTrainingJob(db: Db, names: ReadonlyMap<string, string>): { fingerprint: string; job: TrainingJob } {
  return db.transaction(() => ({
    fingerprint: readTrainingFingerprint(db),
    job: { set: buildTrainingSet(readTrainingData(db), names), papers: readRecentPapers(db, SCORED_DAYS) },
  }))();
}

/** Trains in this thread when the stored model is not the one the current inputs give; true if it did. */
export function ensureRankModel(context: Context): boolean {
  const { db } = context;
  if (getRankModelFingerprint(db) === readTrainingFingerprint(db)) return false;
  const { fingerprint, job } = readTrainingJob(db, context.starred.current().names);
  const trained = createTfidfTrainer().train(job);
  writeNow(context, () => storeRankModel(db, { ...trained, fingerprint }, context.now().toISOString()));
  return true;
}
