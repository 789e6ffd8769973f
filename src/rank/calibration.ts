// A score read as the chance of a save. A paper has a few scores (its words' margin, its authors'
// margin, how like the saved papers it is: rank/learn.ts); a logistic regression on scores of papers
// the models never trained on turns them into one chance, Platt scaling with more than one input
// (Platt 1999; Newton's method with backtracking as Lin, Lin and Weng give it in "A note on Platt's
// probabilistic outputs for support vector machines", 2007), with Platt's smoothed targets
// (N+ + 1) / (N+ + 2) and 1 / (N- + 2), so three saves do not make a certainty. A Gaussian prior
// holds the weights near what the protocol (bench/rank.ts) found typical until enough held-out saves
// say otherwise: how much each score counts then follows the reader. Pure.

export interface Combination {
  weights: number[];
  bias: number;
}

/** The weights' prior: their means, and how many points' worth of evidence it is. */
export interface CombinationPrior {
  mean: readonly number[];
  strength: number;
}

/** One held-out paper: its scores, and whether the reader saved it. */
export interface CalibrationPoint {
  scores: readonly number[];
  saved: boolean;
}

const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function applyCombination(combination: Combination, scores: readonly number[]): number {
  let z = combination.bias;
  for (let i = 0; i < scores.length; i++) z += combination.weights[i]! * scores[i]!;
  return sigmoid(z);
}

/** Solves a small dense system (Gaussian elimination with partial pivoting). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}

/** The combination that best turns these held-out scores into the observed rate of saves. */
export function fitCombination(points: readonly CalibrationPoint[], prior: CombinationPrior): Combination {
  const d = prior.mean.length;
  const positives = points.filter((point) => point.saved).length;
  const negatives = points.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  // Parameters: d weights, then the bias.
  let theta = [...prior.mean, Math.log((positives + 1) / (negatives + 1))];
  const z = (params: number[], scores: readonly number[]) => {
    let sum = params[d]!;
    for (let i = 0; i < d; i++) sum += params[i]! * scores[i]!;
    return sum;
  };
  const loss = (params: number[]) => {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += (prior.strength / 2) * (params[i]! - prior.mean[i]!) ** 2;
    for (const point of points) {
      const value = z(params, point.scores);
      sum += softplus(value) - (point.saved ? high : low) * value;
    }
    return sum;
  };
  let current = loss(theta);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0);
    const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < d; i++) {
      gradient[i] = prior.strength * (theta[i]! - prior.mean[i]!);
      hessian[i]![i] = prior.strength;
    }
    hessian[d]![d] = 1e-12;
    for (const point of points) {
      const p = sigmoid(z(theta, point.scores));
      const residual = p - (point.saved ? high : low);
      const curvature = Math.max(p * (1 - p), 1e-12);
      const x = [...point.scores, 1];
      for (let i = 0; i <= d; i++) {
        gradient[i]! += residual * x[i]!;
        for (let j = 0; j <= d; j++) hessian[i]![j]! += curvature * x[i]! * x[j]!;
      }
    }
    if (Math.max(...gradient.map(Math.abs)) < 1e-6) break;
    const step = solve(
      hessian,
      gradient.map((g) => -g),
    );
    const descent = step.reduce((sum, s, i) => sum + s * gradient[i]!, 0);
    let size = 1;
    while (size >= 1e-8) {
      const next = theta.map((t, i) => t + size * step[i]!);
      const value = loss(next);
      if (value < current + 1e-4 * size * descent) {
        theta = next;
        current = value;
        break;
      }
      size /= 2;
    }
    if (size < 1e-8) break;
  }
  return { weights: theta.slice(0, d), bias: theta[d]! };
}
