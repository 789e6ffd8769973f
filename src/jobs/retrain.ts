// Retraining the ranker: the one owner of the stored model (store/write/model.ts). The model is a
// function of the marks, the authors list and the stored papers; its fingerprint says which, so
// it is trained again only when one of them changed. Commands train in-process (under a second);
// the server trains on a worker thread (jobs/retrain-worker.ts), so it keeps answering meanwhile.
import { Worker } from 'node:worker_threads';
import type { Context } from '../app/context.ts';
import type { RankText } from '../rank/features.ts';
import type { TrainingSet } from '../rank/ranker.ts';
import { createTfidfRanker, TFIDF_KIND } from '../rank/tfidf-ranker.ts';
import { getRankModelFingerprint } from '../store/read/model.ts';
import {
  readRecentPapers,
  readTrainingData,
  readTrainingFingerprint,
  type TrainingData,
} from '../store/read/training.ts';
import { storeRankModel, type PaperScore } from '../store/write/model.ts';

/** A model with nothing to learn from: pages keep arXiv's order and say how to get a ranking. */
export const UNTRAINED_KIND = 'none';

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

/** Days whose papers are scored with each new model (pages read those scores; older days score live). */
export const SCORED_DAYS = 3;

export interface TrainingJob {
  set: TrainingSet;
  /** The papers to score with the new model. */
  papers: RankText[];
}

export interface TrainedModel {
  kind: string;
  model: string;
  scores: PaperScore[];
}

/** Trains a model and scores the recent papers with it: what the worker runs, and commands in-process. */
export function trainModel(job: TrainingJob): TrainedModel {
  const ranker = createTfidfRanker();
  if (!ranker.train(job.set)) return { kind: UNTRAINED_KIND, model: '', scores: [] };
  const scores = ranker.score(job.papers);
  return {
    kind: TFIDF_KIND,
    model: ranker.save(),
    scores: job.papers.map((paper, i) => ({ id: paper.id, score: scores[i]!, ...ranker.explain(paper) })),
  };
}

function readInputs(context: Context): { fingerprint: string; job: TrainingJob } {
  const { db } = context;
  const fingerprint = readTrainingFingerprint(db);
  const set = buildTrainingSet(readTrainingData(db), context.starred.current().names);
  return { fingerprint, job: { set, papers: readRecentPapers(db, SCORED_DAYS) } };
}

/** Trains in this thread when the stored model is not the one the current inputs give; true if it did. */
export function ensureRankModel(context: Context): boolean {
  const { db } = context;
  if (getRankModelFingerprint(db) === readTrainingFingerprint(db)) return false;
  const { fingerprint, job } = readInputs(context);
  storeRankModel(db, { ...trainModel(job), fingerprint }, context.now().toISOString());
  return true;
}

export interface Retrainer {
  /** Checks the inputs now (after a save, a hide, a new day) rather than at the next poll. */
  poke(): void;
  stop(): Promise<void>;
}

/**
 * Keeps the stored model current from a running server: checks the fingerprint every `intervalMs`
 * and when poked, and trains on a worker thread, one training at a time; inputs that changed
 * during a training are trained on right after it.
 */
export function startRetrainer(context: Context, intervalMs = 5000): Retrainer {
  const worker = new Worker(new URL('./retrain-worker-entry.mjs', import.meta.url));
  worker.unref();
  let busy = false;
  let stopped = false;
  const check = (): void => {
    if (busy || stopped) return;
    try {
      if (getRankModelFingerprint(context.db) === readTrainingFingerprint(context.db)) return;
      const { fingerprint, job } = readInputs(context);
      busy = true;
      worker.once('message', (trained: TrainedModel | { error: string }) => {
        busy = false;
        if (stopped) return;
        if ('error' in trained) context.log.error('rank.train_failed', { error: trained.error });
        else {
          storeRankModel(context.db, { ...trained, fingerprint }, context.now().toISOString());
          context.log.info('rank.trained', { kind: trained.kind, examples: job.set.examples.length });
          check();
        }
      });
      worker.postMessage(job);
    } catch (error) {
      busy = false;
      context.log.error('rank.train_failed', { error: (error as Error).message });
    }
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  setImmediate(check);
  return {
    poke: () => setImmediate(check),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await worker.terminate();
    },
  };
}
