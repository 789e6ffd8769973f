// What each example teaches and how much. The reader's own marks are the main signal: a save is a
// positive, a hide a negative weighing as much; the rest of the stored window are negatives
// weighing little (most were never looked at), a little more when the reader went through their
// day and passed them over. Papers by starred authors and the matches of keyword watches are the
// positives while nothing is saved (a cold start); once the reader saves, the starred papers
// together weigh at most a share of the saves, however many they are (a thousand papers of the
// starred authors never outweigh fifteen saves), which the protocol (bench/rank.ts) found to help
// readers who star. Classes are balanced afterwards
// (logistic.ts), so these weights set each example's share within its class. Pure.
import { FOLDS, foldOf, sampleUnit } from './folds.ts';
import type { Example, ExampleKind, TrainingSet } from './ranker.ts';

export interface ExampleWeights {
  saved: number;
  hidden: number;
  /**
   * Once something is saved, the starred authors' papers together weigh at most this share of the
   * saves' weight, each at most 1 (before any save, each weighs 1).
   */
  starredShare: number;
  /** A watch's match once something is saved (1 before). */
  watched: number;
  background: number;
  /** An unmarked paper of a day the reader went through. */
  passed: number;
}

export const EXAMPLE_WEIGHTS: ExampleWeights = {
  saved: 1,
  hidden: 1,
  starredShare: 0.5,
  watched: 0,
  background: 0.1,
  passed: 0.1,
};

/**
 * The light negatives (unmarked papers) of a half the models learn from: a sample of the half fixed
 * by the papers' ids, each weighing as many as it stands for, so the class's weight is the same and
 * a retrain at 100,000 papers costs what one at 8,000 does (the protocol's precision moved by less
 * than its spread: bench/rank.ts).
 */
export const LIGHT_SAMPLE = 2000;

export interface Row {
  /** The example's index in the training set. */
  index: number;
  id: string;
  label: 1 | -1;
  weight: number;
  fold: number;
  /** The linear models learn from it (a mark, a positive, or a light negative in its half's sample). */
  trains: boolean;
  /** How many of its half's light negatives it stands for in the sample (1 for the rest). */
  stands: number;
  /** Counts in the calibration: a save, or a paper the reader passed over (seen, not saved). */
  calibrates: boolean;
  day?: string;
}

const POSITIVE: ReadonlySet<ExampleKind> = new Set(['saved', 'starred', 'watched']);

export const isPositive = (example: Example): boolean => POSITIVE.has(example.kind);

export function countSaves(set: TrainingSet): number {
  return set.examples.filter((example) => example.kind === 'saved').length;
}

/** The rows the linear models learn from (examples that weigh nothing are left out). */
export function weighExamples(set: TrainingSet, weights: ExampleWeights = EXAMPLE_WEIGHTS): Row[] {
  const saves = countSaves(set);
  const coldStart = saves === 0;
  const starredPapers = set.examples.filter((example) => example.kind === 'starred').length;
  const starredWeight = Math.min(1, (weights.starredShare * saves * weights.saved) / Math.max(1, starredPapers));
  const weightOf = (example: Example): number => {
    switch (example.kind) {
      case 'saved':
        return weights.saved;
      case 'hidden':
        return weights.hidden;
      case 'starred':
        return coldStart ? 1 : starredWeight;
      case 'watched':
        return coldStart ? 1 : weights.watched;
      case 'background':
        return example.seen ? weights.passed : weights.background;
    }
  };
  const light = (example: Example): boolean => example.kind === 'background';
  const lightCounts = new Array<number>(FOLDS).fill(0);
  for (const example of set.examples) if (light(example) && weightOf(example) > 0) lightCounts[foldOf(example.id)]!++;
  const share = lightCounts.map((count) => Math.min(1, LIGHT_SAMPLE / Math.max(1, count)));
  const rows: Row[] = [];
  set.examples.forEach((example, index) => {
    const weight = weightOf(example);
    if (weight <= 0) return;
    const positive = isPositive(example);
    const fold = foldOf(example.id);
    const sampled = !light(example) || sampleUnit(example.id) < share[fold]!;
    rows.push({
      index,
      id: example.id,
      label: positive ? 1 : -1,
      weight: light(example) ? weight / share[fold]! : weight,
      fold,
      trains: sampled,
      stands: light(example) ? 1 / share[fold]! : 1,
      // Without saves there is no save to measure a chance by: the positives stand in for them.
      calibrates: positive ? coldStart || (example.kind === 'saved' && example.seen === true) : example.seen === true,
      ...(example.day !== undefined && { day: example.day }),
    });
  });
  return rows;
}
