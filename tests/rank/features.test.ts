// The ranker's words (rank/features.ts): hyphenated terms stay whole, hyphens at the edges and
// one-letter pieces, bare numbers and stop words are dropped.
import { describe, expect, it } from 'vitest';
import { listWords, visitTerms } from '../../src/rank/features.ts';

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

  it('read a hyphenated word whole and as its parts, the parts in the pairs of neighbouring words', () => {
    const words: string[] = [];
    const bigrams: string[] = [];
    const terms: string[] = [];
    visitTerms(
      { id: '1', title: 'A vision-language model', abstract: 'X-ray images', authors: ['Gábor Melis'] },
      true,
      {
        word: (word) => words.push(word) - 1,
        bigram: (first, second) => bigrams.push(`${words[first]} ${words[second]}`),
        term: (term) => terms.push(term),
      },
    );
    expect(words).toEqual(['vision-language', 'vision', 'language', 'model', 'x-ray', 'ray', 'images']);
    expect(bigrams).toEqual(['vision language', 'language model', 'ray images']);
    expect(terms).toEqual(['@gabor melis', '~circle']);
  });
});
