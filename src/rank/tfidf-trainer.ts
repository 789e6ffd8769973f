// Retraining without starting over: a trainer that lives as long as the server (on its worker
// thread) keeps the vocabulary and every vector it computed, by paper. A save or a hide moves a
// paper or two between classes: the next training reuses the vectors and only runs the linear
// model again, and the recent days' papers are scored from their kept vectors. The vocabulary is
// fitted again when the examples changed much (a new day) or the second circle changed.
import { findCircle } from './explain.ts';
import type { RankText } from './features.ts';
import type { TrainingSet } from './ranker.ts';
import {
  createTfidfRanker,
  fitExamples,
  hasPositive,
  learnFromVectors,
  readCircle,
  TFIDF_KIND,
  type TfidfState,
} from './tfidf-ranker.ts';
import { vectorizePaper, type SparseVector, type Vocabulary } from './tfidf.ts';

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
/** Epochs from the last model's weights: the classes moved by a paper or two. */
const WARM_EPOCHS = 4;

/** A paper's text as far as its vector goes: a replacement with a new abstract is a new key. */
const keyOf = (paper: RankText): string =>
  `${paper.id}|${paper.title.length}|${paper.abstract.length}|${paper.authors.length}`;

export interface Trainer {
  train(job: TrainingJob): TrainedModel;
}

export function createTfidfTrainer(): Trainer {
  let vocabulary: Vocabulary | undefined;
  let circleKey = '';
  let vectors = new Map<string, SparseVector>();
  let last: TfidfState | undefined;
  return {
    train(job) {
      if (!hasPositive(job.set)) return { kind: UNTRAINED_KIND, model: '', scores: [] };
      const circle = readCircle(job.set);
      const circleTerms = new Set(circle.keys());
      const newCircleKey = [...circleTerms].sort().join('\n');
      const missing = job.set.examples.filter((example) => !vectors.has(keyOf(example))).length;
      if (vocabulary === undefined || newCircleKey !== circleKey || missing > REFIT_SHARE * job.set.examples.length) {
        vocabulary = fitExamples(job.set, circleTerms);
        circleKey = newCircleKey;
        vectors = new Map();
        last = undefined;
      }
      const fitted = vocabulary;
      const kept = new Map<string, SparseVector>();
      const vectorOf = (paper: RankText) => {
        const key = keyOf(paper);
        const vector = vectors.get(key) ?? vectorizePaper(paper, fitted, circleTerms);
        kept.set(key, vector);
        return vector;
      };
      const warm = last && { initial: last.model, epochs: WARM_EPOCHS };
      const state: TfidfState = learnFromVectors(job.set, fitted, job.set.examples.map(vectorOf), circle, warm);
      const ranker = createTfidfRanker(state, (paper) => vectorOf(paper));
      const scores = ranker.score(job.papers);
      const best = new Set([...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, EXPLAINED));
      const scored = job.papers.map((paper, i) => ({
        id: paper.id,
        score: scores[i]!,
        ...(best.has(i) ? ranker.explain(paper) : { circle: findCircle(paper, circle) }),
      }));
      // What this training did not use is forgotten: the kept vectors stay bounded.
      vectors = kept;
      last = state;
      return { kind: TFIDF_KIND, model: ranker.save(), scores: scored };
    },
  };
}
