// Retraining the ranker: the one owner of the stored model (store/write/model.ts). The model is a
// function of the marks, the authors list and the stored papers; its fingerprint says which, so
// it is trained again only when one of them changed. Commands train in-process; the server trains
// and stores on the ranking's thread (jobs/retrain-thread.ts), which keeps its vectors from one
// training to the next (rank/tfidf-trainer.ts), so the thread answering HTTP does neither.
import type { Context } from '../app/context.ts';
import type { RankText } from '../rank/features.ts';
import type { TrainingSet } from '../rank/ranker.ts';
import { createTfidfTrainer, type TrainingJob } from '../rank/tfidf-trainer.ts';
import type { Db } from '../store/db.ts';
import { getRankModelFingerprint } from '../store/read/model.ts';
import {
  readRecentPapers,
  readTrainingData,
  readTrainingFingerprint,
  type TrainingData,
  type TrainingPaper,
} from '../store/read/training.ts';
import { matchWatches } from '../store/read/watch-matches.ts';
import { listWatches } from '../store/read/watches.ts';
import { storeRankModel } from '../store/write/model.ts';
import { writeNow } from '../app/write.ts';

/** Days whose papers are scored with each new model (pages read those scores; older days score live). */
export const SCORED_DAYS = 3;

/**
 * The examples and the second circle, starred authors named as authors.json names them now. With
 * nothing saved yet, the unmarked papers the keyword watches match (`watchedIds`) are positives
 * too (rank/examples.ts).
 */
export function buildTrainingSet(
  data: TrainingData,
  names: ReadonlyMap<string, string>,
  watchedIds: ReadonlySet<string> = new Set(),
): TrainingSet {
  const coldStart = !data.papers.some((paper) => paper.kind === 'saved');
  const watched = (paper: TrainingPaper): boolean =>
    coldStart && paper.kind === 'background' && watchedIds.has(paper.id);
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

/**
 * The unmarked papers any keyword watch matches, found as a search finds them (store/read/
 * watch-matches.ts); only read while nothing is saved, when they stand in for the saves.
 */
function readWatchedIds(db: Db, data: TrainingData): Set<string> {
  if (data.papers.some((paper) => paper.kind === 'saved')) return new Set();
  const watches = listWatches(db);
  if (watches.length === 0) return new Set();
  const background = data.papers.filter((paper) => paper.kind === 'background');
  return new Set([...matchWatches(db, watches, background).values()].flat());
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
  return db.transaction(() => {
    const data = readTrainingData(db);
    return {
      fingerprint: readTrainingFingerprint(db),
      job: { set: buildTrainingSet(data, names, readWatchedIds(db, data)), papers: readScoredPapers(db, names) },
    };
  })();
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
