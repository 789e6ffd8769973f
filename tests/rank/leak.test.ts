// No paper is scored by a model that learned it as a negative (rank/folds.ts): on real papers, a
// paper's scores (its words' and its authors' margins, its likeness to the saves) are the same
// whether it is one of the negatives or not in the training set at all, for every paper of the
// window; and the chance the page shows moves by no more than the one held-out point it adds to
// the calibration.
import { describe, expect, it } from 'vitest';
import { buildCircle } from '../../src/rank/circle.ts';
import type { Example, TrainingSet } from '../../src/rank/ranker.ts';
import { createTfidfRanker, inCircle, learnFromVectors, type TfidfState } from '../../src/rank/tfidf-ranker.ts';
import { scoreViews } from '../../src/rank/learn.ts';
import type { PaperVector } from '../../src/rank/tfidf.ts';
import { fitVectors } from '../../src/rank/vocabulary-fit.ts';
import { foldOf } from '../../src/rank/folds.ts';
import { scoreVector } from '../../src/rank/logistic.ts';
import { findWarmStart } from '../../src/rank/held-out.ts';
import type { RankText } from '../../src/rank/features.ts';

const scoresOf = (paper: RankText, vector: PaperVector, state: TfidfState) =>
  scoreViews(vector, foldOf(paper.id), state.models);
import { loadArxivDailySlice } from '../support/arxiv-daily.ts';

function buildSet(): TrainingSet {
  const papers = loadArxivDailySlice();
  // A reader of robotics: the slice's cs.RO papers of the first days saved, every other paper a negative.
  const saved = new Set(
    papers.filter((paper) => paper.categories.includes('cs.RO') && paper.day < '2025-11-03').map((paper) => paper.id),
  );
  const examples: Example[] = papers.map((paper) => ({
    ...paper,
    kind: saved.has(paper.id) ? 'saved' : 'background',
    seen: paper.day >= '2025-10-30',
  }));
  return { examples, circle: [] };
}

describe('scores without leaks', () => {
  const set = buildSet();
  const circle = buildCircle(set.circle);
  // The vocabulary and vectors stay as the trainer keeps them when one paper leaves the window.
  const { vocabulary, vectors } = fitVectors(set.examples, (paper) => inCircle(paper, circle));
  const full = learnFromVectors(set, vocabulary, vectors, circle)!;
  const ranker = createTfidfRanker(full);

  it('gives a negative the margin it gets when it is not trained on at all', () => {
    const negatives = set.examples.flatMap((example, i) => (example.kind === 'background' ? [i] : []));
    expect(negatives.length).toBeGreaterThan(600);
    // Every 25th negative, spread over the four days.
    for (const i of negatives.filter((_, k) => k % 25 === 0)) {
      const paper = set.examples[i]!;
      const without = { ...set, examples: set.examples.filter((_, k) => k !== i) };
      const alone = learnFromVectors(
        without,
        vocabulary,
        vectors.filter((_, k) => k !== i),
        circle,
      )!;
      expect(scoresOf(paper, vectors[i]!, alone), paper.id).toEqual(scoresOf(paper, vectors[i]!, full));
      const [chance] = createTfidfRanker(alone).score([paper]);
      expect(Math.abs(chance! - ranker.score([paper])[0]!), paper.id).toBeLessThan(0.002);
    }
  });

  it('scores a hidden paper by the model that did not learn the hide', () => {
    const i = set.examples.findIndex((example) => example.kind === 'background' && /robot/i.test(example.abstract));
    const paper = set.examples[i]!;
    const examples = set.examples.map((example, k) => (k === i ? { ...example, kind: 'hidden' as const } : example));
    const hidden = learnFromVectors({ ...set, examples }, vocabulary, vectors, circle)!;
    expect(scoresOf(paper, vectors[i]!, hidden)).toEqual(scoresOf(paper, vectors[i]!, full));
    // The check can fail: the other half's model, which learned the hide, scores the paper lower.
    const other = 1 - foldOf(paper.id);
    expect(scoreVector(hidden.models.words[other]!, vectors[i]!.words)).toBeLessThan(
      scoreVector(full.models.words[other]!, vectors[i]!.words),
    );
  });
});

describe('held-out models kept from one training to the next', () => {
  const model = { weights: new Float64Array(1), bias: 0 };
  const kept = (left: string[], positives: string[], half: number) => ({
    left: new Set(left),
    positives: new Set(positives),
    half,
    words: model,
    authors: model,
  });

  it('start a group only from models that never learned one of its saves as a positive', () => {
    // Before: saves a, b, c; the group of a and b left out, c learned.
    const before = [kept(['a', 'b'], ['c'], 0), kept(['c'], ['a', 'b'], 1)];
    // Now d, just saved (an unmarked paper before), joins a and b: the first pair never learned any of them.
    expect(findWarmStart(before, new Set(['a', 'b', 'd']), 0)).toBe(before[0]);
    // c left out with a: both pairs learned one of them.
    expect(findWarmStart(before, new Set(['a', 'c']), 0)).toBeUndefined();
    expect(findWarmStart(before, new Set(['a', 'c']), 1)).toBeUndefined();
    // The right saves but the other half's negatives: not the same scale.
    expect(findWarmStart(before, new Set(['a', 'b']), 1)).toBeUndefined();
  });

  it('are reused by a training after a save, the calibration then costing a few epochs', () => {
    const set = buildSet();
    const circle = buildCircle(set.circle);
    const { vocabulary, vectors } = fitVectors(set.examples, (paper) => inCircle(paper, circle));
    const first = learnFromVectors(set, vocabulary, vectors, circle)!;
    const i = set.examples.findIndex((example) => example.kind === 'background' && example.seen === true);
    const examples = set.examples.map((example, k) => (k === i ? { ...example, kind: 'saved' as const } : example));
    const second = learnFromVectors({ ...set, examples }, vocabulary, vectors, circle, { warm: first.models })!;
    const groups = second.models.heldOut!;
    expect(groups.length).toBeGreaterThan(1);
    const reused = groups.filter((group) => findWarmStart(first.models.heldOut!, group.left, group.half));
    expect(reused.length).toBeGreaterThan(0);
    for (const group of groups) expect([...group.left].some((id) => group.positives.has(id))).toBe(false);
  });
});
