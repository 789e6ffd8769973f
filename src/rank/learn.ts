// The models of a training and how they become one chance of a save. A paper gets three scores: the
// margin of a linear model of its words, the margin of one of its authors (with the circle fact),
// and its likeness to the saved papers (the cosine with their words' sum, which few saves already
// make useful: bench/rank.ts). Each linear model comes twice (rank/folds.ts): the one for half k
// learns from every positive and from the other half's negatives. The scores become a chance by a
// logistic combination (rank/calibration.ts) fitted on held-out scores: a passed-over paper's from
// the models of its half (which never saw it), a save's from models trained without it (the
// positives in up to six groups, each left out once) and its likeness to the other saves. Pure.
import { applyCombination, fitCombination, type Combination, type CombinationPrior } from './calibration.ts';
import type { Row } from './examples.ts';
import { FOLDS } from './folds.ts';
import { findWarmStart, positiveIds, type HeldOutModels } from './held-out.ts';
import { scoreVector, trainLogistic, type LinearModel, type TrainOptions } from './logistic.ts';
import type { PaperVector, SparseVector } from './tfidf.ts';

export type View = 'words' | 'authors';
export const VIEWS: readonly View[] = ['words', 'authors'];

export interface LearnedModels {
  /** words[k] and authors[k] score the papers of half k. */
  words: LinearModel[];
  authors: LinearModel[];
  /** The positives' words summed and scaled to length 1 (term id → value). */
  centroid: ReadonlyMap<number, number>;
  combination: Combination;
  /** The held-out groups' models of the calibration (kept by a trainer, not stored). */
  heldOut?: HeldOutModels[];
}

/**
 * What the combination starts from, and how many held-out papers' worth that belief is: the words'
 * and the authors' margins at face value, likeness weighed as the protocol's readers weighed it.
 */
export const COMBINATION_PRIOR: CombinationPrior = { mean: [1, 1, 1], strength: 5 };
/** Likeness (a cosine, mostly 0 to 0.3) times this is on the scale of the margins. */
const LIKENESS_SCALE = 10;

/** Groups of positives left out in turn for their held-out scores. */
const HELD_OUT_GROUPS = 6;
/** Epochs from the last weights: a save or a hide moved a paper or two. */
const WARM_EPOCHS = 4;
/** Fewer held-out saves or passed-over papers than this: the calibration takes every example. */
const MIN_POSITIVES = 1;
const MIN_NEGATIVES = 20;

export interface LearnOptions {
  /** The last training's models over the same vocabulary, to start from. */
  warm?: Pick<LearnedModels, 'words' | 'authors' | 'heldOut'>;
}

/** The cosine of a paper's words with a length-1 vector given as a map. */
function cosine(words: SparseVector, other: ReadonlyMap<number, number>, scale = 1): number {
  let sum = 0;
  for (let k = 0; k < words.ids.length; k++) sum += (other.get(words.ids[k]!) ?? 0) * words.values[k]!;
  return sum * scale;
}

function sumVectors(vectors: readonly SparseVector[]): Map<number, number> {
  const sum = new Map<number, number>();
  for (const vector of vectors)
    for (let k = 0; k < vector.ids.length; k++)
      sum.set(vector.ids[k]!, (sum.get(vector.ids[k]!) ?? 0) + vector.values[k]!);
  return sum;
}

const normOf = (vector: ReadonlyMap<number, number>): number =>
  Math.sqrt([...vector.values()].reduce((s, v) => s + v * v, 0));

/** A paper's three scores under the models of its half. */
export function scoreViews(vector: PaperVector, fold: number, models: Omit<LearnedModels, 'combination'>): number[] {
  return [
    scoreVector(models.words[fold]!, vector.words),
    scoreVector(models.authors[fold]!, vector.authors),
    LIKENESS_SCALE * cosine(vector.words, models.centroid),
  ];
}

export function learnModels(
  rows: readonly Row[],
  vectors: readonly PaperVector[],
  dimensions: number,
  options: LearnOptions = {},
): LearnedModels {
  const train = (chosen: readonly Row[], view: View, start?: LinearModel): LinearModel => {
    const settings: TrainOptions = start ? { initial: start, epochs: WARM_EPOCHS } : {};
    const training = chosen.map((row) => ({
      vector: vectors[row.index]![view],
      label: row.label,
      weight: row.weight,
      stands: row.stands,
    }));
    return trainLogistic(training, dimensions, settings);
  };
  const [words, authors] = VIEWS.map((view) =>
    Array.from({ length: FOLDS }, (_, k) =>
      train(
        rows.filter((row) => row.trains && (row.label > 0 || row.fold !== k)),
        view,
        options.warm?.[view][k],
      ),
    ),
  ) as [LinearModel[], LinearModel[]];
  const sum = sumVectors(rows.filter((row) => row.label > 0).map((row) => vectors[row.index]!.words));
  const norm = normOf(sum) || 1;
  const centroid = new Map([...sum].map(([id, value]) => [id, value / norm]));
  const { combination, heldOut } = calibrate(
    rows,
    vectors,
    { words, authors, centroid },
    { sum, train, kept: options.warm?.heldOut ?? [] },
  );
  return { words, authors, centroid, combination, heldOut };
}

/**
 * Groups of saves to leave out in turn, a day's saves together: two papers a group announced the
 * same day say more of each other than of the papers of the days to come. With saves of one day
 * only, each save is its own group; one save cannot be left out and leave any to learn from.
 */
function groupSaves(held: readonly Row[]): { groups: number; groupOf: number[] } {
  if (held.length < 2) return { groups: 0, groupOf: [] };
  const days = [...new Set(held.map((row) => row.day ?? ''))].sort();
  if (days.length >= 2) {
    const groups = Math.min(HELD_OUT_GROUPS, days.length);
    return { groups, groupOf: held.map((row) => days.indexOf(row.day ?? '') % groups) };
  }
  const groups = Math.min(HELD_OUT_GROUPS, held.length);
  return { groups, groupOf: held.map((_, i) => i % groups) };
}

interface CalibrationInputs {
  /** The positives' words summed. */
  sum: ReadonlyMap<number, number>;
  train: (rows: readonly Row[], view: View, start?: LinearModel) => LinearModel;
  kept: readonly HeldOutModels[];
}

function calibrate(
  rows: readonly Row[],
  vectors: readonly PaperVector[],
  models: Omit<LearnedModels, 'combination'>,
  { sum, train, kept }: CalibrationInputs,
): { combination: Combination; heldOut: HeldOutModels[] } {
  let chosen = rows.filter((row) => row.calibrates);
  const saves = chosen.filter((row) => row.label > 0).length;
  if (saves < MIN_POSITIVES || chosen.length - saves < MIN_NEGATIVES) chosen = [...rows];
  const held = chosen.filter((row) => row.label > 0);
  const { groups, groupOf } = groupSaves(held);
  const heldScores = new Map<number, number[]>();
  const heldOut: HeldOutModels[] = [];
  for (let group = 0; group < groups; group++) {
    const leftRows = held.filter((_, i) => groupOf[i] === group);
    const left = new Set(leftRows.map((row) => row.index));
    const half = group % FOLDS;
    // The negatives of one half, as a scoring model has them: the same scale.
    const training = rows.filter((row) => row.trains && (row.label > 0 ? !left.has(row.index) : row.fold !== half));
    const leftIds = new Set(leftRows.map((row) => row.id));
    const start = findWarmStart(kept, leftIds, half);
    const [words, authors] = VIEWS.map((view) => train(training, view, start?.[view]));
    heldOut.push({ left: leftIds, positives: positiveIds(training), half, words: words!, authors: authors! });
    for (const index of left) {
      const vector = vectors[index]!;
      // Its likeness to the other positives: the sum without it.
      const without = new Map(sum);
      for (let k = 0; k < vector.words.ids.length; k++)
        without.set(vector.words.ids[k]!, without.get(vector.words.ids[k]!)! - vector.words.values[k]!);
      const norm = normOf(without);
      heldScores.set(index, [
        scoreVector(words!, vector.words),
        scoreVector(authors!, vector.authors),
        norm === 0 ? 0 : cosine(vector.words, without, LIKENESS_SCALE / norm),
      ]);
    }
  }
  const combination = fitCombination(
    chosen.map((row) => ({
      scores: heldScores.get(row.index) ?? scoreViews(vectors[row.index]!, row.fold, models),
      saved: row.label > 0,
    })),
    COMBINATION_PRIOR,
  );
  return { combination, heldOut };
}

/** A paper's chance of a save under the learned models (the models of its half). */
export function chanceOf(vector: PaperVector, fold: number, models: LearnedModels): number {
  return applyCombination(models.combination, scoreViews(vector, fold, models));
}
