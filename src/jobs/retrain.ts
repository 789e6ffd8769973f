// Retraining the ranker: the one owner of the stored model (store/write/model.ts). The model is a
// function of the marks, the authors list and the stored papers; its fingerprint says which, so
// it is trained again only when one of them changed. Commands train in-process; the server trains
// on a worker thread (jobs/retrain-worker.ts) that reads the store on its own connection and keeps
// its vectors from one training to the next (rank/tfidf-trainer.ts), so the server's thread only
// stores the result and keeps answering meanwhile.
import { Worker } from 'node:worker_threads';
import type { Context } from '../app/context.ts';
import { matchesWatch, parseWatchQuery, type WatchQuery } from '../curate/watch-query.ts';
import type { RankText } from '../rank/features.ts';
import type { TrainingSet } from '../rank/ranker.ts';
import { createTfidfTrainer, type TrainedModel, type TrainingJob } from '../rank/tfidf-trainer.ts';
import type { Db } from '../store/db.ts';
import { getRankModelFingerprint } from '../store/read/model.ts';
import {
  readRecentPapers,
  readTrainingData,
  readTrainingFingerprint,
  type TrainingData,
  type TrainingPaper,
} from '../store/read/training.ts';
import { listWatches } from '../store/read/watches.ts';
import { storeRankModel } from '../store/write/model.ts';
import { writeNow, writeSoon } from './write.ts';

/** Days whose papers are scored with each new model (pages read those scores; older days score live). */
export const SCORED_DAYS = 3;

/**
 * The examples and the second circle, starred authors named as authors.json names them now. With
 * nothing saved yet, the papers the keyword watches match are positives too (rank/examples.ts).
 */
export function buildTrainingSet(
  data: TrainingData,
  names: ReadonlyMap<string, string>,
  watches: readonly WatchQuery[] = [],
): TrainingSet {
  const coldStart = !data.papers.some((paper) => paper.kind === 'saved');
  const watched = (paper: TrainingPaper): boolean =>
    coldStart && paper.kind === 'background' && watches.some((watch) => matchesWatch(watch, paper));
  return {
    examples: data.papers.map((paper) => ({
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      authors: paper.authors,
      starred: paper.starredIds.flatMap((id) => {
        const name = names.get(id);
        return name === undefined ? [] : [{ name }];
      }),
      kind: watched(paper) ? 'watched' : paper.kind,
      seen: paper.seen,
      ...(paper.day !== undefined && { day: paper.day }),
    })),
    circle: data.coauthors.flatMap(({ coauthor, authorId, tie }) => {
      const starred = names.get(authorId);
      return starred === undefined ? [] : [{ coauthor, starred, tie }];
    }),
  };
}

/** The stored watches as queries; one that no longer parses matches nothing. */
function readWatchQueries(db: Db): WatchQuery[] {
  return listWatches(db).flatMap((watch) => {
    try {
      return [parseWatchQuery(watch.query)];
    } catch {
      return [];
    }
  });
}

/** The papers the job scores, with their starred authors named. */
function readScoredPapers(db: Db, names: ReadonlyMap<string, string>): RankText[] {
  return readRecentPapers(db, SCORED_DAYS).map(({ starredIds, ...paper }) => ({
    ...paper,
    starred: starredIds.flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ name }];
    }),
  }));
}

/** What to train on and score, and the fingerprint of it, read in one snapshot of the store. */
export function readTrainingJob(db: Db, names: ReadonlyMap<string, string>): { fingerprint: string; job: TrainingJob } {
  return db.transaction(() => ({
    fingerprint: readTrainingFingerprint(db),
    job: {
      set: buildTrainingSet(readTrainingData(db), names, readWatchQueries(db)),
      papers: readScoredPapers(db, names),
    },
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

/** What the main thread asks of the worker, and what it answers. */
export interface RetrainRequest {
  names: [string, string][];
}
export type RetrainReply = { fingerprint: string; trained: TrainedModel } | { error: string };

export interface Retrainer {
  /** Checks the inputs now (after a save, a hide, a new day) rather than at the next poll. */
  poke(): void;
  stop(): Promise<void>;
}

/**
 * Keeps the stored model current from a running server: checks the fingerprint every `intervalMs`
 * and when poked, one training at a time; inputs that changed during a training are trained on
 * right after it.
 */
export function startRetrainer(context: Context, intervalMs = 5000): Retrainer {
  const worker = new Worker(new URL('./retrain-worker-entry.mjs', import.meta.url), {
    workerData: { dbPath: context.config.dbPath },
  });
  worker.unref();
  let busy = false;
  let stopped = false;
  const check = (): void => {
    if (busy || stopped) return;
    try {
      if (getRankModelFingerprint(context.db) === readTrainingFingerprint(context.db)) return;
    } catch (error) {
      context.log.error('rank.train_failed', { error: (error as Error).message });
      return;
    }
    busy = true;
    worker.once('message', (reply: RetrainReply) => {
      if (stopped) return;
      if ('error' in reply) {
        busy = false;
        return context.log.error('rank.train_failed', { error: reply.error });
      }
      // Stored without blocking the thread that answers HTTP while another writer holds the lock.
      const model = { ...reply.trained, fingerprint: reply.fingerprint };
      writeSoon(context, () => storeRankModel(context.db, model, context.now().toISOString()))
        .then(() => context.log.info('rank.trained', { kind: model.kind, scored: model.scores.length }))
        .catch((error: unknown) => context.log.error('rank.store_failed', { error: (error as Error).message }))
        .finally(() => {
          busy = false;
          check();
        });
    });
    const request: RetrainRequest = { names: [...context.starred.current().names] };
    worker.postMessage(request);
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
