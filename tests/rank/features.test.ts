// The ranker's words (rank/features.ts): hyphenated terms stay whole, hyphens at the edges and
// one-letter pieces, bare numbers and stop words are dropped.
import { describe, expect, it } from 'vitest';
import { listWords } from '../../src/rank/features.ts';

describe('the words the ranker reads', () => {
  it('join runs by single hyphens and drop the hyphens at the edges', () => {
    expect(listWords('State-of-the-art -leading trailing- a--b x-2 3-D 42 Q-learning- of the')).toEqual([
      'state-of-the-art',
      'leading',
      'trailing',
      'x-2',
      '3-d',
      'q-learning',
    ]);
  });

  it('reads TeX and accents as people do', () => {
    expect(listWords("G\\'abor's $\\alpha$-divergence on Schr\\\"odinger bridges")).toEqual(
      expect.arrayContaining(['gabor', 'divergence', 'schrodinger', 'bridges']),
    );
  });
});
