// The baseline ranker: tf-idf (unigrams, bigrams, authors, the second circle) and logistic
// regression with balanced classes. Positives are saved papers and papers by starred authors;
// negatives hidden papers and, weighted low, a sample of the rest (arxiv-sanity-lite trains on
// all papers not tagged; a bounded sample keeps retraining under a second on any store).
import { authorTerm, countTerms, type RankText } from './features.ts';
import { explainScore, findCircle, type Positive } from './explain.ts';
import { scoreVector, trainLogistic, type LinearModel, type TrainOptions } from './logistic.ts';
import type { Example, ExampleKind, Explanation, Ranker, TrainingSet } from './ranker.ts';
import { dot, fitVocabulary, vectorize, vectorizePaper, type SparseVector, type Vocabulary } from './tfidf.ts';

export const TFIDF_KIND = 'tfidf-logistic';

// A save or a hide judges the paper itself; a starred author's paper is liked for its author: it counts less.
const ROW_WEIGHT: Readonly<Record<ExampleKind, number>> = { saved: 3, starred: 1, hidden: 3, background: 0.1 };
/** Terms kept per positive for the "why" line. */
const POSITIVE_TERMS = 40;

export interface TfidfState {
  vocabulary: Vocabulary;
  model: LinearModel;
  positives: Positive[];
  /** Author term → the starred author they wrote with. */
  circle: Map<string, string>;
  circleTerms: ReadonlySet<string>;
}

export interface SavedTfidf {
  kind: typeof TFIDF_KIND;
  terms: string[];
  idf: number[];
  weights: number[];
  bias: number;
  positives: { id: string; kind: ExampleKind; ids: number[]; values: number[] }[];
  circle: [string, string][];
}

const isPositive = (kind: ExampleKind): boolean => kind === 'saved' || kind === 'starred';
const round = (value: number): number => Number(value.toPrecision(5));

function topTerms(vector: SparseVector, limit: number): SparseVector {
  const order = [...vector.ids.keys()].sort((a, b) => vector.values[b]! - vector.values[a]!).slice(0, limit);
  return {
    ids: Int32Array.from(order, (k) => vector.ids[k]!),
    values: Float64Array.from(order, (k) => vector.values[k]!),
  };
}

/** Author term → starred name, from the training set's [name as written, starred name] pairs. */
export function readCircle(set: TrainingSet): Map<string, string> {
  return new Map(set.circle.map(([name, starred]) => [authorTerm(name), starred]));
}

export function hasPositive(set: TrainingSet): boolean {
  return set.examples.some((example) => isPositive(example.kind));
}

/** The vocabulary of the examples' words, bigrams, authors and circle fact. */
export function fitExamples(set: TrainingSet, circleTerms: ReadonlySet<string>): Vocabulary {
  return fitVocabulary(set.examples.map((example) => countTerms(example, circleTerms)));
}

/** Trains the linear model on the examples' vectors (over `vocabulary`). */
export function learnFromVectors(
  set: TrainingSet,
  vocabulary: Vocabulary,
  vectors: readonly SparseVector[],
  circle: Map<string, string>,
  options: TrainOptions = {},
): TfidfState {
  const rows = set.examples.map((example: Example, i) => ({
    vector: vectors[i]!,
    label: isPositive(example.kind) ? (1 as const) : (-1 as const),
    weight: ROW_WEIGHT[example.kind],
  }));
  const model = trainLogistic(rows, vocabulary.terms.length, options);
  const positives = set.examples.flatMap((example, i) =>
    isPositive(example.kind)
      ? [{ id: example.id, kind: example.kind, vector: topTerms(vectors[i]!, POSITIVE_TERMS) }]
      : [],
  );
  return { vocabulary, model, positives, circle, circleTerms: new Set(circle.keys()) };
}

function learn(set: TrainingSet): TfidfState | undefined {
  if (!hasPositive(set)) return undefined;
  const circle = readCircle(set);
  const circleTerms = new Set(circle.keys());
  const docs = set.examples.map((example) => countTerms(example, circleTerms));
  const vocabulary = fitVocabulary(docs);
  return learnFromVectors(
    set,
    vocabulary,
    docs.map((doc) => vectorize(doc, vocabulary)),
    circle,
  );
}

function serialize(state: TfidfState): SavedTfidf {
  return {
    kind: TFIDF_KIND,
    terms: state.vocabulary.terms,
    idf: Array.from(state.vocabulary.idf, round),
    weights: Array.from(state.model.weights, round),
    bias: round(state.model.bias),
    positives: state.positives.map((p) => ({
      id: p.id,
      kind: p.kind,
      ids: Array.from(p.vector.ids),
      values: Array.from(p.vector.values, round),
    })),
    circle: [...state.circle],
  };
}

function deserialize(saved: SavedTfidf): TfidfState {
  const vocabulary = {
    terms: saved.terms,
    index: new Map(saved.terms.map((term, i) => [term, i])),
    idf: Float64Array.from(saved.idf),
  };
  return {
    vocabulary,
    model: { weights: Float64Array.from(saved.weights), bias: saved.bias },
    positives: saved.positives.map((p) => ({
      id: p.id,
      kind: p.kind,
      vector: { ids: Int32Array.from(p.ids), values: Float64Array.from(p.values) },
    })),
    circle: new Map(saved.circle),
    circleTerms: new Set(saved.circle.map(([term]) => term)),
  };
}

/** Vectors of papers already read: by the paper object (a page), or as a trainer keeps them by id. */
export type VectorCache = (paper: RankText, state: TfidfState) => SparseVector;

function createVectorCache(): VectorCache {
  const vectors = new WeakMap<RankText, SparseVector>();
  return (paper, state) => {
    let vector = vectors.get(paper);
    if (vector === undefined) {
      vector = vectorizePaper(paper, state.vocabulary, state.circleTerms);
      vectors.set(paper, vector);
    }
    return vector;
  };
}

/** A tf-idf ranker, untrained, or as `saved` left it, or over a trained state (with its trainer's vectors). */
export function createTfidfRanker(saved?: SavedTfidf | TfidfState, cache?: VectorCache): Ranker {
  let state = saved === undefined ? undefined : 'kind' in saved ? deserialize(saved) : saved;
  // Scoring and explaining a page's papers read each one once.
  let vectorOf = cache ?? createVectorCache();
  return {
    kind: TFIDF_KIND,
    train(set) {
      state = learn(set);
      vectorOf = createVectorCache();
      return state !== undefined;
    },
    score(papers) {
      const current = state;
      if (current === undefined) return papers.map(() => 0);
      return papers.map((paper) => 1 / (1 + Math.exp(-scoreVector(current.model, vectorOf(paper, current)))));
    },
    explain(paper): Explanation {
      if (state === undefined) return { circle: [] };
      return explainScore(paper, vectorOf(paper, state), state);
    },
    circleOf(paper) {
      return state === undefined ? [] : findCircle(paper, state.circle);
    },
    similar(paper, candidates, limit) {
      const current = state;
      if (current === undefined) return [];
      const target = vectorOf(paper, current);
      return candidates
        .filter((candidate) => candidate.id !== paper.id)
        .map((candidate) => ({ id: candidate.id, similarity: dot(target, vectorOf(candidate, current)) }))
        .filter((hit) => hit.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, limit);
    },
    save() {
      if (state === undefined) throw new Error('the ranker has not been trained');
      return JSON.stringify(serialize(state));
    },
  };
}
