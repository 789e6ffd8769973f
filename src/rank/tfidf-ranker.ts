// The baseline ranker: tf-idf of title, abstract and authors (rank/tfidf.ts) with the second circle,
// models of words and of authors in two halves that never meet (rank/folds.ts), and a combination
// that makes a score the chance of a save (rank/learn.ts). Pure: the store gives examples, the model
// comes back as JSON (it is trained on a worker thread and kept in SQLite).
import { applyCombination } from './calibration.ts';
import { buildCircle, findCircle, type Circle } from './circle.ts';
import { weighExamples, type ExampleWeights } from './examples.ts';
import { explainScore, type Positive } from './explain.ts';
import { CIRCLE_TERM, type RankText } from './features.ts';
import { foldOf } from './folds.ts';
import { learnModels, scoreViews, type LearnedModels } from './learn.ts';
import type { Explanation, Ranker, TrainingSet } from './ranker.ts';
import { deserializeTfidf, serializeTfidf, TFIDF_KIND, type SavedTfidf, type TfidfState } from './tfidf-state.ts';
import {
  dot,
  vectorizePaper,
  type PaperVector,
  type SparseVector,
  type Vocabulary,
  type VocabularyOptions,
} from './tfidf.ts';
import { fitVectors } from './vocabulary-fit.ts';

export { TFIDF_KIND, type SavedTfidf, type TfidfState };

export interface TfidfOptions {
  vocabulary?: VocabularyOptions;
  weights?: ExampleWeights;
}

/** Terms kept per positive for the "why" line. */
const POSITIVE_TERMS = 40;

function topTerms(vector: SparseVector, limit: number): SparseVector {
  const order = [...vector.ids.keys()].sort((a, b) => vector.values[b]! - vector.values[a]!).slice(0, limit);
  return {
    ids: Int32Array.from(order, (k) => vector.ids[k]!),
    values: Float64Array.from(order, (k) => vector.values[k]!),
  };
}

/** Whether the paper carries the circle term: one of its authors wrote with a starred author not on it. */
export const inCircle = (paper: RankText, circle: Circle): boolean => findCircle(paper, circle).length > 0;

/** Trains the models on the examples' vectors (over `vocabulary`); undefined with nothing to learn from. */
export function learnFromVectors(
  set: TrainingSet,
  vocabulary: Vocabulary,
  vectors: readonly PaperVector[],
  circle: Circle,
  options: TfidfOptions & { warm?: Pick<LearnedModels, 'words' | 'authors' | 'heldOut'> } = {},
): TfidfState | undefined {
  const rows = weighExamples(set, options.weights);
  if (!rows.some((row) => row.label > 0)) return undefined;
  const models = learnModels(rows, vectors, vocabulary.terms.length, options.warm ? { warm: options.warm } : {});
  const saves = rows.some((row) => set.examples[row.index]!.kind === 'saved');
  const positives = rows.flatMap(({ index, label }) => {
    const example = set.examples[index]!;
    if (label < 0 || (saves && example.kind !== 'saved')) return [];
    const vector = topTerms(vectors[index]!.words, POSITIVE_TERMS);
    return [{ id: example.id, kind: example.kind as Positive['kind'], vector }];
  });
  return { vocabulary, models, positives, circle };
}

function learn(set: TrainingSet, options: TfidfOptions): TfidfState | undefined {
  const circle = buildCircle(set.circle);
  const { vocabulary, vectors } = fitVectors(set.examples, (paper) => inCircle(paper, circle), options.vocabulary);
  return learnFromVectors(set, vocabulary, vectors, circle, options);
}

/** Vectors of papers already read: by the paper object (a page), or as a trainer keeps them by id. */
export type VectorCache = (paper: RankText, state: TfidfState) => PaperVector;

function createVectorCache(): VectorCache {
  const vectors = new WeakMap<RankText, PaperVector>();
  return (paper, state) => {
    let vector = vectors.get(paper);
    if (vector === undefined) {
      vector = vectorizePaper(paper, state.vocabulary, inCircle(paper, state.circle));
      vectors.set(paper, vector);
    }
    return vector;
  };
}

/** A paper's chance of a save: its scores under the models of its half, combined. */
export const chanceOf = (paper: RankText, vector: PaperVector, state: TfidfState): number =>
  applyCombination(state.models.combination, scoreViews(vector, foldOf(paper.id), state.models));

/** The circle badge: the starred authors it names where the circle fact raised this paper's chance. */
function circleBadge(paper: RankText, state: TfidfState): string[] {
  const circle = findCircle(paper, state.circle);
  const id = state.vocabulary.index.get(CIRCLE_TERM);
  if (circle.length === 0 || id === undefined || state.models.combination.weights[1]! <= 0) return [];
  return state.models.authors[foldOf(paper.id)]!.weights[id]! > 0 ? circle : [];
}

/** A tf-idf ranker, untrained, or as `saved` left it, or over a trained state (with its trainer's vectors). */
export function createTfidfRanker(
  saved?: SavedTfidf | TfidfState,
  cache?: VectorCache,
  options: TfidfOptions = {},
): Ranker {
  let state = saved === undefined ? undefined : 'kind' in saved ? deserializeTfidf(saved) : saved;
  // Scoring and explaining a page's papers read each one once.
  let vectorOf = cache ?? createVectorCache();
  return {
    kind: TFIDF_KIND,
    train(set) {
      state = learn(set, options);
      vectorOf = createVectorCache();
      return state !== undefined;
    },
    score(papers) {
      const current = state;
      if (current === undefined) return papers.map(() => 0);
      return papers.map((paper) => chanceOf(paper, vectorOf(paper, current), current));
    },
    explain(paper): Explanation {
      if (state === undefined) return { circle: [] };
      const model = state.models.words[foldOf(paper.id)]!;
      return explainScore(paper, vectorOf(paper, state).words, { ...state, model, circle: circleBadge(paper, state) });
    },
    circleOf(paper) {
      return state === undefined ? [] : circleBadge(paper, state);
    },
    similar(paper, candidates, limit) {
      const current = state;
      if (current === undefined) return [];
      const target = vectorOf(paper, current).words;
      return candidates
        .filter((candidate) => candidate.id !== paper.id)
        .map((candidate) => ({ id: candidate.id, similarity: dot(target, vectorOf(candidate, current).words) }))
        .filter((hit) => hit.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, limit);
    },
    save() {
      if (state === undefined) throw new Error('the ranker has not been trained');
      return JSON.stringify(serializeTfidf(state));
    },
  };
}
