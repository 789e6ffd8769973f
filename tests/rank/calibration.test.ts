// A score is the chance of a save (rank/calibration.ts, rank/learn.ts): the combination of a
// paper's scores finds a known curve again, and on real days held out from training, the chances
// predicted for the papers of a bin are within 0.1 of the share the readers would save (the bench
// measures it on 40,717 papers).
import { describe, expect, it } from 'vitest';
import { applyCombination, fitCombination } from '../../src/rank/calibration.ts';
import { createTfidfTrainer } from '../../src/rank/tfidf-trainer.ts';
import { loadArxivDailySlice } from '../support/arxiv-daily.ts';
import { binCalibration } from '../support/rank-metrics.ts';
import { findDayReader, splitDays } from '../support/rank-readers.ts';
import { buildReaderJob } from '../support/rank-store.ts';
import { createRandom } from '../support/seeded-random.ts';

describe('the combination of scores into a chance', () => {
  const weak = { mean: [0, 0], strength: 0.01 };

  it('finds the curve the scores were drawn from', () => {
    const random = createRandom('combination');
    const truth = { weights: [2, -1], bias: -3 };
    const points = Array.from({ length: 20_000 }, () => {
      const scores = [random.next() * 6 - 1, random.next() * 2];
      return { scores, saved: random.next() < applyCombination(truth, scores) };
    });
    const fitted = fitCombination(points, weak);
    expect(fitted.weights[0]).toBeCloseTo(2, 0);
    expect(fitted.weights[1]).toBeCloseTo(-1, 0);
    expect(fitted.bias).toBeCloseTo(-3, 0);
    for (const scores of [
      [-1, 0],
      [0, 1],
      [2, 0.5],
      [5, 2],
    ])
      expect(Math.abs(applyCombination(fitted, scores) - applyCombination(truth, scores))).toBeLessThan(0.03);
  });

  it('keeps three saves from making a certainty, and the prior from being moved by them alone', () => {
    const points = [
      ...[4, 5, 6].map((margin) => ({ scores: [margin, 0], saved: true })),
      ...Array.from({ length: 300 }, (_, i) => ({ scores: [-3 + i / 100, 0], saved: false })),
    ];
    const fitted = fitCombination(points, { mean: [1, 1], strength: 5 });
    expect(applyCombination(fitted, [6, 0])).toBeLessThan(0.95);
    // The second score says nothing here: its weight stays at the prior's.
    expect(fitted.weights[1]).toBeCloseTo(1, 5);
  });
});

describe('the chances on a held-out day', () => {
  it('are within 0.1 of the observed rate of saves, bin by bin', () => {
    const split = splitDays(loadArxivDailySlice(), 3, { storeDays: 3, testDays: 1 });
    // Readers who went through the last one or two stored days and saved every paper of a category.
    const readers = ['cs.LG', 'cs.CL', 'cs.CV', 'cs.AI', 'cs.RO'].flatMap((category) =>
      [1, 2].map((days) => findDayReader(split, category, days)),
    );
    const trainer = createTfidfTrainer({ warmStart: false });
    const points = readers.flatMap((reader) =>
      trainer
        .train(buildReaderJob(reader))
        .scores.map((score) => ({ chance: score.score, saved: reader.relevant.has(score.id) })),
    );
    const bins = binCalibration(points).filter((bin) => bin.papers >= 40);
    console.info(
      bins
        .map(
          (bin) =>
            `${bin.from}-${bin.to}: ${bin.papers} papers, predicted ${bin.predicted.toFixed(3)}, observed ${bin.observed.toFixed(3)}`,
        )
        .join('\n'),
    );
    expect(bins.length).toBeGreaterThanOrEqual(2);
    for (const bin of bins)
      expect(Math.abs(bin.predicted - bin.observed), `${bin.from}-${bin.to}`).toBeLessThanOrEqual(0.1);
    const expected = points.reduce((sum, point) => sum + point.chance, 0);
    const observed = points.filter((point) => point.saved).length;
    expect(expected).toBeGreaterThan(observed / 2);
    expect(expected).toBeLessThan(observed * 2);
  });
});
