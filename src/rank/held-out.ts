// The models that give the saves their held-out scores for the calibration (rank/learn.ts): each
// learns every positive but one group of saves, and one half's negatives. They are most of a
// retrain's cost, so a trainer keeps them and the next training starts each group's models from a
// kept pair that never learned any save of the group as a positive (a save added since was an
// unmarked paper then): the held-out scores stay held out, and a save costs a few epochs, not a
// training from nothing. Pure.
import type { Row } from './examples.ts';
import type { LinearModel } from './logistic.ts';

export interface HeldOutModels {
  /** The saves left out. */
  left: ReadonlySet<string>;
  /** Every positive the models learned. */
  positives: ReadonlySet<string>;
  /** The half whose negatives they did not learn. */
  half: number;
  words: LinearModel;
  authors: LinearModel;
}

/** A kept pair to start the group `left` (half `half`) from, if one never learned any of it as a positive. */
export function findWarmStart(
  kept: readonly HeldOutModels[],
  left: ReadonlySet<string>,
  half: number,
): HeldOutModels | undefined {
  return kept.find(
    (models) => models.half === half && [...left].every((id) => !models.positives.has(id) || models.left.has(id)),
  );
}

/** The ids of the positives among `rows` that a model learns from. */
export const positiveIds = (rows: readonly Row[]): Set<string> =>
  new Set(rows.filter((row) => row.label > 0).map((row) => row.id));
