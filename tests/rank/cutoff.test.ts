// The cut-off of the ranked day (rank/cutoff.ts): the line below which the expected saves fall under one.
import { describe, expect, it } from 'vitest';
import { cutoffIndex } from '../../src/rank/cutoff.ts';

describe('the cut-off of a ranked day', () => {
  it('stops where the chances below add up to less than one save', () => {
    // Below index 2: 0.5 + 0.3 + 0.1 = 0.9 < 1; below index 1: 0.6 + 0.9 = 1.5.
    expect(cutoffIndex([0.9, 0.6, 0.5, 0.3, 0.1])).toBe(2);
  });

  it('is zero when the whole day expects less than one save', () => {
    expect(cutoffIndex([0.4, 0.3, 0.2])).toBe(0);
    expect(cutoffIndex([])).toBe(0);
  });

  it('keeps every paper above when a long tail adds up', () => {
    const tail = Array.from({ length: 1000 }, () => 0.125);
    // Eight papers of 1/8 make one expected save: the line leaves the last seven below it.
    expect(cutoffIndex([0.95, ...tail])).toBe(1001 - 7);
  });
});
