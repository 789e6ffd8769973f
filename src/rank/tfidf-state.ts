// What a trained tf-idf ranker holds, and its JSON (kept in SQLite's rank_model, read by pages that
// score a day the job did not). The two views' models of a half share one array of weights: their
// terms never overlap (words and bigrams; authors and the circle fact). Pure.
import type { Combination } from './calibration.ts';
import type { Circle } from './circle.ts';
import type { Positive } from './explain.ts';
import type { LearnedModels } from './learn.ts';
import type { LinearModel } from './logistic.ts';
import { sidesOf, type SparseVector, type Vocabulary } from './tfidf.ts';

export const TFIDF_KIND = 'tfidf-calibrated';

export interface TfidfState {
  vocabulary: Vocabulary;
  models: LearnedModels;
  /** The positives' strongest terms, for "like 3 saved papers". */
  positives: Positive[];
  circle: Circle;
}

export interface SavedTfidf {
  kind: typeof TFIDF_KIND;
  terms: string[];
  idf: number[];
  /** Per half: the words' and the authors' weights in one array, and their two biases. */
  halves: { weights: number[]; biases: [number, number] }[];
  centroid: { ids: number[]; values: number[] };
  combination: Combination;
  positives: { id: string; kind: Positive['kind']; ids: number[]; values: number[] }[];
  /** [author term, starred name, tie]. */
  circle: [string, string, number][];
}

/**
 * Six decimals: a weight or idf read back moves a margin by under 1e-4, and the model's hundreds of
 * thousands of numbers are written in a tenth of the time toPrecision takes.
 */
const round = (value: number): number => Math.round(value * 1e6) / 1e6;
const toArrays = (vector: SparseVector) => ({ ids: Array.from(vector.ids), values: Array.from(vector.values, round) });
const fromArrays = (saved: { ids: number[]; values: number[] }): SparseVector => ({
  ids: Int32Array.from(saved.ids),
  values: Float64Array.from(saved.values),
});

export function serializeTfidf(state: TfidfState): SavedTfidf {
  const { words, authors, centroid, combination } = state.models;
  const sides = sidesOf(state.vocabulary);
  return {
    kind: TFIDF_KIND,
    terms: state.vocabulary.terms,
    idf: Array.from(state.vocabulary.idf, round),
    halves: words.map((model, k) => ({
      weights: Array.from(model.weights, (weight, id) => round(sides[id] === 1 ? authors[k]!.weights[id]! : weight)),
      biases: [round(model.bias), round(authors[k]!.bias)],
    })),
    centroid: { ids: [...centroid.keys()], values: [...centroid.values()].map(round) },
    combination,
    positives: state.positives.map((p) => ({ id: p.id, kind: p.kind, ...toArrays(p.vector) })),
    circle: [...state.circle].flatMap(([term, ties]) =>
      ties.map((tie) => [term, tie.starred, round(tie.tie)] as [string, string, number]),
    ),
  };
}

export function deserializeTfidf(saved: SavedTfidf): TfidfState {
  const circle = new Map<string, { starred: string; tie: number }[]>();
  for (const [term, starred, tie] of saved.circle) {
    let ties = circle.get(term);
    if (ties === undefined) circle.set(term, (ties = []));
    ties.push({ starred, tie });
  }
  const halves = saved.halves.map((half) => ({ weights: Float64Array.from(half.weights), biases: half.biases }));
  const model = (k: number, side: 0 | 1): LinearModel => ({
    weights: halves[k]!.weights,
    bias: halves[k]!.biases[side],
  });
  return {
    vocabulary: {
      terms: saved.terms,
      index: new Map(saved.terms.map((term, i) => [term, i])),
      idf: Float64Array.from(saved.idf),
    },
    models: {
      words: halves.map((_, k) => model(k, 0)),
      authors: halves.map((_, k) => model(k, 1)),
      centroid: new Map(saved.centroid.ids.map((id, i) => [id, saved.centroid.values[i]!])),
      combination: saved.combination,
    },
    positives: saved.positives.map((p) => ({ id: p.id, kind: p.kind, vector: fromArrays(p) })),
    circle,
  };
}
