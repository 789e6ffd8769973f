// How a ranking of test papers is judged: precision at 20 (what the top of the page holds), recall
// at 30 (how much of what the reader wants the top 30 finds), nDCG at 30 (binary relevance); and how
// well its chances are calibrated (the predicted against the observed rate of saves, by bins).

export interface RankingMetrics {
  precision20: number;
  recall30: number;
  ndcg30: number;
}

/** The ids best first; ties keep the candidates' order. */
export function rankIds(ids: readonly string[], scores: readonly number[]): string[] {
  return [...ids.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).map((i) => ids[i]!);
}

export function measureRanking(ranked: readonly string[], relevant: ReadonlySet<string>): RankingMetrics {
  const hits = (k: number) => ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  let dcg = 0;
  ranked.slice(0, 30).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(30, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return {
    precision20: hits(20) / 20,
    recall30: relevant.size === 0 ? 0 : hits(30) / relevant.size,
    ndcg30: ideal === 0 ? 0 : dcg / ideal,
  };
}

export interface CalibrationBin {
  from: number;
  to: number;
  papers: number;
  /** Mean predicted chance in the bin. */
  predicted: number;
  /** Share of the bin's papers the reader would save. */
  observed: number;
}

export const CALIBRATION_EDGES = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0000001];

export function binCalibration(
  points: readonly { chance: number; saved: boolean }[],
  edges: readonly number[] = CALIBRATION_EDGES,
): CalibrationBin[] {
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1]!;
    const inside = points.filter((point) => point.chance >= from && point.chance < to);
    const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);
    return {
      from,
      to: Math.min(to, 1),
      papers: inside.length,
      predicted: mean(inside.map((point) => point.chance)),
      observed: mean(inside.map((point) => (point.saved ? 1 : 0))),
    };
  });
}

/** Expected calibration error: the papers' mean distance between predicted and observed, bin by bin. */
export function calibrationError(bins: readonly CalibrationBin[]): number {
  const total = bins.reduce((sum, bin) => sum + bin.papers, 0);
  return bins.reduce((sum, bin) => sum + (bin.papers / total) * Math.abs(bin.predicted - bin.observed), 0);
}

/** Mean and sample standard deviation. */
export function spread(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}
