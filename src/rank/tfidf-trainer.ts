// Retraining without starting over: a trainer that lives as long as the server (on its worker
// thread) keeps the vocabulary and every vector it computed, by paper. A save or a hide moves a
// paper or two between classes: the next training reuses the vectors, starts the scoring models
// from their last weights, and scores the recent days' papers from their kept vectors. The
// vocabulary is fitted again when the examples changed much (a new day) or the second circle changed.
import { buildCircle } from './circle.ts';
import type { RankText } from './features.ts';
import type { LearnedModels } from './learn.ts';
import type { TrainingSet } from './ranker.ts';
import { createTfidfRanker, inCircle, learnFromVectors, TFIDF_KIND, type TfidfOptions } from './tfidf-ranker.ts';
import { vectorizePaper, type PaperVector, type Vocabulary } from './tfidf.ts';
import { fitVectors } from './vocabulary-fit.ts';

export const UNTRAINED_KIND = 'none';

export interface TrainingJob {
  set: TrainingSet;
  /** The papers to score with the new model. */
  papers: RankText[];
}

export interface ScoredPaper {
  id: string;
  score: number;
  why?: string;
  circle: string[];
}

export interface TrainedModel {
  kind: string;
  model: string;
  scores: ScoredPaper[];
}

/** Share of examples without a kept vector from which the vocabulary is fitted again. */
const REFIT_SHARE = 0.1;
/** Papers whose why is written with the scores: the best ones, those "For you" shows (pages explain the rest when asked). */
const EXPLAINED = 200;

/** A paper's text as far as its vector goes: a replacement with a new abstract is a new key. */
const keyOf = (paper: RankText): string =>
  `${paper.id}|${paper.title.length}|${paper.abstract.length}|${paper.authors.length}|${paper.starred?.length ?? 0}`;

export interface Trainer {
  train(job: TrainingJob): TrainedModel;
}

export interface TrainerOptions extends TfidfOptions {
  /** Start each training from the last one's weights (default true); the protocol trains each reader afresh. */
  warmStart?: boolean;
}

export function createTfidfTrainer(options: TrainerOptions = {}): Trainer {
  let vocabulary: Vocabulary | undefined;
  let circleKey = '';
  let vectors = new Map<string, PaperVector>();
  let last: Pick<LearnedModels, 'words' | 'authors' | 'heldOut'> | undefined;
  return {
    train(job) {
      const circle = buildCircle(job.set.circle);
      const newCircleKey = JSON.stringify(job.set.circle);
      const missing = job.set.examples.filter((example) => !vectors.has(keyOf(example))).length;
      if (vocabulary === undefined || newCircleKey !== circleKey || missing > REFIT_SHARE * job.set.examples.length) {
        const fitted = fitVectors(job.set.examples, (paper) => inCircle(paper, circle), options.vocabulary);
        vocabulary = fitted.vocabulary;
        circleKey = newCircleKey;
        vectors = new Map(job.set.examples.map((example, i) => [keyOf(example), fitted.vectors[i]!]));
        last = undefined;
      }
      const fitted = vocabulary;
      const kept = new Map<string, PaperVector>();
      const vectorOf = (paper: RankText) => {
        const key = keyOf(paper);
        const vector = vectors.get(key) ?? vectorizePaper(paper, fitted, inCircle(paper, circle));
        kept.set(key, vector);
        return vector;
      };
      const state = learnFromVectors(job.set, fitted, job.set.examples.map(vectorOf), circle, {
        ...options,
        ...(last && { warm: last }),
      });
      if (state === undefined) return { kind: UNTRAINED_KIND, model: '', scores: [] };
      const ranker = createTfidfRanker(state, (paper) => vectorOf(paper));
      const scores = ranker.score(job.papers);
      const best = new Set([...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, EXPLAINED));
      const scored = job.papers.map((paper, i) => ({
        id: paper.id,
        score: scores[i]!,
        ...(best.has(i) ? ranker.explain(paper) : { circle: ranker.circleOf(paper) }),
      }));
      // What this training did not use is forgotten: the kept vectors stay bounded.
      vectors = kept;
      if (options.warmStart !== false) last = state.models;
      return { kind: TFIDF_KIND, model: ranker.save(), scores: scored };
    },
  };
}
