// Logistic regression with L2 regularisation on sparse l2-normalised vectors, trained by stochastic
// gradient descent (Bottou, "Stochastic Gradient Descent Tricks", 2012: the learning rate
// eta0 / (1 + lambda·eta0·t) and the weight vector kept as scale × v so the decay costs O(1)).
// Classes are balanced as scikit-learn's class_weight='balanced' does. Pure and deterministic.
import type { SparseVector } from './tfidf.ts';

export interface TrainingRow {
  vector: SparseVector;
  label: 1 | -1;
  /** The row's weight before class balancing (hidden and saved 1, the unmarked rest less). */
  weight: number;
  /** How many rows it stands for (a sample's row, rank/examples.ts); 1 by default. */
  stands?: number;
}

export interface LinearModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainOptions {
  /** L2 strength (default 1e-4). */
  lambda?: number;
  epochs?: number;
  eta0?: number;
  /** Start from these weights (a retraining after a save, over the same vocabulary). */
  initial?: LinearModel;
}

/**
 * Weights per class so each class weighs half of the total. A sample's rows weigh as many rows as
 * they stand for, so the loss weighs as much against the regularisation as with all of them.
 */
function balance(rows: readonly TrainingRow[]): { pos: number; neg: number } {
  let pos = 0;
  let neg = 0;
  let represented = 0;
  for (const row of rows) {
    if (row.label > 0) pos += row.weight;
    else neg += row.weight;
    represented += row.stands ?? 1;
  }
  const total = (pos + neg) * (rows.length / Math.max(1, represented));
  return { pos: pos > 0 ? total / (2 * pos) : 0, neg: neg > 0 ? total / (2 * neg) : 0 };
}

/** A Park–Miller generator: the same rows give the same model. */
function createShuffle(seed = 42): (order: Int32Array) => void {
  let state = seed;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  return (order) => {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  };
}

export function trainLogistic(
  rows: readonly TrainingRow[],
  dimensions: number,
  options: TrainOptions = {},
): LinearModel {
  const lambda = options.lambda ?? 1e-4;
  const eta0 = options.eta0 ?? 0.5;
  const epochs = options.epochs ?? 12;
  const classWeight = balance(rows);
  const v = options.initial ? Float64Array.from(options.initial.weights) : new Float64Array(dimensions);
  let scale = 1;
  let bias = options.initial?.bias ?? 0;
  let t = 0;
  const order = Int32Array.from(rows.keys());
  const shuffle = createShuffle();
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order);
    for (const index of order) {
      const row = rows[index]!;
      const eta = eta0 / (1 + lambda * eta0 * t++);
      const { ids, values } = row.vector;
      let margin = bias;
      for (let k = 0; k < ids.length; k++) margin += scale * v[ids[k]!]! * values[k]!;
      // d/dm log(1 + e^(-y m)) = -y σ(-y m)
      const gradient = (row.label / (1 + Math.exp(row.label * margin))) * row.weight;
      const step = eta * gradient * (row.label > 0 ? classWeight.pos : classWeight.neg);
      scale *= 1 - eta * lambda;
      if (scale < 1e-9) {
        for (let k = 0; k < v.length; k++) v[k]! *= scale;
        scale = 1;
      }
      for (let k = 0; k < ids.length; k++) v[ids[k]!]! += (step * values[k]!) / scale;
      bias += step * 0.1;
    }
  }
  for (let k = 0; k < v.length; k++) v[k]! *= scale;
  return { weights: v, bias };
}

/** The model's margin for a vector: above 0 leans positive. */
export function scoreVector(model: LinearModel, vector: SparseVector): number {
  let margin = model.bias;
  for (let k = 0; k < vector.ids.length; k++) margin += model.weights[vector.ids[k]!]! * vector.values[k]!;
  return margin;
}
